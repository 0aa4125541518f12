/** A fixed-capacity series of (time, value) points; the oldest point goes when a new one arrives at capacity. */

/** Bounded time series, time-ordered, with one point per time slot. */
export class PointRing {
  private readonly times: Float64Array;
  private readonly values: Float64Array;
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    this.times = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
  }

  /** Number of points held. */
  get size(): number {
    return this.count;
  }

  /** Adds a point; a point at the newest point's time replaces it, an older one is ignored. */
  push(time: number, value: number): void {
    if (this.count > 0) {
      const newest = (this.start + this.count - 1) % this.capacity;
      const newestTime = this.times[newest] as number;
      if (time === newestTime) {
        this.values[newest] = value;
        return;
      }
      if (time < newestTime) return;
    }
    const slot = (this.start + this.count) % this.capacity;
    this.times[slot] = time;
    this.values[slot] = value;
    if (this.count < this.capacity) this.count++;
    else this.start = (this.start + 1) % this.capacity;
  }

  /** The points newer than `since` (all when omitted), oldest first, as [time, value] pairs. */
  since(since = -Infinity): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (let i = 0; i < this.count; i++) {
      const slot = (this.start + i) % this.capacity;
      const time = this.times[slot] as number;
      if (time > since) out.push([time, this.values[slot] as number]);
    }
    return out;
  }
}
