/**
 * The check every candle from an exchange passes before it is cached or served: ccxt passes wrong types and
 * absurd numbers through unchanged, and a candle once cached as closed is never asked for again.
 */
import { candleOpen, onGrid, timeframeMs } from '../../lib/timeframes';
import type { Timeframe } from '../../lib/timeframes';
import type { CandleRow } from '../../lib/protocol';

/** One candle as served: [openTime, open, high, low, close, volume], numbers (the protocol's CandleRow). */
export type Candle = CandleRow;

/** Why a candle was dropped; the label of livefolio_bad_candles_total. */
export type BadCandleReason =
  'malformed' | 'non-positive-price' | 'high-low' | 'negative-volume' | 'off-grid' | 'future' | 'duplicate';

/**
 * How long after its end a candle still counts as open: the exchange's clock and ours differ by a little, and a
 * candle read a moment after its end might still miss its last trades. Such a candle is neither cached nor served
 * as closed until then.
 */
export const CLOSE_GRACE_MS = 2_000;

/** What the check keeps of an exchange's answer. */
export interface CheckedCandles {
  /** Closed candles, oldest first, one per open time. */
  closed: Candle[];
  /** The candle still open now, when the exchange sent it. */
  open: Candle | null;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The reason `row` is no candle of `tf` at `now`, or null when it is one. */
function badReason(row: unknown, tf: Timeframe, now: number): BadCandleReason | null {
  if (!Array.isArray(row) || row.length < 6 || !row.slice(0, 6).every(finite)) return 'malformed';
  const [time, open, high, low, close, volume] = row as Candle;
  if (!(open > 0 && high > 0 && low > 0 && close > 0)) return 'non-positive-price';
  if (high < Math.max(open, close) || low > Math.min(open, close)) return 'high-low';
  if (volume < 0) return 'negative-volume';
  if (!onGrid(tf, time)) return 'off-grid';
  // Our clock may lag the exchange's by a little: only a candle beyond that is from the future.
  if (time > candleOpen(tf, now + CLOSE_GRACE_MS)) return 'future';
  return null;
}

/**
 * Keeps the good candles of an exchange's answer, sorted, one per open time (the first seen), split into closed
 * ones and the open one; calls `dropped` once per candle left out for a reason.
 */
export function checkCandles(
  rows: readonly unknown[],
  tf: Timeframe,
  now: number,
  dropped: (reason: BadCandleReason) => void,
): CheckedCandles {
  const byTime = new Map<number, Candle>();
  for (const row of rows) {
    const reason = badReason(row, tf, now);
    if (reason !== null) {
      dropped(reason);
      continue;
    }
    const candle = (row as unknown[]).slice(0, 6) as Candle;
    if (byTime.has(candle[0])) dropped('duplicate');
    else byTime.set(candle[0], candle);
  }
  const sorted = [...byTime.values()].sort((a, b) => a[0] - b[0]);
  const settled = now - CLOSE_GRACE_MS;
  const ms = timeframeMs(tf);
  const closed = sorted.filter(([time]) => time + ms <= settled);
  const last = sorted.at(-1);
  // A candle that ended within the grace is neither: it is asked for again once settled.
  const open = last !== undefined && last[0] + ms > now ? last : null;
  return { closed, open };
}
