/**
 * When an alert is met (docs/protocol.md P7): a price or a value against its level, a price against its window's
 * range. Decimal arithmetic, so it lives on the server; the browser only shows what the server decided.
 */
import { Decimal } from '../../lib/portfolio/decimal';
import type { AlertCondition, MoveDirection } from '../../lib/protocol';

/** True when `level` meets the condition against `threshold`: at or above it, or at or below it. */
export function levelMet(condition: AlertCondition, threshold: string, level: number | string): boolean {
  if (typeof level === 'number' && !Number.isFinite(level)) return false;
  // A tick's shortest decimal form is what the exchange sent; compare it exactly with the typed threshold.
  const cmp = new Decimal(String(level)).cmp(threshold);
  return condition === 'above' ? cmp >= 0 : cmp <= 0;
}

/** The lowest and highest price a market had within a move alert's window. */
export interface WindowRange {
  low: number;
  high: number;
}

/**
 * The move that meets a move alert, in percent (signed, two decimals), or null. Up is measured from the window's
 * low, down from its high; `any` takes whichever is met, the larger when both are.
 */
export function moveMet(
  alert: { direction: MoveDirection; percent: string },
  last: number,
  range: WindowRange,
): string | null {
  if (!Number.isFinite(last) || !(range.low > 0) || !(range.high > 0)) return null;
  const price = new Decimal(String(last));
  const rise = price.minus(String(range.low)).div(String(range.low)).times(100);
  const fall = price.minus(String(range.high)).div(String(range.high)).times(100);
  const rose = alert.direction !== 'down' && rise.gte(alert.percent);
  const fell = alert.direction !== 'up' && fall.negated().gte(alert.percent);
  if (!rose && !fell) return null;
  const change = rose && (!fell || rise.gte(fall.negated())) ? rise : fall;
  return change.toDecimalPlaces(2, Decimal.ROUND_DOWN).toFixed(2);
}
