/** The three ways a feed takes tickers from its exchange: watchTickers, watchTicker per symbol, or polling. */
import type { Exchange } from 'ccxt';
import type { Logger } from 'pino';
import type { FeedMode } from '../../lib/protocol';
import { fetchTickersOf } from './ccxt-exchange';
import type { ConnectionGuard } from './connection-guard';
import { pause } from './signals';
import type { Wake } from './signals';
import type { TickIntake } from './tick-intake';
import type { Unsubscriber } from './unsubscriber';

/** What the mode loops need from their feed. */
export interface ModeDeps {
  ex: Exchange;
  log: Logger;
  now(): number;
  signal: AbortSignal;
  /** Fired on anything a pending watch must give way to. */
  wake: Wake;
  connection: ConnectionGuard;
  intake: TickIntake;
  subscriptions: Unsubscriber;
  watchParams: Record<string, unknown>;
  /** Poll period of the poll mode (the exchange's rate limit already applied). */
  pollIntervalMs: number;
  /** The symbols to watch on the stream now. */
  activeSymbols(): string[];
  /** Waits for the reconnect gate and for symbols (only `only`, if given); null when the loop must end. */
  nextSymbols(only?: string): Promise<string[] | null>;
  /** One call raced against wake-ups, its result delivered, its error sorted. */
  attempt(symbols: string[], call: () => Promise<unknown>, onData: (value: unknown) => void): Promise<void>;
}

/** Runs the loop of `mode` until the feed stops. */
export function runMode(mode: FeedMode, deps: ModeDeps): Promise<void> {
  if (mode === 'watchTickers') return watchTickersLoop(deps);
  if (mode === 'watchTicker') return watchTickerSupervisor(deps);
  return pollLoop(deps);
}

async function watchTickersLoop(deps: ModeDeps): Promise<void> {
  const { ex, intake, subscriptions } = deps;
  for (let symbols = await deps.nextSymbols(); symbols !== null; symbols = await deps.nextSymbols()) {
    const watched = symbols;
    subscriptions.shed(ex, 'watchTickers', watched);
    subscriptions.note(watched);
    await deps.attempt(
      watched,
      () => ex.watchTickers(watched, deps.watchParams),
      (result) => {
        intake.deliverMany(result, watched);
        intake.deliverCached(ex, watched);
      },
    );
  }
}

async function watchTickerLoop(deps: ModeDeps, symbol: string): Promise<void> {
  const { ex, intake } = deps;
  for (
    let symbols = await deps.nextSymbols(symbol);
    symbols !== null;
    symbols = await deps.nextSymbols(symbol)
  ) {
    const watched = symbols;
    deps.subscriptions.note(watched);
    await deps.attempt(
      watched,
      () => ex.watchTicker(symbol, deps.watchParams),
      (ticker) => {
        intake.deliver(symbol, ticker, deps.now());
        intake.deliverCached(ex, watched);
      },
    );
  }
}

/** One watchTicker loop per symbol; they share the generation, watchdog and state of the feed. */
async function watchTickerSupervisor(deps: ModeDeps): Promise<void> {
  const loops = new Map<string, Promise<void>>();
  while (!deps.signal.aborted) {
    const waiter = deps.wake.wait();
    const symbols = deps.activeSymbols();
    deps.subscriptions.shed(deps.ex, 'watchTicker', symbols);
    for (const symbol of symbols) {
      if (loops.has(symbol)) continue;
      const loop = watchTickerLoop(deps, symbol)
        .catch((err: unknown) => deps.log.error({ err, symbol }, 'watchTicker loop failed'))
        .finally(() => loops.delete(symbol));
      loops.set(symbol, loop);
    }
    if (symbols.length === 0) deps.connection.idle();
    await waiter.promise;
  }
  await Promise.all(loops.values());
}

async function pollLoop(deps: ModeDeps): Promise<void> {
  for (let symbols = await deps.nextSymbols(); symbols !== null; symbols = await deps.nextSymbols()) {
    const watched = symbols;
    await deps.attempt(
      watched,
      () => fetchTickersOf(deps.ex, watched),
      (result) => deps.intake.deliverMany(result, watched),
    );
    await pause(deps.pollIntervalMs, deps.signal);
  }
}
