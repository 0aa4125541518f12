/**
 * The live candle of every watched candle stream (docs/protocol.md K2-K4): its prices follow the market's ticks,
 * its volume and open the exchange's own candle, and the latest closed candle is the exchange's, final once set.
 */
import { parseCandleStreamId } from '../../lib/candle-stream';
import { candleOpen } from '../../lib/timeframes';
import { CLOSE_GRACE_MS } from '../candles/candle-check';
import type { CandleStreamRef } from '../../lib/candle-stream';
import type { CandleRow, LiveCandle, StreamId, Ticker } from '../../lib/protocol';

/** What the exchange says of a series now: its latest closed candles and the open one, oldest first. */
export interface ExchangeCandles {
  closed: readonly CandleRow[];
  current: CandleRow | null;
}

/** Why a piece of data changed nothing; counted for the metrics, never applied (K4). */
export type CandleRefusal = 'late-tick' | 'closed-rewrite';

interface Series {
  id: StreamId;
  ref: CandleStreamRef;
  candle: LiveCandle | null;
  /** Whether a tick has set the close of the current period (else the exchange's close stands). */
  ticked: boolean;
  /** Exchange time of the newest tick applied. */
  lastTickAt: number;
}

export class CandleState {
  private readonly series = new Map<StreamId, Series>();
  private readonly byMarket = new Map<StreamId, Set<Series>>();
  private readonly listeners = new Set<(id: StreamId) => void>();
  private readonly rollListeners = new Set<(id: StreamId, closedTime: number) => void>();
  readonly refused: Record<CandleRefusal, number> = { 'late-tick': 0, 'closed-rewrite': 0 };

  /** Keeps exactly these candle streams (ids that are not candle streams are ignored); others are forgotten. */
  watch(ids: Iterable<StreamId>): void {
    const wanted = new Set<StreamId>();
    for (const id of ids) {
      const ref = parseCandleStreamId(id);
      if (!ref) continue;
      wanted.add(id);
      if (this.series.has(id)) continue;
      const series: Series = { id, ref, candle: null, ticked: false, lastTickAt: -Infinity };
      this.series.set(id, series);
      let set = this.byMarket.get(ref.stream);
      if (!set) this.byMarket.set(ref.stream, (set = new Set()));
      set.add(series);
    }
    for (const [id, series] of this.series) {
      if (wanted.has(id)) continue;
      this.series.delete(id);
      const set = this.byMarket.get(series.ref.stream);
      set?.delete(series);
      if (set?.size === 0) this.byMarket.delete(series.ref.stream);
    }
  }

  /** The candle streams watched. */
  watched(): StreamId[] {
    return [...this.series.keys()];
  }

  /** The live candle of a stream, once a tick or the exchange has given one. */
  get(id: StreamId): LiveCandle | undefined {
    return this.series.get(id)?.candle ?? undefined;
  }

  /** Calls `listener` after every change of a live candle; returns a function that stops it. */
  onChange(listener: (id: StreamId) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls `listener` when a period ends, with the open time of the candle that closed (its final values are due). */
  onRoll(listener: (id: StreamId, closedTime: number) => void): () => void {
    this.rollListeners.add(listener);
    return () => this.rollListeners.delete(listener);
  }

  /**
   * A market's ticker after a change in the market state (validated, rounded): a newer tick moves its live
   * candles, a flip of `stale` marks them.
   */
  tick(stream: StreamId, ticker: Ticker): void {
    const set = this.byMarket.get(stream);
    if (!set) return;
    for (const series of set) {
      if (series.candle && series.candle.stale !== ticker.stale)
        this.set(series, { ...series.candle, stale: ticker.stale });
      if (ticker.last === null || ticker.timestamp === series.lastTickAt) continue; // a flip of `stale` only
      if (ticker.timestamp < series.lastTickAt) {
        // Older than a tick already applied: late data never rewrites a candle (K4).
        this.refused['late-tick'] += 1;
        continue;
      }
      series.lastTickAt = ticker.timestamp;
      this.tickSeries(series, ticker.last, ticker.timestamp, ticker.stale);
    }
  }

  /** Ends the periods that are over on the server's clock, for markets without a tick since (a quiet market). */
  clock(now: number): void {
    for (const series of this.series.values()) {
      const candle = series.candle;
      if (!candle) continue;
      const period = candleOpen(series.ref.timeframe, now - CLOSE_GRACE_MS);
      if (period > candle.time) this.roll(series, period, candle.close);
    }
  }

  /** What the exchange says of a series: sets the closed candle once, and the open one's open, range and volume. */
  exchange(id: StreamId, rows: ExchangeCandles): void {
    const series = this.series.get(id);
    if (!series) return;
    const { current } = rows;
    let candle = series.candle;
    if (current && (!candle || current[0] > candle.time)) {
      // Ahead of the ticks (none yet, or none in this period): the exchange's open candle is the live one.
      if (candle) this.roll(series, current[0], candle.close);
      candle = this.fromRow(series, current, series.candle?.closed ?? null);
    } else if (current && candle && current[0] === candle.time) {
      const [, open, high, low, close, volume] = current;
      candle = {
        ...candle,
        open,
        high: Math.max(candle.high, high),
        low: Math.min(candle.low, low),
        close: series.ticked ? candle.close : close,
        volume,
      };
    }
    if (!candle) return;
    const closed = this.latestClosed(candle, rows.closed);
    this.set(series, closed === candle.closed ? candle : { ...candle, closed });
  }

  private tickSeries(series: Series, price: number, timeMs: number, stale: boolean): void {
    const { timeframe } = series.ref;
    const period = candleOpen(timeframe, timeMs);
    const candle = series.candle;
    if (candle && period < candle.time) {
      // A tick of a period already closed: late data never rewrites a candle (K4).
      this.refused['late-tick'] += 1;
      return;
    }
    if (!candle || period > candle.time) {
      if (candle) this.roll(series, period, price);
      else this.set(series, this.fresh(period, price, null, stale));
      series.ticked = true;
      return;
    }
    series.ticked = true;
    if (price === candle.close && price <= candle.high && price >= candle.low && candle.stale === stale)
      return;
    this.set(series, {
      ...candle,
      high: Math.max(candle.high, price),
      low: Math.min(candle.low, price),
      close: price,
      stale,
    });
  }

  /** Starts the period at `time` from `price`; the candle before it closes and its final values are asked for. */
  private roll(series: Series, time: number, price: number): void {
    const before = series.candle;
    series.ticked = false;
    this.set(series, this.fresh(time, price, before?.closed ?? null, before?.stale ?? false));
    if (before) for (const listener of this.rollListeners) listener(series.id, before.time);
  }

  /** The newest closed row after the one held and before the live candle; the held one when none is. */
  private latestClosed(candle: LiveCandle, rows: readonly CandleRow[]): CandleRow | null {
    let closed = candle.closed;
    for (const row of rows) {
      if (row[0] >= candle.time) continue;
      if (closed && row[0] === closed[0] && row.some((v, i) => v !== closed?.[i])) {
        // The exchange now says otherwise of a candle already given as final: it stays as given (K4).
        this.refused['closed-rewrite'] += 1;
        continue;
      }
      if (!closed || row[0] > closed[0]) closed = row;
    }
    return closed;
  }

  private fresh(time: number, price: number, closed: CandleRow | null, stale: boolean): LiveCandle {
    return { time, open: price, high: price, low: price, close: price, volume: null, closed, stale };
  }

  private fromRow(series: Series, row: CandleRow, closed: CandleRow | null): LiveCandle {
    const [time, open, high, low, close, volume] = row;
    series.ticked = false;
    return { time, open, high, low, close, volume, closed, stale: series.candle?.stale ?? false };
  }

  private set(series: Series, candle: LiveCandle): void {
    series.candle = candle;
    for (const listener of this.listeners) listener(series.id);
  }
}
