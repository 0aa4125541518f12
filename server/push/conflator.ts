/** Conflation: keeps which streams changed since the last send and turns them into one batch of field changes. */
import type { StreamId, Ticker, TickerChanges } from '../../lib/protocol';
import { diffTicker } from '../../lib/ticker-diff';

/**
 * Remembers what was last sent for each stream so a batch carries only the fields that differ from it,
 * whatever happened in between (a value that moved and came back is not sent at all).
 */
export class Conflator {
  private readonly sent = new Map<StreamId, Ticker>();
  private readonly dirty = new Set<StreamId>();

  /** Notes that a stream's current value may differ from what was sent. */
  markDirty(stream: StreamId): void {
    this.dirty.add(stream);
  }

  /** True when a batch may have something in it. */
  hasPending(): boolean {
    return this.dirty.size > 0;
  }

  /** Records a state every receiver already holds (from a snapshot), so it is not sent again. */
  remember(stream: StreamId, ticker: Ticker): void {
    this.sent.set(stream, ticker);
  }

  /** What every receiver holds after the last batch: the base a snapshot must give a newcomer. */
  sentState(): Record<StreamId, Ticker> {
    return Object.fromEntries(this.sent);
  }

  /** Forgets a stream that is no longer part of the subscription. */
  forget(stream: StreamId): void {
    this.sent.delete(stream);
    this.dirty.delete(stream);
  }

  /** Builds the batch from the current values and marks it sent; null when nothing changed. */
  take(current: (stream: StreamId) => Ticker | undefined): Record<StreamId, TickerChanges> | null {
    let batch: Record<StreamId, TickerChanges> | null = null;
    for (const stream of this.dirty) {
      const ticker = current(stream);
      if (!ticker) continue;
      const changes = diffTicker(this.sent.get(stream), ticker, { timesAlone: true });
      if (!changes) continue;
      (batch ??= {})[stream] = changes;
      this.sent.set(stream, ticker);
    }
    this.dirty.clear();
    return batch;
  }
}
