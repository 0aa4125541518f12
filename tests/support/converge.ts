/** Client state against the server's, compared once the exchange is frozen. */
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import type { Stack } from './stack';
import { sleep, waitFor } from './stack';

/** Freezes the exchange and waits until the last changes have gone out, so client and server can be compared. */
export async function quiesce(stack: Stack): Promise<void> {
  stack.demo.faults.stall();
  await sleep(600);
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
  await quiesce(stack);
  const equal = () => clientTickers().every((t) => isDeepStrictEqual(t, serverTickers(stack, streams)));
  await waitFor(equal, 3_000, 'the client to equal the server').catch(() => undefined);
  for (const tickers of clientTickers()) expect(tickers).toEqual(serverTickers(stack, streams));
}
