/** Latency histogram with 1 ms buckets: cheap to fill in the clients, exact to merge across processes. */

/** Buckets above this all count as this much (and show as "≥"). */
const MAX_MS = 60_000;

/** Pairs of [milliseconds, count] for the buckets that are not empty: what travels over IPC. */
export type SparseHistogram = Array<[number, number]>;

/** Counts of latencies rounded to whole milliseconds; negative values (clock steps) count as 0. */
export class Histogram {
  private readonly buckets = new Uint32Array(MAX_MS + 1);
  count = 0;

  /** Records one latency. */
  add(ms: number): void {
    const bucket = ms <= 0 ? 0 : ms >= MAX_MS ? MAX_MS : Math.round(ms);
    this.buckets[bucket] = (this.buckets[bucket] ?? 0) + 1;
    this.count++;
  }

  /** Forgets everything (the end of the warm-up). */
  reset(): void {
    this.buckets.fill(0);
    this.count = 0;
  }

  /** The non-empty buckets. */
  toSparse(): SparseHistogram {
    const out: SparseHistogram = [];
    this.buckets.forEach((n, ms) => {
      if (n > 0) out.push([ms, n]);
    });
    return out;
  }

  /** A histogram holding the sum of sparse ones. */
  static merge(parts: readonly SparseHistogram[]): Histogram {
    const h = new Histogram();
    for (const part of parts) {
      for (const [ms, n] of part) {
        h.buckets[ms] = (h.buckets[ms] ?? 0) + n;
        h.count += n;
      }
    }
    return h;
  }

  /** The smallest latency at or below which `p` percent of the samples lie; null when empty. */
  percentile(p: number): number | null {
    if (this.count === 0) return null;
    const rank = Math.max(1, Math.ceil((p / 100) * this.count));
    let seen = 0;
    for (let ms = 0; ms <= MAX_MS; ms++) {
      seen += this.buckets[ms] ?? 0;
      if (seen >= rank) return ms;
    }
    return MAX_MS;
  }

  /** The largest latency recorded; null when empty. */
  max(): number | null {
    for (let ms = MAX_MS; ms >= 0; ms--) if ((this.buckets[ms] ?? 0) > 0) return ms;
    return null;
  }
}
