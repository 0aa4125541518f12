/**
 * One block of a series from the exchange: the candles of one request's worth of open times, on a fixed grid of
 * blocks so that every instance and every request names the same block the same way.
 */
import type { Exchange } from 'ccxt';
import type { Block } from './candle-cache';
import { CLOSE_GRACE_MS, checkCandles } from './candle-check';
import type { BadCandleReason } from './candle-check';
import type { CandleLimits } from './exchange-plan';
import { candleOpen, gridOf } from '../../lib/timeframes';
import type { Timeframe } from '../../lib/timeframes';

/** One series as the exchange serves it: a market in one of the exchange's own timeframes. */
export interface SeriesRef {
  ex: Exchange;
  symbol: string;
  tf: Timeframe;
  limits: CandleLimits;
}

/** The open times [start, end) of block `index`. */
export function blockRange(ref: SeriesRef, index: number): [number, number] {
  const { ms, offset } = gridOf(ref.tf);
  const span = ms * ref.limits.perRequest;
  return [offset + index * span, offset + (index + 1) * span];
}

/** The index of the block that holds open time `time`. */
export function blockIndex(ref: SeriesRef, time: number): number {
  const { ms, offset } = gridOf(ref.tf);
  return Math.floor((time - offset) / (ms * ref.limits.perRequest));
}

/** True when every candle of the block has closed and is known: it is never fetched again. */
export const isFinal = (ref: SeriesRef, index: number, block: Block): boolean =>
  block.known >= blockRange(ref, index)[1];

/** When a non-final block must be fetched again: once its next candle has closed (and settled). */
export const refreshAt = (ref: SeriesRef, block: Block): number =>
  block.known + gridOf(ref.tf).ms + CLOSE_GRACE_MS;

/**
 * Fetches block `index`, or only what is new since `previous` (the same block, fetched before a candle closed).
 * Throws what ccxt throws; candles failing the check are left out and reported to `dropped`.
 */
export async function fetchBlock(
  ref: SeriesRef,
  index: number,
  previous: Block | undefined,
  now: number,
  dropped: (reason: BadCandleReason) => void,
): Promise<Block> {
  const { ex, symbol, tf, limits } = ref;
  const { ms } = gridOf(tf);
  const [blockStart, blockEnd] = blockRange(ref, index);
  // Once this answer is in, every candle that opens before `known` has closed and is here (or never traded).
  const known = Math.min(blockEnd, candleOpen(tf, now - CLOSE_GRACE_MS));
  if (limits.window !== null) {
    const oldest = candleOpen(tf, now) - (limits.window - 1) * ms;
    // Wholly older than what the exchange keeps: asking would only bring back its latest candles again.
    if (blockEnd <= oldest) return { candles: [], start: blockEnd, known, open: null };
  }
  const since = previous ? previous.known : blockStart;
  const rows = await ex.fetchOHLCV(symbol, tf, since, limits.perRequest);
  const { closed, open } = checkCandles(rows, tf, now, dropped);
  const fresh = closed.filter(([time]) => time >= since && time < known);
  const candles = previous ? [...previous.candles, ...fresh] : fresh;
  let start = previous?.start ?? null;
  const first = closed[0]?.[0] ?? open?.[0];
  // An exchange that keeps only its latest candles answers an older `since` from the oldest it has: the series
  // begins there, as far as anyone can ask.
  if (start === null && limits.window !== null && first !== undefined && first > since)
    start = Math.min(first, blockEnd);
  // A whole closed block without a candle: the market was not listed yet (or traded nothing for a block's time,
  // which this cannot tell apart).
  if (start === null && known === blockEnd && candles.length === 0) start = blockEnd;
  const current = open !== null && open[0] >= blockStart && open[0] < blockEnd ? open : null;
  return { candles, start, known, open: current };
}
