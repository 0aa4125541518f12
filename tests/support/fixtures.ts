/** Small values for unit tests. */
import type { Ticker } from '../../lib/protocol';

/** A ticker with only a last price, at time `at` (defaults to the price, for readable tests). */
export function tickerAt(last: number, at = last): Ticker {
  return {
    last,
    bid: null,
    ask: null,
    high: null,
    low: null,
    open: null,
    percentage: null,
    baseVolume: null,
    quoteVolume: null,
    timestamp: at,
    receivedAt: at,
    stale: false,
  };
}
