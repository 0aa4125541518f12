/**
 * Candle history for charts: closed candles fetched once per market and timeframe, shared by every user (and by
 * the instances of a cluster through Redis), paged back with `before`. Closed candles never change, so a block
 * once complete is never asked for again; the newest block is asked again only for what closed since.
 */
import type { Exchange } from 'ccxt';
import type { Logger } from 'pino';
import type { StreamId } from '../../lib/protocol';
import { parseStreamId } from '../../lib/stream-id';
import { AppError, text } from '../errors';
import { noMarket, notConfigured } from '../feeds/catalog';
import { classifyError, errorMessage } from '../feeds/feed-errors';
import type { RestExchanges } from '../feeds/rest-exchanges';
import { aggregate } from './aggregate';
import { blockIndex, blockRange, fetchBlock, isFinal, refreshAt } from './block-fetch';
import type { SeriesRef } from './block-fetch';
import { CandleCache } from './candle-cache';
import type { Block } from './candle-cache';
import { CLOSE_GRACE_MS } from './candle-check';
import type { BadCandleReason, Candle } from './candle-check';
import { candleLimits, timeframeSources } from './exchange-plan';
import type { SharedBlocks } from './shared-blocks';
import { candleOpen, nextOpen, timeframeMs } from '../../lib/timeframes';
import type { Timeframe } from '../../lib/timeframes';

/** A page of history: closed candles oldest first, whether older ones exist, and the candle still open. */
export interface CandlePage {
  candles: Candle[];
  more: boolean;
  /** The current candle as the exchange last sent it; only on a page without `before`, and only when sent. */
  open: Candle | null;
}

/** What the service needs; everything with a side effect is passed in. */
export interface CandleHistoryOptions {
  exchanges: RestExchanges;
  log: Logger;
  /** Blocks shared with the other instances of a cluster; absent without REDIS_URL. */
  shared?: SharedBlocks | undefined;
  now?: () => number;
  /** The most closed candles kept in memory across all series (default 200,000, some 20 MB). */
  maxCandles?: number;
}

const DEFAULT_MAX_CANDLES = 200_000;
/** The shortest time between two reads of a series' newest candles for its live candle. */
export const FRESH_MS = 5_000;
/** How long a client waits before asking again when the exchange fails. */
const RETRY_AFTER_MS = 10_000;
/** How long one instance may hold the right to fetch a block; others wait at most this long for it. */
const LOCK_MS = 10_000;
/** How often an instance waiting for another's block looks for it. */
const WAIT_POLL_MS = 50;
/** How long a complete block stays in Redis; it never changes, the bound only keeps Redis from filling up. */
const SHARED_FINAL_MS = 86_400_000;

/** Closed candles of a series in [from, to), and where the series begins when that was reached. */
interface Range {
  candles: Candle[];
  start: number | null;
  open: Candle | null;
}

export class CandleHistory {
  private readonly cache: CandleCache;
  private readonly inflight = new Map<string, Promise<Block>>();
  private readonly freshAt = new Map<string, number>();
  private readonly bad = new Map<string, number>();
  // Blocks that lost a candle to the check: served once, never kept, so that the next request asks again.
  private readonly holed = new WeakSet<Block>();
  private readonly now: () => number;

  constructor(private readonly options: CandleHistoryOptions) {
    this.cache = new CandleCache(options.maxCandles ?? DEFAULT_MAX_CANDLES);
    this.now = options.now ?? Date.now;
  }

  /** The timeframes an exchange offers, shortest first. */
  async timeframes(exchange: string): Promise<Timeframe[]> {
    return timeframeSources(await this.exchange(exchange)).map((s) => s.tf);
  }

  /**
   * Up to `limit` closed candles of `stream` opening before `before` (default: all closed ones), the newest of
   * them, oldest first. Throws an AppError: an unknown exchange or symbol, a timeframe not offered, or the
   * exchange failing (EXCHANGE_UNAVAILABLE, nothing cached).
   */
  async candles(
    stream: StreamId,
    tf: Timeframe,
    request: { before?: number | undefined; limit: number; fresh?: boolean },
  ): Promise<CandlePage> {
    const ref = parseStreamId(stream);
    if (!ref) throw new AppError('BAD_REQUEST', text('errors', 'notStreamIdShort', { stream }));
    const ex = await this.exchange(ref.exchange);
    const sources = timeframeSources(ex);
    const source = sources.find((s) => s.tf === tf);
    if (!source) {
      const offered = sources.map((s) => s.tf).join(', ') || text('errors', 'noTimeframes');
      throw new AppError(
        'BAD_REQUEST',
        text('errors', 'timeframeNotOffered', { exchange: ref.exchange, timeframe: tf, offered }),
      );
    }
    const series: SeriesRef = { ex, symbol: ref.symbol, tf: source.source, limits: candleLimits(ex) };
    const now = this.now();
    // A candle that ended within the grace is not closed yet (candle-check.ts): pages end before it.
    const settled = candleOpen(tf, now - CLOSE_GRACE_MS);
    const to = request.before === undefined ? settled : Math.min(settled, nextOpen(tf, request.before));
    const from = to - request.limit * timeframeMs(tf);
    const current = candleOpen(tf, now);
    // The open candle of a built timeframe is built from the source's candles up to now.
    const built = source.source !== tf;
    const sourceTo = built && request.before === undefined ? candleOpen(source.source, now) : to;
    const range = await this.range(
      ref.exchange,
      series,
      {
        from,
        to: sourceTo,
        fresh: request.fresh === true,
        openAt: request.before === undefined ? candleOpen(source.source, now) : null,
      },
      now,
    );
    let candles = range.candles;
    // A cached block keeps the candle that was open when it was fetched: only the current one is served.
    let open = range.open !== null && range.open[0] >= current ? range.open : null;
    if (built) {
      candles = aggregate(
        range.candles.filter(([time]) => time < to),
        tf,
        range.start,
      );
      const parts = range.candles.filter(([time]) => time >= current);
      if (open) parts.push(open);
      open = aggregate(parts, tf, null)[0] ?? null;
    }
    // Older candles exist unless the series is known to begin within this page.
    const more = range.start === null || nextOpen(tf, range.start) < from;
    return { candles, more, open: request.before === undefined ? open : null };
  }

  /** Candles dropped by the check so far, by exchange and reason: livefolio_bad_candles_total. */
  badCandles(): Array<[{ exchange: string; reason: string }, number]> {
    return [...this.bad].map(([key, count]) => {
      const [exchange = '', reason = ''] = key.split('\n');
      return [{ exchange, reason }, count];
    });
  }

  /** Candles held in memory now. */
  cachedCandles(): number {
    return this.cache.size();
  }

  private async exchange(id: string): Promise<Exchange> {
    const pending = this.options.exchanges.get(id);
    if (!pending) throw notConfigured(id);
    try {
      return await pending;
    } catch (err) {
      this.options.log.warn({ exchange: id, err: errorMessage(err) }, 'exchange unreachable for candles');
      throw unavailable(id);
    }
  }

  /**
   * The closed candles of a source series in [from, to), newest blocks first, until the series begins, and the
   * candle open at `openAt` (null: none wanted).
   */
  private async range(
    exchange: string,
    series: SeriesRef,
    { from, to, fresh, openAt }: { from: number; to: number; fresh: boolean; openAt: number | null },
    now: number,
  ): Promise<Range> {
    const parts: Candle[][] = [];
    let start: number | null = null;
    let open: Candle | null = null;
    const ms = timeframeMs(series.tf);
    const newest = blockIndex(series, to - ms);
    // When the newest closed candle ends a block, the open one begins the next: that block is asked for it.
    if (openAt !== null && blockIndex(series, openAt) > newest) {
      open = (await this.block(exchange, series, blockIndex(series, openAt), now, fresh)).open;
    }
    if (to <= from) return { candles: [], start, open };
    for (let index = newest; index >= blockIndex(series, from); index--) {
      const block = await this.block(exchange, series, index, now, fresh && index === newest);
      open ??= block.open;
      parts.unshift(block.candles.filter(([time]) => time >= from && time < to));
      if (block.start !== null) {
        start = block.start;
        break;
      }
      if (blockRange(series, index)[0] <= from) break;
    }
    return { candles: parts.flat(), start, open };
  }

  private block(
    exchange: string,
    series: SeriesRef,
    index: number,
    now: number,
    fresh = false,
  ): Promise<Block> {
    const key = `${exchange}:${series.symbol}:${series.tf}:${series.limits.perRequest}`;
    const id = `${key}:${index}`;
    const cached = this.cache.get(key, index);
    // A live candle's refresh asks the exchange again, at most once per FRESH_MS whoever asks (K3).
    const force = fresh && now - (this.freshAt.get(id) ?? -Infinity) >= FRESH_MS;
    if (cached && !force && (isFinal(series, index, cached) || now < refreshAt(series, cached)))
      return Promise.resolve(cached);
    if (force) this.freshAt.set(id, now);
    let pending = this.inflight.get(id);
    if (!pending) {
      const loading = force
        ? this.fetch(exchange, series, index, cached, now)
        : this.load(exchange, series, index, cached, now, id);
      pending = loading.then((block) => {
        if (!this.holed.has(block)) this.cache.set(key, index, block);
        return block;
      });
      const done = () => this.inflight.delete(id);
      pending.then(done, done);
      this.inflight.set(id, pending);
    }
    return pending;
  }

  /** A block from the cluster when another instance fetched it, else from the exchange (and then shared). */
  private async load(
    exchange: string,
    series: SeriesRef,
    index: number,
    previous: Block | undefined,
    now: number,
    id: string,
  ): Promise<Block> {
    const { shared } = this.options;
    const usable = (block: Block | null): boolean =>
      block !== null && (isFinal(series, index, block) || this.now() < refreshAt(series, block));
    if (shared) {
      const found = await shared.get(id);
      if (found && usable(found)) return found;
      const release = await shared.lock(id, LOCK_MS);
      if (!release) {
        // Another instance is asking the exchange: its answer will be in Redis shortly.
        const until = this.now() + LOCK_MS;
        while (this.now() < until) {
          await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
          const theirs = await shared.get(id);
          if (theirs && usable(theirs)) return theirs;
        }
      } else {
        try {
          // Another instance's stale copy may reach further than ours: only what closed after it is asked for.
          const base = found && (!previous || found.known > previous.known) ? found : previous;
          const block = await this.fetch(exchange, series, index, base, now);
          const ttl = isFinal(series, index, block) ? SHARED_FINAL_MS : refreshAt(series, block) - this.now();
          if (ttl > 0 && !this.holed.has(block)) await shared.put(id, block, ttl);
          return block;
        } finally {
          await release();
        }
      }
    }
    return this.fetch(exchange, series, index, previous, now);
  }

  private async fetch(
    exchange: string,
    series: SeriesRef,
    index: number,
    previous: Block | undefined,
    now: number,
  ): Promise<Block> {
    try {
      let holes = false;
      const block = await fetchBlock(series, index, previous, now, (reason) => {
        this.count(exchange, reason);
        // A duplicate left its twin, a future candle was never history: nothing closed is missing for them.
        if (reason !== 'duplicate' && reason !== 'future') holes = true;
      });
      if (holes) this.holed.add(block);
      return block;
    } catch (err) {
      const kind = classifyError(err);
      this.options.log.warn(
        { exchange, symbol: series.symbol, tf: series.tf, err: errorMessage(err) },
        'candles not fetched',
      );
      if (kind === 'bad-symbol') throw noMarket(exchange, series.symbol);
      throw unavailable(exchange);
    }
  }

  private count(exchange: string, reason: BadCandleReason): void {
    const key = `${exchange}\n${reason}`;
    this.bad.set(key, (this.bad.get(key) ?? 0) + 1);
  }
}

function unavailable(exchange: string): AppError {
  return new AppError(
    'EXCHANGE_UNAVAILABLE',
    text('errors', 'candlesUnavailable', { exchange }),
    RETRY_AFTER_MS,
  );
}
