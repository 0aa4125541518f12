/** Candles of a longer timeframe built from an exchange's shorter ones (4h from 1h, 1w from 1d) on the UTC grid. */
import type { Candle } from './candle-check';
import { candleOpen } from '../../lib/timeframes';
import type { Timeframe } from '../../lib/timeframes';

// Sums of decimal volumes pick up binary noise (0.1 + 0.2); 15 significant digits is all a double holds anyway.
const tidy = (x: number) => Number(x.toPrecision(15));

/**
 * Groups sorted candles into `tf` candles: first open, highest high, lowest low, last close, summed volume. A group
 * that opens before `start` (where the source's history begins) lacks its first candles and is left out.
 */
export function aggregate(candles: readonly Candle[], tf: Timeframe, start: number | null): Candle[] {
  const out: Candle[] = [];
  for (const [time, open, high, low, close, volume] of candles) {
    const bucket = candleOpen(tf, time);
    if (start !== null && bucket < start) continue;
    const last = out.at(-1);
    if (last !== undefined && last[0] === bucket) {
      last[2] = Math.max(last[2], high);
      last[3] = Math.min(last[3], low);
      last[4] = close;
      last[5] = tidy(last[5] + volume);
    } else out.push([bucket, open, high, low, close, volume]);
  }
  return out;
}
