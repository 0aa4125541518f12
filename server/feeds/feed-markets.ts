/** A feed's view of its exchange's markets: loaded at start (retried), refreshed hourly, and what may be watched. */
import type { Exchange } from 'ccxt';
import type { Logger } from 'pino';
import type { Backoff } from './backoff';
import { reloadMarkets } from './ccxt-exchange';
import { errorMessage } from './feed-errors';
import { safeCall } from './feed-status';
import type { StatusReporter } from './feed-status';
import { servedAsMap, TICK_SIZE, toMarketInfos } from './markets';
import { pause } from './signals';
import type { FeedSink, MarketInfo } from './types';

/** What the markets need from their feed. */
export interface FeedMarketsDeps {
  exchangeId: string;
  log: Logger;
  status: StatusReporter;
  sink: FeedSink;
  backoff: Backoff;
  signal: AbortSignal;
  now(): number;
  /** New markets were published: the loops re-read what to watch. */
  onPublished(): void;
}

/** The markets of one feed. */
export interface FeedMarkets {
  map(): ReadonlyMap<string, MarketInfo>;
  /** The symbol the exchange labels this watched symbol's tickers with, where it serves another market's data. */
  servedAs(symbol: string): string | undefined;
  /** Of `requested`, those that are markets now; the others are dropped (and said) until the next load. */
  wanted(requested: readonly string[]): string[];
  /** Skips a symbol until the next markets load (BadSymbol, not a market). */
  drop(symbol: string, reason: string): void;
  /** loadMarkets with backoff until it works; false when the feed stopped first. */
  loadUntilLoaded(ex: Exchange): Promise<boolean>;
  /** Reloads every `everyMs`; a failed refresh keeps the old markets. */
  refreshEvery(ex: Exchange, everyMs: number): void;
  stop(): void;
}

/** Creates the (empty) markets of a feed. */
export function createFeedMarkets(deps: FeedMarketsDeps): FeedMarkets {
  const { log, status, signal } = deps;
  let marketMap: ReadonlyMap<string, MarketInfo> = new Map();
  /** False until the first load: before it, no symbol can be told apart from one the exchange lacks. */
  let loaded = false;
  /** Watched symbols served with another market's data (Coinbase's -USDC products). */
  let servedAs: ReadonlyMap<string, string> = new Map();
  /** Symbols that failed as BadSymbol or are not markets: skipped until the next markets load. */
  const dropped = new Set<string>();
  let timer: ReturnType<typeof setInterval> | null = null;
  let refreshing = false;
  const error = (message: string) => ({ message, at: deps.now() });

  function publish(ex: Exchange): void {
    const infos = toMarketInfos(ex.markets, ex.precisionMode ?? TICK_SIZE);
    marketMap = new Map(infos.map((m) => [m.symbol, m]));
    loaded = true;
    servedAs = servedAsMap(ex.markets as Record<string, unknown> | undefined);
    dropped.clear();
    status.update({ markets: infos.length });
    safeCall(log, 'markets', () => deps.sink.markets(infos));
    deps.onPublished();
  }

  /** Settles with the load, or with false as soon as the feed stops (a hung request must not hold stop()). */
  function unlessStopped(load: Promise<void>): Promise<boolean> {
    load.catch(() => undefined);
    return new Promise<boolean>((resolve, reject) => {
      const stop = () => resolve(false);
      signal.addEventListener('abort', stop, { once: true });
      load
        .then(
          () => resolve(true),
          (err: unknown) => reject(err instanceof Error ? err : new Error(String(err))),
        )
        .finally(() => signal.removeEventListener('abort', stop));
    });
  }

  const markets: FeedMarkets = {
    map: () => marketMap,
    servedAs: (symbol) => servedAs.get(symbol),
    wanted(requested) {
      // The stream judge asks from the start; while the markets are still loading nothing is watched, and
      // nothing is dropped as "not a market" (an error the status would show after the load).
      if (!loaded) return [];
      const out: string[] = [];
      for (const symbol of requested) {
        if (dropped.has(symbol)) continue;
        if (marketMap.has(symbol)) out.push(symbol);
        else markets.drop(symbol, `not a market of ${deps.exchangeId}`);
      }
      return out;
    },
    drop(symbol, reason) {
      if (dropped.has(symbol)) return;
      dropped.add(symbol);
      log.warn({ symbol, reason }, 'symbol dropped until the markets reload');
      status.update({ lastError: error(`${symbol}: ${reason}`) });
    },
    async loadUntilLoaded(ex) {
      while (!signal.aborted) {
        try {
          if (!(await unlessStopped(reloadMarkets(ex)))) return false;
          deps.backoff.reset();
          publish(ex);
          return true;
        } catch (err) {
          if (signal.aborted) return false;
          const delayMs = deps.backoff.next();
          log.warn({ err: errorMessage(err), delayMs }, 'loadMarkets failed; retrying');
          status.update({ state: 'down', lastError: error(`loadMarkets: ${errorMessage(err)}`) });
          await pause(delayMs, signal);
          status.update({ state: 'connecting' });
        }
      }
      return false;
    },
    refreshEvery(ex, everyMs) {
      timer = setInterval(() => {
        if (refreshing || signal.aborted) return;
        refreshing = true;
        reloadMarkets(ex)
          .then(() => {
            if (!signal.aborted) publish(ex);
          })
          .catch((err: unknown) => {
            // The old markets stay usable; only say that the refresh failed.
            log.warn({ err: errorMessage(err) }, 'markets refresh failed');
            if (!signal.aborted) status.update({ lastError: error(`markets refresh: ${errorMessage(err)}`) });
          })
          .finally(() => {
            refreshing = false;
          });
      }, everyMs);
    },
    stop() {
      if (timer !== null) clearInterval(timer);
      timer = null;
    },
  };
  return markets;
}
