/** Binance spot wire formats (REST and WebSocket market streams) built from the simulator's values. */
import type { Candle } from './candles';
import type { MarketSpec } from './markets';
import type { DemoTicker } from './simulator';

const DAY_MS = 86_400_000;

/** A JSON object as it goes on the wire. */
export type WireObject = Record<string, unknown>;

/** A JSON array as it goes on the wire (Binance sends klines as positional arrays). */
export type WireRow = unknown[];

// Binance sends spot prices and quantities as strings with 8 decimals, whatever the tick.
const dec8 = (value: number): string => value.toFixed(8);
const pow10 = (exponent: number): string => dec8(10 ** exponent);

/** Binance's error body, e.g. `{"code":-1121,"msg":"Invalid symbol."}`. */
export function errorBody(code: number, msg: string): WireObject {
  return { code, msg };
}

function symbolInfo(spec: MarketSpec): WireObject {
  const tickSize = pow10(-spec.priceDecimals);
  const stepSize = pow10(-spec.amountDecimals);
  const magnitude = Math.ceil(Math.log10(spec.price));
  const maxQty = 9 * 10 ** Math.ceil(Math.log10(1e7 / spec.price));
  return {
    symbol: spec.id,
    status: 'TRADING',
    baseAsset: spec.base,
    baseAssetPrecision: 8,
    quoteAsset: spec.quote,
    quotePrecision: 8,
    quoteAssetPrecision: 8,
    baseCommissionPrecision: 8,
    quoteCommissionPrecision: 8,
    orderTypes: [
      'LIMIT',
      'LIMIT_MAKER',
      'MARKET',
      'STOP_LOSS',
      'STOP_LOSS_LIMIT',
      'TAKE_PROFIT',
      'TAKE_PROFIT_LIMIT',
    ],
    icebergAllowed: true,
    ocoAllowed: true,
    otoAllowed: true,
    quoteOrderQtyMarketAllowed: true,
    allowTrailingStop: true,
    cancelReplaceAllowed: true,
    amendAllowed: true,
    pegInstructionsAllowed: true,
    isSpotTradingAllowed: true,
    isMarginTradingAllowed: false,
    filters: [
      { filterType: 'PRICE_FILTER', minPrice: tickSize, maxPrice: pow10(magnitude + 2), tickSize },
      { filterType: 'LOT_SIZE', minQty: stepSize, maxQty: dec8(maxQty), stepSize },
      { filterType: 'ICEBERG_PARTS', limit: 10 },
      { filterType: 'MARKET_LOT_SIZE', minQty: dec8(0), maxQty: dec8(maxQty / 10), stepSize: dec8(0) },
      {
        filterType: 'TRAILING_DELTA',
        minTrailingAboveDelta: 10,
        maxTrailingAboveDelta: 2000,
        minTrailingBelowDelta: 10,
        maxTrailingBelowDelta: 2000,
      },
      {
        filterType: 'PERCENT_PRICE_BY_SIDE',
        bidMultiplierUp: '5',
        bidMultiplierDown: '0.2',
        askMultiplierUp: '5',
        askMultiplierDown: '0.2',
        avgPriceMins: 5,
      },
      {
        filterType: 'NOTIONAL',
        minNotional: dec8(spec.minNotional),
        applyMinToMarket: true,
        maxNotional: dec8(9_000_000),
        applyMaxToMarket: false,
        avgPriceMins: 5,
      },
      { filterType: 'MAX_NUM_ORDERS', maxNumOrders: 200 },
      { filterType: 'MAX_NUM_ALGO_ORDERS', maxNumAlgoOrders: 5 },
    ],
    permissions: [],
    permissionSets: [['SPOT']],
    defaultSelfTradePreventionMode: 'EXPIRE_MAKER',
    allowedSelfTradePreventionModes: ['EXPIRE_TAKER', 'EXPIRE_MAKER', 'EXPIRE_BOTH', 'DECREMENT'],
  };
}

/** `GET /api/v3/exchangeInfo` (and, with no markets, the futures variants ccxt also asks for by default). */
export function exchangeInfo(markets: readonly MarketSpec[], serverTime: number): WireObject {
  return {
    timezone: 'UTC',
    serverTime,
    rateLimits: [
      { rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: 6000 },
      { rateLimitType: 'ORDERS', interval: 'SECOND', intervalNum: 10, limit: 100 },
      { rateLimitType: 'ORDERS', interval: 'DAY', intervalNum: 1, limit: 200000 },
      { rateLimitType: 'RAW_REQUESTS', interval: 'MINUTE', intervalNum: 5, limit: 61000 },
    ],
    exchangeFilters: [],
    symbols: markets.map(symbolInfo),
  };
}

/** `GET /api/v3/ticker/24hr` entry, FULL type. */
export function restTicker(t: DemoTicker): WireObject {
  return {
    symbol: t.id,
    priceChange: dec8(t.change),
    priceChangePercent: t.percentage.toFixed(3),
    weightedAvgPrice: dec8(t.vwap),
    prevClosePrice: dec8(t.prevClose),
    lastPrice: dec8(t.last),
    lastQty: dec8(t.lastQty),
    bidPrice: dec8(t.bid),
    bidQty: dec8(t.bidQty),
    askPrice: dec8(t.ask),
    askQty: dec8(t.askQty),
    openPrice: dec8(t.open),
    highPrice: dec8(t.high),
    lowPrice: dec8(t.low),
    volume: dec8(t.baseVolume),
    quoteVolume: dec8(t.quoteVolume),
    openTime: t.timestamp - DAY_MS,
    closeTime: t.timestamp,
    firstId: t.firstTradeId,
    lastId: t.lastTradeId,
    count: t.tradeCount,
  };
}

/** `GET /api/v3/ticker/24hr?type=MINI` entry. */
export function restMiniTicker(t: DemoTicker): WireObject {
  const { symbol, openPrice, highPrice, lowPrice, lastPrice, volume, quoteVolume, openTime, closeTime } =
    restTicker(t);
  return { symbol, openPrice, highPrice, lowPrice, lastPrice, volume, quoteVolume, openTime, closeTime };
}

/** `GET /api/v3/ticker/bookTicker` entry. */
export function restBookTicker(t: DemoTicker): WireObject {
  return {
    symbol: t.id,
    bidPrice: dec8(t.bid),
    bidQty: dec8(t.bidQty),
    askPrice: dec8(t.ask),
    askQty: dec8(t.askQty),
  };
}

/** `GET /api/v3/ticker/price` entry. */
export function restPrice(t: DemoTicker): WireObject {
  return { symbol: t.id, price: dec8(t.last) };
}

/** `GET /api/v3/klines` entry; the last field is one Binance documents as "unused, ignore". */
export function restKline(c: Candle): WireRow {
  return [
    c.openTime,
    dec8(c.open),
    dec8(c.high),
    dec8(c.low),
    dec8(c.close),
    dec8(c.volume),
    c.closeTime,
    dec8(c.quoteVolume),
    c.trades,
    dec8(c.takerBuyVolume),
    dec8(c.takerBuyQuoteVolume),
    '0',
  ];
}

/** `<symbol>@ticker` event. */
export function wsTicker(t: DemoTicker): WireObject {
  return {
    e: '24hrTicker',
    E: t.timestamp,
    s: t.id,
    p: dec8(t.change),
    P: t.percentage.toFixed(3),
    w: dec8(t.vwap),
    x: dec8(t.prevClose),
    c: dec8(t.last),
    Q: dec8(t.lastQty),
    b: dec8(t.bid),
    B: dec8(t.bidQty),
    a: dec8(t.ask),
    A: dec8(t.askQty),
    o: dec8(t.open),
    h: dec8(t.high),
    l: dec8(t.low),
    v: dec8(t.baseVolume),
    q: dec8(t.quoteVolume),
    O: t.timestamp - DAY_MS,
    C: t.timestamp,
    F: t.firstTradeId,
    L: t.lastTradeId,
    n: t.tradeCount,
  };
}

/** `<symbol>@miniTicker` event. */
export function wsMiniTicker(t: DemoTicker): WireObject {
  const { E, s, c, o, h, l, v, q } = wsTicker(t);
  return { e: '24hrMiniTicker', E, s, c, o, h, l, v, q };
}

/** `<symbol>@bookTicker` event (Binance sends it without an event type). */
export function wsBookTicker(t: DemoTicker): WireObject {
  return { u: t.lastTradeId, s: t.id, b: dec8(t.bid), B: dec8(t.bidQty), a: dec8(t.ask), A: dec8(t.askQty) };
}
