/** Per-exchange defaults of the feed loop: watchdog timeouts, watch parameters, freshness, refresh and poll periods. */
import type { FeedMode } from '../../lib/protocol';

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
  // With heartbeats every second, any message counts: 15 s of silence is a dead connection, never a quiet market.
  kraken: 15_000,
  coinbase: 15_000,
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

// Kraken's WebSocket v2 ticker fields, numbers (its REST ticker uses other keys, arrays of strings, not checked).
const KRAKEN_NUMERIC_INFO_KEYS = [
  ...['bid', 'bid_qty', 'ask', 'ask_qty', 'last', 'volume', 'vwap', 'low', 'high', 'change', 'change_pct'],
] as const;

// Coinbase's `ticker` and `ticker_batch` fields, numbers in strings.
const COINBASE_NUMERIC_INFO_KEYS = [
  ...['price', 'volume_24_h', 'low_24_h', 'high_24_h', 'low_52_w', 'high_52_w', 'price_percent_chg_24_h'],
  ...['best_bid', 'best_bid_quantity', 'best_ask', 'best_ask_quantity'],
] as const;

const NUMERIC_INFO_KEYS: Readonly<Record<string, readonly string[]>> = {
  binance: BINANCE_NUMERIC_INFO_KEYS,
  binanceus: BINANCE_NUMERIC_INFO_KEYS,
  kraken: KRAKEN_NUMERIC_INFO_KEYS,
  coinbase: COINBASE_NUMERIC_INFO_KEYS,
};

/**
 * Raw (`ticker.info`) keys that must be numeric, per exchange; none known for the others. ccxt turns a wrong-typed
 * field into undefined, so without them a garbled price would pass as a missing one.
 */
export function numericInfoKeysFor(exchangeId: string): readonly string[] | undefined {
  return Object.hasOwn(NUMERIC_INFO_KEYS, exchangeId) ? NUMERIC_INFO_KEYS[exchangeId] : undefined;
}

/**
 * Exchanges that push every watched ticker at a fixed period whether or not the market traded (Binance's ticker
 * streams: 1 s). The others push on trades only, so a quiet market is silent on a healthy connection.
 */
const TICKER_CADENCE_MS: Readonly<Record<string, number>> = { binance: 1_000, binanceus: 1_000 };

/**
 * Exchanges whose connection carries a message at least every second however quiet the markets (Kraken's
 * heartbeat channel; Coinbase's heartbeats channel, which the feed subscribes), so silence means a dead connection.
 */
const HEARTBEAT_EXCHANGES: ReadonlySet<string> = new Set(['kraken', 'coinbase']);

/**
 * How long a connection with heartbeats may be silent before its streams are stale: four missed heartbeats (they
 * come every second), so a frozen connection is told within 4.5 s, and a late heartbeat or two is not an alarm.
 */
export const HEARTBEAT_SILENCE_MS = 4_000;

/** The redial watchdog of an exchange with heartbeats: silence this long means the connection is dead. */
export const HEARTBEAT_WATCHDOG_MS = 15_000;

/** A stream without a first price for this long while its feed runs is unpriced and polled (F6). */
export const FIRST_PRICE_MS = 10_000;

/** A trade-driven stream without a trade for this long on a healthy connection is shown as quiet (F5). */
export const QUIET_AFTER_MS = 10_000;

/** True when the exchange's connection proves itself alive with heartbeats, so any message refreshes the watchdog. */
export function hasHeartbeats(exchangeId: string): boolean {
  return HEARTBEAT_EXCHANGES.has(exchangeId);
}

/** The fixed push period of an exchange's ticker streams, or null when it pushes on trades only. */
export function tickerCadenceMs(exchangeId: string): number | null {
  return Object.hasOwn(TICKER_CADENCE_MS, exchangeId) ? (TICKER_CADENCE_MS[exchangeId] ?? null) : null;
}

/**
 * The freshness rules of a feed (protocol F4-F7). A polling feed's cadence is its poll period. An exchange that is
 * neither fixed-cadence nor known to send heartbeats is judged stale only when its redial watchdog fires.
 */
export function freshnessFor(exchangeId: string, mode: FeedMode, pollIntervalMs: number, watchdogMs: number) {
  const cadenceMs = mode === 'poll' ? pollIntervalMs : tickerCadenceMs(exchangeId);
  return {
    cadenceMs,
    staleAfterMs: Math.max(3 * (cadenceMs ?? 1_000), 3_000),
    silentAfterMs: hasHeartbeats(exchangeId) ? HEARTBEAT_SILENCE_MS : watchdogMs,
    quietAfterMs: QUIET_AFTER_MS,
    firstPriceMs: FIRST_PRICE_MS,
    pollStaleMs: Math.max(3 * pollIntervalMs, 6_000),
  };
}

/**
 * The mode a feed uses when none is configured, where the exchange's best-looking one is wrong: Coinbase's
 * watchTickers is the `ticker_batch` channel (5 s batches without bid and ask); watchTicker is `ticker`, every
 * trade with the best bid and ask.
 */
export function defaultModeFor(exchangeId: string): FeedMode | undefined {
  return exchangeId === 'coinbase' ? 'watchTicker' : undefined;
}

/** A subscription that keeps a connection talking when its markets are quiet: Coinbase's heartbeats channel. */
export function keepAliveSubscriptionFor(exchangeId: string): Record<string, unknown> | null {
  return exchangeId === 'coinbase' ? { type: 'subscribe', channel: 'heartbeats' } : null;
}

/**
 * Exchanges whose ccxt unWatch must not be used for a part of the streams (F9). Coinbase's (ccxt 4.5, pro/coinbase.js
 * unSubscribe and handleSubscriptionStatus) forgets a stream only when Coinbase confirms that nothing at all is left
 * subscribed, and refuses every later unWatch until then: after a partial unsubscribe, a stream watched again would
 * never be subscribed again. Their streams nobody watches stay on the connection, unused, until the next redial.
 */
const NO_PARTIAL_UNWATCH: ReadonlySet<string> = new Set(['coinbase']);

/** True when the feed may unsubscribe single streams through ccxt's unWatch methods. */
export function canUnwatch(exchangeId: string): boolean {
  return !NO_PARTIAL_UNWATCH.has(exchangeId);
}
