/** Field-level differences between two tickers, the unit of every market:diff. */
import type { Ticker, TickerChanges } from './protocol';

/** The fields whose change is worth a message; time fields only travel along with them. */
export const VALUE_FIELDS = [
  'last',
  'bid',
  'ask',
  'high',
  'low',
  'open',
  'percentage',
  'baseVolume',
  'quoteVolume',
] as const satisfies readonly (keyof Ticker)[];

/**
 * The changes that turn `prev` into `next`, or null when nothing worth sending changed.
 * Values are compared exactly: the market state has already rounded them to the market's precision.
 * With `timesAlone`, newer times are a change by themselves: a value that moved and came back within one
 * window still leaves the ticker newer than what was sent, and every receiver must end equal to it.
 */
export function diffTicker(
  prev: Ticker | undefined,
  next: Ticker,
  options: { timesAlone?: boolean } = {},
): TickerChanges | null {
  if (!prev) return { ...next };
  const changes: TickerChanges = {};
  let valuesChanged = false;
  for (const field of VALUE_FIELDS) {
    if (prev[field] !== next[field]) {
      changes[field] = next[field];
      valuesChanged = true;
    }
  }
  let timesChanged = false;
  if (valuesChanged || options.timesAlone) {
    // A new value makes the client's age display and latency figures move; a repeated value does not.
    if (prev.timestamp !== next.timestamp) changes.timestamp = next.timestamp;
    if (prev.receivedAt !== next.receivedAt) changes.receivedAt = next.receivedAt;
    timesChanged = changes.timestamp !== undefined || changes.receivedAt !== undefined;
  }
  if (prev.stale !== next.stale) changes.stale = next.stale;
  return valuesChanged || timesChanged || changes.stale !== undefined ? changes : null;
}

/** Applies changes onto a ticker (MERGE semantics: each present field replaces the old value). */
export function mergeTicker(prev: Ticker | undefined, changes: TickerChanges): Ticker | null {
  const merged = { ...prev, ...changes };
  return isCompleteTicker(merged) ? merged : null;
}

function isCompleteTicker(value: Partial<Ticker>): value is Ticker {
  return (
    typeof value.timestamp === 'number' &&
    typeof value.receivedAt === 'number' &&
    typeof value.stale === 'boolean'
  );
}
