/**
 * The markets a conversion goes through: a direct pair, its inverse, or two legs through a common bridge
 * currency. Pure and without decimal.js, so the browser (which prices the legs itself) can load it.
 */
/** The currencies a user may value a portfolio in. */
export const PORTFOLIO_CURRENCIES = ['USD', 'EUR', 'USDT', 'BTC'] as const;

/** One of PORTFOLIO_CURRENCIES. */
export type PortfolioCurrency = (typeof PORTFOLIO_CURRENCIES)[number];

// Tried in this order as the middle of a two-leg path.
const BRIDGES = ['USDT', 'USDC', 'BTC', 'USD', 'EUR'];

/** One market of a path: `BASE/QUOTE` gives QUOTE per BASE, so going from QUOTE to BASE takes its inverse. */
export interface ConversionLeg {
  stream: string;
  inverse: boolean;
}

/** How to turn amounts in `from` into amounts in `to`. */
export interface ConversionPath {
  from: string;
  to: string;
  legs: ConversionLeg[];
}

/** Finds a market by symbol (`BASE/QUOTE`): its stream id, or null when no configured exchange lists it. */
export type MarketFinder = (symbol: string) => string | null;

function leg(from: string, to: string, find: MarketFinder): ConversionLeg | null {
  const direct = find(`${from}/${to}`);
  if (direct) return { stream: direct, inverse: false };
  const inverse = find(`${to}/${from}`);
  return inverse ? { stream: inverse, inverse: true } : null;
}

/** The shortest path from one currency to another, or null when the markets offer none. */
export function findConversion(from: string, to: string, find: MarketFinder): ConversionPath | null {
  if (from === to) return { from, to, legs: [] };
  const one = leg(from, to, find);
  if (one) return { from, to, legs: [one] };
  for (const bridge of BRIDGES) {
    if (bridge === from || bridge === to) continue;
    const first = leg(from, bridge, find);
    const second = first ? leg(bridge, to, find) : null;
    if (first && second) return { from, to, legs: [first, second] };
  }
  return null;
}
