/** The server's Decimal constructor for money and quantities, and the strict string form amounts travel in. */
import DecimalJs from 'decimal.js';
import { COST_FRACTION_DIGITS, MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS } from './amount-limits';

export { COST_FRACTION_DIGITS, MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS } from './amount-limits';

/**
 * Decimal with enough significant digits that sums and products of in-range amounts are exact: a product has
 * at most 2 × (30 + 18) = 96 digits, and 128 leaves room for the carries of adding up billions of them.
 * The exponent thresholds keep toString (and so JSON) in plain notation, never "1e-18".
 */
export const Decimal = DecimalJs.clone({
  precision: 128,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

/** An instance of Decimal. */
export type Decimal = DecimalJs;

/** Zero, shared because Decimal values are immutable. */
export const ZERO = new Decimal(0);

/** The result of parseDecimal: the value, or why the text is not an amount. */
export type DecimalParse = { ok: true; value: Decimal } | { ok: false; reason: string };

/** Any plain decimal, signed or not, so a bad one can be told apart from a merely negative one. */
const PLAIN = /^-?(\d+)(?:\.(\d+))?$/;

/** The reason given for anything that is not a plain decimal: "1e3", "+1", " 1", ".5", "NaN", "0x10". */
export const NOT_A_DECIMAL = 'expected a decimal number like 0.5, without exponent';

/**
 * Parses an amount strictly: non-negative, plain notation, at most 30 digits before the point and 18 after.
 * Refuses what Number() or Decimal would quietly accept, because a stored amount must mean one thing.
 */
export function parseDecimal(text: string): DecimalParse {
  const match = PLAIN.exec(text);
  if (!match) return { ok: false, reason: NOT_A_DECIMAL };
  const [, whole = '', fraction = ''] = match;
  if (whole.length > 1 && whole.startsWith('0')) {
    return { ok: false, reason: `${NOT_A_DECIMAL} (no leading zeros)` };
  }
  // "-0" is refused too: a sign on an amount is always a mistake, and one zero keeps the canonical form unique.
  if (text.startsWith('-')) return { ok: false, reason: 'must not be negative' };
  if (whole.length > MAX_INTEGER_DIGITS) {
    return { ok: false, reason: `at most ${MAX_INTEGER_DIGITS} digits before the point` };
  }
  if (fraction.length > MAX_FRACTION_DIGITS) {
    return { ok: false, reason: `at most ${MAX_FRACTION_DIGITS} digits after the point` };
  }
  return { ok: true, value: new Decimal(text) };
}

/** The canonical string of a value: plain notation, no trailing zeros, no "-0" (1.50 → "1.5", 1e-18 → "0.000…1"). */
export function formatDecimal(value: Decimal): string {
  return value.isZero() ? '0' : value.toFixed();
}

/** Rounds a cost share onto the cost grid, half to even, so running totals of cost stay exact. */
export function roundCost(value: Decimal): Decimal {
  return value.toDecimalPlaces(COST_FRACTION_DIGITS, Decimal.ROUND_HALF_EVEN);
}
