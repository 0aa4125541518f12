/** Field-level differences between two live candles (docs/protocol.md K2), as market:diff carries them. */
import type { CandleRow, LiveCandle, LiveCandleChanges } from './protocol';

const FIELDS = ['time', 'open', 'high', 'low', 'close', 'volume', 'stale'] as const;

const sameRow = (a: CandleRow | null, b: CandleRow | null) =>
  a === b || (a !== null && b !== null && a.every((v, i) => v === b[i]));

/** The changes that turn `prev` into `next`, or null when none; without `prev`, every field. */
export function diffCandle(prev: LiveCandle | undefined, next: LiveCandle): LiveCandleChanges | null {
  if (!prev) return { ...next };
  const changes: LiveCandleChanges = {};
  let changed = false;
  for (const field of FIELDS) {
    if (prev[field] === next[field]) continue;
    (changes as Record<string, unknown>)[field] = next[field];
    changed = true;
  }
  if (!sameRow(prev.closed, next.closed)) {
    changes.closed = next.closed;
    changed = true;
  }
  return changed ? changes : null;
}

/** Applies changes onto a live candle (MERGE); null when the result is not a whole candle yet. */
export function mergeCandle(prev: LiveCandle | undefined, changes: LiveCandleChanges): LiveCandle | null {
  const merged = { ...prev, ...changes };
  const whole =
    typeof merged.time === 'number' &&
    typeof merged.open === 'number' &&
    typeof merged.high === 'number' &&
    typeof merged.low === 'number' &&
    typeof merged.close === 'number' &&
    merged.volume !== undefined &&
    merged.closed !== undefined &&
    typeof merged.stale === 'boolean';
  return whole ? (merged as LiveCandle) : null;
}
