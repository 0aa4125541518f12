/** Rounding of market values to the precision they are compared and shown at. */

/** Significant digits used when a market gives no precision. */
export const FALLBACK_SIGNIFICANT_DIGITS = 10;

/** Decimal places of the 24h change in percent. */
export const PERCENT_DECIMALS = 2;

/** Rounds to `decimals` places, or to the fallback significant digits when `decimals` is null. */
export function roundTo(value: number, decimals: number | null): number {
  if (decimals === null) return Number(value.toPrecision(FALLBACK_SIGNIFICANT_DIGITS));
  const places = Math.min(Math.max(Math.trunc(decimals), 0), 12);
  // toFixed rounds on the decimal representation, so 1.005 at 2 places and friends stay exact enough
  // and the result has no binary noise (0.1 + 0.2) left in it.
  return Number(value.toFixed(places));
}

/**
 * Smallest relative move of a 24h volume that is news: 0.01 %. A rolling 24h volume moves with every trade, by a
 * few millionths; shown at three or four significant digits, such moves are invisible, yet they would put both
 * volumes in every diff of every busy market.
 */
export const VOLUME_SIGNIFICANCE = 1e-4;

/** `next`, unless it differs from the held `prev` by less than `relative` of it: then `prev` stays. */
export function holdUnlessMoved(
  prev: number | null | undefined,
  next: number | null,
  relative: number,
): number | null {
  if (prev === null || prev === undefined || next === null) return next;
  return Math.abs(next - prev) < Math.abs(prev) * relative ? prev : next;
}
