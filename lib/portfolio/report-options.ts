/** The choices a valuation or a tax report takes, without decimal.js, so the browser can offer them. */

/** How a disposal picks the cost it removes. */
export const COST_BASIS_METHODS = ['fifo', 'lifo', 'hifo', 'average'] as const;

/**
 * One of COST_BASIS_METHODS: first in first out, last in first out, highest unit cost first (ties: oldest
 * first), or average cost (one pool whose unit cost is total cost / total quantity).
 */
export type CostBasisMethod = (typeof COST_BASIS_METHODS)[number];

/** By default a gain is long-term when the lot was held more than 365 days. */
export const DEFAULT_LONG_TERM_DAYS = 365;
