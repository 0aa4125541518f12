/** The latest ticker of every stream, rounded to its market's precision, and who wants to hear of changes. */
import type { StreamId, Ticker } from '../../lib/protocol';
import { holdUnlessMoved, PERCENT_DECIMALS, roundTo, VOLUME_SIGNIFICANCE } from './precision';
import { diffTicker } from '../../lib/ticker-diff';
import type { MarketInfo, PriceFields } from '../feeds/types';

type Precision = Pick<MarketInfo, 'priceDecimals' | 'amountDecimals'>;

const round = (value: number | null, decimals: number | null) =>
  value === null ? null : roundTo(value, decimals);

/** Latest values per stream; a change at the market's precision is announced, noise is not. */
export class MarketState {
  private readonly tickers = new Map<StreamId, Ticker>();
  private readonly listeners = new Set<(stream: StreamId, ticker: Ticker) => void>();
  private readonly tickListeners = new Set<(stream: StreamId, ticker: Ticker) => void>();

  /** Takes a validated tick; returns true when it changed what clients should see. */
  apply(stream: StreamId, fields: PriceFields, receivedAt: number, precision: Precision): boolean {
    const { priceDecimals: p, amountDecimals: a } = precision;
    const prev = this.tickers.get(stream);
    const next: Ticker = {
      last: round(fields.last, p),
      bid: round(fields.bid, p),
      ask: round(fields.ask, p),
      high: round(fields.high, p),
      low: round(fields.low, p),
      open: round(fields.open, p),
      percentage: round(fields.percentage, PERCENT_DECIMALS),
      baseVolume: holdUnlessMoved(prev?.baseVolume, round(fields.baseVolume, a), VOLUME_SIGNIFICANCE),
      quoteVolume: holdUnlessMoved(prev?.quoteVolume, round(fields.quoteVolume, p), VOLUME_SIGNIFICANCE),
      timestamp: fields.timestamp,
      receivedAt,
      stale: false,
    };
    for (const listener of this.tickListeners) listener(stream, next);
    // A tick that repeats the held values keeps the held ticker, so its times mark the last real change
    // and every client that applied the diffs holds exactly what the server holds.
    if (!diffTicker(prev, next)) return false;
    this.set(stream, next);
    return true;
  }

  /**
   * Takes a ticker another process's market state already holds (a cluster's feed leader): kept as it is, so both
   * hold the same. Returns true when it changed what clients should see.
   */
  put(stream: StreamId, ticker: Ticker): boolean {
    if (!diffTicker(this.tickers.get(stream), ticker, { timesAlone: true })) return false;
    this.set(stream, ticker);
    return true;
  }

  /** Marks a stream's value as not known to be current (or current again); returns true on a change. */
  setStale(stream: StreamId, stale: boolean): boolean {
    const prev = this.tickers.get(stream);
    if (!prev || prev.stale === stale) return false;
    this.set(stream, { ...prev, stale });
    return true;
  }

  /** The streams held, e.g. to mark all of an exchange's streams stale. */
  streams(): IterableIterator<StreamId> {
    return this.tickers.keys();
  }

  /** The latest ticker of a stream. */
  get(stream: StreamId): Ticker | undefined {
    return this.tickers.get(stream);
  }

  /** Calls `listener` after every change; returns a function that stops it. */
  onChange(listener: (stream: StreamId, ticker: Ticker) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls `listener` with every valid tick, changed or not (for baselines that send everything). */
  onTick(listener: (stream: StreamId, ticker: Ticker) => void): () => void {
    this.tickListeners.add(listener);
    return () => this.tickListeners.delete(listener);
  }

  private set(stream: StreamId, ticker: Ticker): void {
    this.tickers.set(stream, ticker);
    for (const listener of this.listeners) listener(stream, ticker);
  }
}
