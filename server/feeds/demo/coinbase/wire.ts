/** Coinbase Advanced Trade's JSON shapes, built from the simulator's numbers: string-encoded, Coinbase's field names. */
import type { WireObject } from '../binance-wire';
import type { DemoTicker } from '../simulator';
import { CURRENCY_NAMES } from './catalogue';
import type { AliasProduct, CoinbaseMarket } from './catalogue';

/** One print of a market, as the public ticker endpoint lists it. */
export interface Trade {
  tradeId: number;
  price: number;
  size: number;
  time: number;
  side: 'BUY' | 'SELL';
}

/** A number as Coinbase writes it: a string, no exponent, no trailing zeros ("67060", "0.0001"). */
export function decimal(value: number, decimals: number): string {
  const text = value.toFixed(Math.min(20, Math.max(0, decimals)));
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** A positive number with about ten significant digits, for rates whose magnitude varies widely. */
export function significant(value: number): string {
  if (!(value > 0)) return '0';
  return decimal(value, 10 - Math.floor(Math.log10(value)));
}

/** RFC 3339 with nanoseconds, as the WebSocket envelopes and trades carry it. */
export function isoNanos(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '000000Z');
}

/** Go's time.String() of the server clock, which is what `current_time` of a heartbeat holds. */
export function goTime(ms: number, uptimeMs: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}000000 +0000 UTC m=+${(uptimeMs / 1000).toFixed(9)}`;
}

// 52-week extremes are not modelled: a fixed band around the catalogue price, widened by the last day.
const low52 = (m: CoinbaseMarket, t: DemoTicker) => Math.min(t.low, m.price * 0.55);
const high52 = (m: CoinbaseMarket, t: DemoTicker) => Math.max(t.high, m.price * 1.45);

/** Fields every product answer has, whatever product_id it is listed under. */
function productFields(market: CoinbaseMarket, ticker: DemoTicker): WireObject {
  const pd = market.priceDecimals;
  const increment = decimal(10 ** -pd, pd);
  return {
    price: decimal(ticker.last, pd),
    price_percentage_change_24h: String(ticker.percentage),
    volume_24h: decimal(ticker.baseVolume, market.amountDecimals),
    volume_percentage_change_24h: decimal((ticker.quoteVolume / market.quoteVolume - 1) * 100, 8),
    base_increment: decimal(10 ** -market.amountDecimals, market.amountDecimals),
    quote_increment: increment,
    quote_min_size: String(market.minNotional),
    quote_max_size: '150000000',
    base_min_size: market.baseMinSize,
    base_max_size: market.baseMaxSize,
    base_name: CURRENCY_NAMES[market.base] ?? market.base,
    watched: false,
    is_disabled: false,
    new: false,
    status: 'online',
    cancel_only: false,
    limit_only: false,
    post_only: false,
    trading_disabled: false,
    auction_mode: false,
    product_type: 'SPOT',
    base_currency_id: market.base,
    fcm_trading_session_details: null,
    mid_market_price: '',
    base_display_symbol: market.base,
    view_only: false,
    price_increment: increment,
    product_venue: 'CBE',
    approximate_quote_24h_volume: decimal(ticker.quoteVolume, 2),
    new_at: '2021-07-07T14:48:59.000000Z',
  };
}

/** A product of `GET /api/v3/brokerage/market/products` (and `/market/products/{id}`). */
export function product(market: CoinbaseMarket, ticker: DemoTicker): WireObject {
  return {
    product_id: market.id,
    ...productFields(market, ticker),
    quote_name: CURRENCY_NAMES[market.quote] ?? market.quote,
    quote_currency_id: market.quote,
    quote_display_symbol: market.quote,
    display_name: market.id,
    alias: '',
    alias_to: market.aliasTo,
  };
}

/** A -USDC product: the -USD product's numbers under its own id, with `alias` naming the -USD product. */
export function aliasProduct(alias: AliasProduct, market: CoinbaseMarket, ticker: DemoTicker): WireObject {
  return {
    product_id: alias.id,
    ...productFields(market, ticker),
    quote_name: CURRENCY_NAMES.USDC,
    quote_currency_id: alias.quote,
    quote_display_symbol: alias.quote,
    display_name: alias.id,
    alias: alias.aliasOf,
    alias_to: [],
  };
}

/** `GET /api/v3/brokerage/market/products/{id}/ticker`: the latest trades, newest first, and the touch. */
export function marketTrades(
  productId: string,
  market: CoinbaseMarket,
  trades: readonly Trade[],
  ticker: DemoTicker,
): WireObject {
  return {
    trades: trades.map((trade) => ({
      trade_id: String(trade.tradeId),
      product_id: productId,
      price: decimal(trade.price, market.priceDecimals),
      size: decimal(trade.size, market.amountDecimals),
      time: isoNanos(trade.time),
      side: trade.side,
      bid: '',
      ask: '',
      exchange: 'CBE',
    })),
    best_bid: decimal(ticker.bid, market.priceDecimals),
    best_ask: decimal(ticker.ask, market.priceDecimals),
  };
}

/** One entry of a `ticker` (with the touch) or `ticker_batch` (without it, as Coinbase documents) event. */
export function wsTicker(market: CoinbaseMarket, ticker: DemoTicker, withBook: boolean): WireObject {
  const pd = market.priceDecimals;
  const ad = market.amountDecimals;
  const entry: WireObject = {
    type: 'ticker',
    product_id: market.id,
    price: decimal(ticker.last, pd),
    volume_24_h: decimal(ticker.baseVolume, ad),
    low_24_h: decimal(ticker.low, pd),
    high_24_h: decimal(ticker.high, pd),
    low_52_w: decimal(low52(market, ticker), pd),
    high_52_w: decimal(high52(market, ticker), pd),
    price_percent_chg_24_h: String(ticker.percentage),
  };
  if (!withBook) return entry;
  return {
    ...entry,
    best_bid: decimal(ticker.bid, pd),
    best_bid_quantity: decimal(ticker.bidQty, ad),
    best_ask: decimal(ticker.ask, pd),
    best_ask_quantity: decimal(ticker.askQty, ad),
  };
}

/** Advanced Trade's REST error body (grpc-gateway style), e.g. NOT_FOUND or INVALID_ARGUMENT. */
export function errorBody(error: string, message: string): WireObject {
  return { error, error_details: message, message };
}

/** The v2 (Coinbase App) error body, `{"errors":[{"id","message"}]}`. */
export function v2ErrorBody(id: string, message: string): WireObject {
  return { errors: [{ id, message }] };
}
