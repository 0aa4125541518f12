/** Small values for unit tests. */
import type { Ticker } from '../../lib/protocol';
import type { BookedTransaction } from '../../lib/portfolio/transaction';

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

/** 2100-01-01 in epoch ms: past 2^32, a time no 32-bit integer holds (PostgreSQL keeps times in BIGINT). */
export const YEAR_2100 = 4_102_444_800_000;

/** A buy of 1 BTC at 100 USDT in `account` at YEAR_2100, as the store writes it; `over` changes any field. */
export function bookedTrade(account: string, over: Partial<BookedTransaction> = {}): BookedTransaction {
  return {
    account,
    type: 'buy',
    asset: 'BTC',
    quantity: '1',
    price: '100',
    quoteCurrency: 'USDT',
    fee: '0',
    feeCurrency: 'USDT',
    time: '2100-01-01T00:00:00.000Z',
    timeMs: YEAR_2100,
    ...over,
  };
}
