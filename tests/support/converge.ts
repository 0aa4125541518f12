/** Client state against the server's, compared once the exchange is frozen. */
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import type { DemoExchange } from '../../server/feeds/demo';
import type { MarketState } from '../../server/market/market-state';
import type { Stack } from './stack';
import { waitFor } from './stack';

/**
 * Freezes the demo exchange and waits until `market` has taken the exchange's last tick of every stream, so that
 * it changes no more.
 */
export async function freeze(
  demo: DemoExchange,
  market: MarketState,
  streams: readonly string[],
): Promise<void> {
  // Ticks that repeat the held values leave the market's times alone, so every tick taken is watched instead.
  const taken = new Map<string, number>();
  const stop = market.onTick((id, ticker) => taken.set(id, ticker.timestamp));
  try {
    await waitFor(() => streams.every((id) => taken.has(id)), 5_000, 'a tick of every stream');
    demo.faults.stall();
    const last = (id: string) => demo.ticker(id.slice(id.indexOf(':') + 1))?.timestamp;
    await waitFor(
      () => streams.every((id) => taken.get(id) === last(id)),
      5_000,
      'the server to take the frozen exchange’s last ticks',
    );
  } finally {
    stop();
  }
}

/** Freezes the exchange and waits until the server's market changes no more, so client and server can be compared. */
export function quiesce(stack: Stack, streams: readonly string[]): Promise<void> {
  return freeze(stack.demo, stack.app.market, streams);
}

/** The server's tickers of `streams`, in the shape of a client's market. */
export function serverTickers(stack: Stack, streams: readonly string[]) {
  return Object.fromEntries(
    streams.flatMap((id) => (stack.app.market.get(id) ? [[id, stack.app.market.get(id)]] : [])),
  );
}

/**
 * Freezes the exchange and expects every client's tickers to become the server's. It waits for that rather
 * than a fixed time: on two busy cores the last window's diff can take longer than a window. A client that
 * diverged never converges while the exchange is frozen, so this fails all the same.
 */
export async function expectConverged(
  stack: Stack,
  clientTickers: () => ReadonlyArray<Record<string, unknown>>,
  streams: readonly string[],
): Promise<void> {
  await quiesce(stack, streams);
  const equal = () => clientTickers().every((t) => isDeepStrictEqual(t, serverTickers(stack, streams)));
  await waitFor(equal, 3_000, 'the client to equal the server').catch(() => undefined);
  for (const tickers of clientTickers()) expect(tickers).toEqual(serverTickers(stack, streams));
}
