/** Recent prices per stream at a fixed resolution, so charts are full when a page loads. */
import type { StreamId } from '../../lib/protocol';
import { PointRing } from './ring-buffer';

/** One bounded ring of (slot time, last price) per stream. */
export class PriceHistory {
  private readonly series = new Map<StreamId, PointRing>();

  constructor(
    private readonly capacity: number,
    readonly resolutionMs = 1000,
  ) {}

  /** Records a price at a time; the last price within a slot wins. */
  record(stream: StreamId, time: number, price: number): void {
    let ring = this.series.get(stream);
    if (!ring) {
      ring = new PointRing(this.capacity);
      this.series.set(stream, ring);
    }
    ring.push(time - (time % this.resolutionMs), price);
  }

  /** Points newer than `since`, oldest first; empty for a stream never seen. */
  points(stream: StreamId, since?: number): Array<[number, number]> {
    return this.series.get(stream)?.since(since) ?? [];
  }
}
