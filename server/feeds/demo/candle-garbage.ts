/** Corrupts outgoing candle answers (klines, candles, OHLC) the ways exchanges and their proxies have been seen to. */
import type { Candle } from './candles';
import type { CandleGarbageKind } from './faults';

/**
 * The candles of one answer with one of them spoilt: the oldest for most kinds, the newest (usually the live one)
 * moved into the future, or the oldest sent twice. Only what is sent changes, never the history itself.
 */
export function corruptCandles(
  kind: CandleGarbageKind,
  candles: readonly Candle[],
  intervalMs: number,
): Candle[] {
  const out = candles.map((c) => ({ ...c }));
  const first = out[0];
  const last = out.at(-1);
  if (first === undefined || last === undefined) return out;
  switch (kind) {
    case 'malformed':
      first.open = Number.NaN;
      break;
    case 'non-positive-price':
      first.low = -first.low;
      break;
    case 'high-low':
      first.high = Math.min(first.open, first.close) * 0.9;
      break;
    case 'negative-volume':
      first.volume = -5;
      break;
    case 'off-grid':
      // A whole second, so that exchanges with times in seconds carry it too.
      first.openTime += 1000;
      break;
    case 'future':
      last.openTime += 10 * intervalMs;
      last.closeTime += 10 * intervalMs;
      break;
    case 'duplicate':
      out.splice(1, 0, { ...first });
      break;
  }
  return out;
}
