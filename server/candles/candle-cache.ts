/**
 * The candles fetched so far, in blocks of one request's worth per series, bounded by the total number of
 * candles held: the series used least recently goes first.
 */
import type { Candle } from './candle-check';

/** One block of a series: the candles with open times in [blockStart, blockEnd) known so far. */
export interface Block {
  /** Closed candles, oldest first. */
  candles: Candle[];
  /** Nothing exists before this time (the series begins here), or null: older history may exist. */
  start: number | null;
  /** Every candle that opens before this has closed and is in `candles` (or never traded); blockEnd when final. */
  known: number;
  /** The candle still open when the block was fetched, if the exchange sent it. */
  open: Candle | null;
}

/** An LRU of series, each a map of block index to block. */
export class CandleCache {
  private readonly series = new Map<string, Map<number, Block>>();
  private total = 0;

  /** `maxCandles`: the most closed candles held across all series. */
  constructor(private readonly maxCandles: number) {}

  get(series: string, index: number): Block | undefined {
    const blocks = this.series.get(series);
    if (!blocks) return undefined;
    // Reinserted: a Map keeps insertion order, so the first series is the least recently used.
    this.series.delete(series);
    this.series.set(series, blocks);
    return blocks.get(index);
  }

  set(series: string, index: number, block: Block): void {
    const blocks = this.series.get(series) ?? new Map<number, Block>();
    this.total += block.candles.length - (blocks.get(index)?.candles.length ?? 0);
    blocks.set(index, block);
    this.series.delete(series);
    this.series.set(series, blocks);
    this.evict(series);
  }

  /** Candles held now. */
  size(): number {
    return this.total;
  }

  // The series just written stays even when it alone is over the bound: its caller is about to read it.
  private evict(keep: string): void {
    for (const [name, blocks] of this.series) {
      if (this.total <= this.maxCandles) return;
      if (name === keep) continue;
      for (const block of blocks.values()) this.total -= block.candles.length;
      this.series.delete(name);
    }
  }
}
