/** Per-exchange defaults of the feed loop: watchdog timeouts, watch parameters, refresh and poll periods. */

/**
 * How long a feed may go without a valid tick before it is declared stale and reconnected.
 * Binance, Bybit and OKX push tickers at least every second or two for every subscribed market;
 * Kraken, Coinbase and Bitstamp push only on trades, so a set of quiet markets can be silent for long.
 */
export const WATCHDOG_MS: Readonly<Record<string, number>> = {
  binance: 30_000,
  binanceus: 30_000,
  bybit: 30_000,
  okx: 30_000,
  kraken: 60_000,
  coinbase: 60_000,
  bitstamp: 60_000,
};

/** For exchanges missing from WATCHDOG_MS. */
export const DEFAULT_WATCHDOG_MS = 60_000;

/** Markets are listed and delisted daily at most. */
export const DEFAULT_MARKETS_REFRESH_MS = 60 * 60_000;

/** Poll period for exchanges without WebSocket tickers; the exchange's own rateLimit may make it longer. */
export const DEFAULT_POLL_MS = 2_000;

/** The watchdog timeout for an exchange id. */
export function watchdogMsFor(exchangeId: string): number {
  return Object.hasOwn(WATCHDOG_MS, exchangeId)
    ? (WATCHDOG_MS[exchangeId] ?? DEFAULT_WATCHDOG_MS)
    : DEFAULT_WATCHDOG_MS;
}

/** Extra params for watchTicker(s): Binance defaults to its miniTicker stream, which has no bid/ask. */
export function watchParamsFor(exchangeId: string): Record<string, unknown> {
  return exchangeId === 'binance' || exchangeId === 'binanceus' ? { name: 'ticker' } : {};
}

// Binance's ticker fields as numbers-in-strings: WebSocket events (24hrTicker, 24hrMiniTicker) and REST answers.
const BINANCE_NUMERIC_INFO_KEYS = [
  ...['c', 'b', 'a', 'o', 'h', 'l', 'v', 'q', 'p', 'P', 'w', 'x', 'B', 'A', 'Q', 'E', 'O', 'C'],
  ...['lastPrice', 'bidPrice', 'askPrice', 'openPrice', 'highPrice', 'lowPrice', 'volume', 'quoteVolume'],
  ...['priceChange', 'priceChangePercent', 'weightedAvgPrice', 'prevClosePrice', 'openTime', 'closeTime'],
] as const;

/** Raw (`ticker.info`) keys that must be numeric, per exchange; none known for the others. */
export function numericInfoKeysFor(exchangeId: string): readonly string[] | undefined {
  return exchangeId === 'binance' || exchangeId === 'binanceus' ? BINANCE_NUMERIC_INFO_KEYS : undefined;
}
