/** Contracts between an exchange feed and the market state it feeds. */
import type { FeedMode, FeedStatus, Ticker } from '../../lib/protocol';

/** One configured exchange: a ccxt id, optionally served at another base URL (`binance@http://127.0.0.1:9100`). */
export interface ExchangeSpec {
  id: string;
  url: string | null;
  /** True for the built-in demo exchange: every price it gives is labelled simulated. */
  simulated: boolean;
  /** The configured way to take tickers (`EXCHANGES=coinbase:watchTickers`); unset: the exchange's default. */
  mode?: FeedMode;
}

/**
 * A validated tick's values, in the Ticker's own fields: prices finite and positive, bid <= ask where both exist;
 * `timestamp` is the receive time when the exchange gave none.
 */
export type PriceFields = Omit<Ticker, 'receivedAt' | 'stale'>;

/** What the rest of the server needs to know about one market. */
export interface MarketInfo {
  symbol: string;
  base: string;
  quote: string;
  active: boolean;
  /** Decimal places prices are compared and shown at; null when the exchange gives no precision. */
  priceDecimals: number | null;
  /** Decimal places amounts (volumes) are compared at; null when unknown. */
  amountDecimals: number | null;
}

/** Callbacks a feed reports through; the feed knows nothing else of the server. */
export interface FeedSink {
  ticker(symbol: string, fields: PriceFields, receivedAt: number): void;
  /** A tick that failed validation and was dropped; symbol is null when it could not be told. */
  invalid(symbol: string | null, reason: string): void;
  status(status: FeedStatus): void;
  markets(markets: readonly MarketInfo[]): void;
}
