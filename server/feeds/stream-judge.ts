/** A feed's judge of its streams: freshness every 500 ms (F4-F7), refusals, and the fallback poll of unpriced ones. */
import type { Exchange } from 'ccxt';
import type { Logger } from 'pino';
import { fetchTickersOf } from './ccxt-exchange';
import { classifyError, errorMessage } from './feed-errors';
import type { StatusReporter } from './feed-status';
import { pause, Wake } from './signals';
import { createStreamTracker } from './stream-health';
import type { FreshnessRules, StreamTracker } from './stream-health';

/** How often the streams' freshness is judged: a 1 s stream turns stale within its rule's bound plus this. */
export const FRESHNESS_CHECK_MS = 500;

/** What the judge needs from its feed. */
export interface StreamJudgeDeps {
  exchangeId: string;
  log: Logger;
  now(): number;
  status: StatusReporter;
  signal: AbortSignal;
  /** The requested symbols that are markets now, watched by the stream or by polling. */
  wanted(): string[];
  /** Why the connection is down or being redialled; null while it runs. */
  trouble(): string | null;
  /** The watched symbol an exchange's own name stands for (Kraken's WebSocket names), if any. */
  resolve(exchangeSymbol: string): string | undefined;
  /** The polled set changed: the stream loops must let go of, or take back, those symbols. */
  onPolledChange(): void;
}

/** The judge of one feed. */
export interface StreamJudge {
  /** Starts judging with the rules of the feed's mode; before it, every call is a no-op. */
  begin(rules: FreshnessRules): void;
  ticked(symbol: string, at: number, via: 'stream' | 'poll'): void;
  heard(at: number): void;
  /** The exchange refused a stream, named as the exchange wrote it: unpriced at once, and polled (F7). */
  refuse(exchangeSymbol: string, reason: string): void;
  /** The symbols priced by polling instead of the stream. */
  polled(): string[];
  /** Polls the unpriced streams until the feed stops; its failures never fail the stream loops. */
  pollLoop(
    ex: Exchange,
    intervalMs: number,
    deliver: (result: unknown, symbols: string[]) => void,
    junk: (err: unknown) => void,
  ): Promise<void>;
  stop(): void;
}

/** Creates the judge; begin() starts it. */
export function createStreamJudge(deps: StreamJudgeDeps): StreamJudge {
  const { log, status, now } = deps;
  let tracker: StreamTracker | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  /** Fired when the fallback poll has new symbols to price, and on stop. */
  const pollWake = new Wake();

  function judge(): void {
    if (tracker === null || deps.signal.aborted) return;
    const before = tracker.polled().join();
    tracker.watch(deps.wanted(), now());
    const current = status.current();
    const trouble = deps.trouble();
    const running = trouble === null && current.state !== 'down';
    const reason = trouble ?? current.lastError?.message ?? null;
    if (tracker.evaluate(now(), { running, trouble: reason }))
      status.update({ streams: { ...tracker.health() } });
    if (tracker.polled().join() !== before) {
      deps.onPolledChange();
      pollWake.fire();
    }
    // Every stream of a fixed-cadence feed silent: the feed is stale, long before the redial watchdog (F4).
    if (current.state === 'live' && tracker.allStale()) status.update({ state: 'stale' });
  }

  return {
    begin(rules) {
      tracker = createStreamTracker(rules);
      timer = setInterval(judge, FRESHNESS_CHECK_MS);
    },
    ticked: (symbol, at, via) => tracker?.ticked(symbol, at, via),
    heard: (at) => tracker?.heard(at),
    refuse(exchangeSymbol, reason) {
      const symbol = deps.resolve(exchangeSymbol);
      if (symbol === undefined || tracker === null) return;
      log.warn({ symbol, reason }, 'the exchange refused the stream; pricing it by polling');
      tracker.refused(symbol, `${deps.exchangeId} refused the stream: ${reason}`, now());
      judge();
    },
    polled: () => tracker?.polled() ?? [],
    async pollLoop(ex, intervalMs, deliver, junk) {
      while (!deps.signal.aborted) {
        const waiter = pollWake.wait();
        const symbols = tracker?.polled() ?? [];
        if (symbols.length === 0) {
          await waiter.promise;
          continue;
        }
        waiter.cancel();
        try {
          deliver(await fetchTickersOf(ex, symbols), symbols);
        } catch (err) {
          if (deps.signal.aborted) return;
          log.warn({ err: errorMessage(err), symbols }, 'fallback poll failed');
          if (classifyError(err) === 'junk') junk(err);
        }
        await pause(intervalMs, deps.signal);
      }
    },
    stop() {
      if (timer !== null) clearInterval(timer);
      timer = null;
      pollWake.fire();
    },
  };
}
