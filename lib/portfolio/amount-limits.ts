/** How many digits an amount may have, apart from decimal.js, so the browser can use them without loading it. */

/** Most digits after the point an amount may have: the finest unit of any listed coin (1 wei = 1e-18 ETH). */
export const MAX_FRACTION_DIGITS = 18;

/** Most digits before the point an amount may have; more is a typo or a unit mix-up, not a holding. */
export const MAX_INTEGER_DIGITS = 30;

/**
 * Decimal places that cost shares are rounded to. An in-range quantity times an in-range price has at most
 * 2 × 18 places, so every cost sits on this grid and sums of costs never round.
 */
export const COST_FRACTION_DIGITS = 2 * MAX_FRACTION_DIGITS;
