/**
 * Exact decimal arithmetic for the browser's money and quantities, on big.js. The server keeps decimal.js
 * (lib/portfolio/decimal.ts) for ln, exp, sqrt and its 128-digit precision; the browser only adds, multiplies,
 * divides, compares and rounds, which big.js does in a quarter of decimal.js's size, and the dashboard's script
 * budget (tests/e2e/js-budget.test.ts) has no room for both. Rounding is the server's: half to even.
 */
import Big from 'big.js';

/**
 * The browser's constructor, independent of any other big.js user. DP 36: a quotient keeps twice an amount's 18
 * places, every digit a share, a rate or a price needs before it is rounded for display. RM half-even, like the
 * server's Decimal, so the same figure rounds the same way on both sides. NE and PE at big.js's limits:
 * toString stays in plain notation, as the server's strings are, never "1e-18".
 */
export const Exact = Big();
Exact.DP = 36;
Exact.RM = Exact.roundHalfEven;
Exact.NE = -1e6;
Exact.PE = 1e6;

/** An instance of Exact. */
export type Exact = Big;

/** Zero, shared because big.js values are immutable. */
export const ZERO = new Exact(0);

/** Digits after the point of a value as it is, without trailing zeros: 65000.10 → 1, 100 → 0. */
export function decimalPlaces(value: Exact): number {
  // big.js keeps the digits without trailing zeros in `c` and the exponent of the first in `e`.
  return Math.max(0, value.c.length - value.e - 1);
}

/**
 * value ÷ divisor rounded once, half to even, to `places` decimal places. Dividing at DP and rounding again
 * could round a tie twice; big.js rounds a quotient to its constructor's DP, so that is set for this division
 * only, as big.js's own `mod` does.
 */
export function quotient(value: Exact, divisor: Exact, places: number): Exact {
  const dp = Exact.DP;
  Exact.DP = places;
  try {
    return value.div(divisor);
  } finally {
    Exact.DP = dp;
  }
}

/** value ÷ divisor rounded once, half to even, to `digits` significant digits (both non-zero). */
export function quotientToDigits(value: Exact, divisor: Exact, digits: number): Exact {
  // The quotient's first digit is at 10^e or 10^(e − 1); which one is exact only by comparing.
  const e = value.e - divisor.e;
  const atE = value.abs().gte(divisor.abs().times(new Exact(`1e${e}`)));
  const places = digits - 1 - (atE ? e : e - 1);
  // A quotient of 10^digits or more has no places to round to; there prec rounds its whole part.
  return quotient(value, divisor, Math.max(places, 0)).prec(digits);
}
