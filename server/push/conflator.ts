/** Conflation: keeps which streams changed since the last send and turns them into one batch of field changes. */
import type { LiveCandle, LiveCandleChanges, StreamId, Ticker, TickerChanges } from '../../lib/protocol';
import { diffCandle } from '../../lib/candle-diff';
import { diffTicker } from '../../lib/ticker-diff';

/**
 * Remembers what was last sent for each stream so a batch carries only the fields that differ from it,
 * whatever happened in between (a value that moved and came back is not sent at all). `V` is a stream's value
 * (a ticker, a live candle), `C` its changes.
 */
export class Conflator<V = Ticker, C = TickerChanges> {
  private readonly sent = new Map<StreamId, V>();
  private readonly dirty = new Set<StreamId>();

  constructor(private readonly diff: (prev: V | undefined, next: V) => C | null) {}

  /** Notes that a stream's current value may differ from what was sent. */
  markDirty(stream: StreamId): void {
    this.dirty.add(stream);
  }

  /** True when a batch may have something in it. */
  hasPending(): boolean {
    return this.dirty.size > 0;
  }

  /** Records a state every receiver already holds (from a snapshot), so it is not sent again. */
  remember(stream: StreamId, value: V): void {
    this.sent.set(stream, value);
  }

  /** What every receiver holds after the last batch: the base a snapshot must give a newcomer. */
  sentState(): Record<StreamId, V> {
    return Object.fromEntries(this.sent);
  }

  /** Forgets a stream that is no longer part of the subscription. */
  forget(stream: StreamId): void {
    this.sent.delete(stream);
    this.dirty.delete(stream);
  }

  /** Builds the batch from the current values and marks it sent; null when nothing changed. */
  take(current: (stream: StreamId) => V | undefined): Record<StreamId, C> | null {
    let batch: Record<StreamId, C> | null = null;
    for (const stream of this.dirty) {
      const value = current(stream);
      if (!value) continue;
      const changes = this.diff(this.sent.get(stream), value);
      if (!changes) continue;
      (batch ??= {})[stream] = changes;
      this.sent.set(stream, value);
    }
    this.dirty.clear();
    return batch;
  }
}

/** Tickers' conflation: times travel on their own too (M4). */
export const tickerConflator = () =>
  new Conflator<Ticker, TickerChanges>((prev, next) => diffTicker(prev, next, { timesAlone: true }));

/** Live candles' conflation (K2). */
export const candleConflator = () => new Conflator<LiveCandle, LiveCandleChanges>(diffCandle);
