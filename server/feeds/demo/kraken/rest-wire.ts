/** Kraken spot REST bodies (`/0/public/...`): the `{error, result}` envelope and each result's field names. */
import type { Candle } from '../candles';
import type { DemoTicker } from '../simulator';
import type { KrakenAsset, KrakenPair } from './markets';

/** A JSON object as sent on the wire. */
export type WireObject = Record<string, unknown>;

/** Kraken's envelope: `error` is always present, `result` only on success. */
export function okBody(result: unknown): WireObject {
  return { error: [], result };
}

/** Kraken's failure envelope: one `Category:Message` string, no `result` at all. */
export function errorBody(message: string): WireObject {
  return { error: [message] };
}

/** One `/0/public/Assets` entry. */
export function assetInfo(asset: KrakenAsset): WireObject {
  return {
    aclass: 'currency',
    altname: asset.altname,
    decimals: asset.decimals,
    display_decimals: asset.displayDecimals,
    ...(asset.collateralValue === undefined ? {} : { collateral_value: Number(asset.collateralValue) }),
    status: 'enabled',
  };
}

// Kraken's published spot fee schedule (30-day volume in USD, percent), the same on every pair here.
const TAKER_FEES = [
  [0, 0.4],
  [10000, 0.35],
  [50000, 0.24],
  [100000, 0.22],
  [250000, 0.2],
  [500000, 0.18],
  [1000000, 0.16],
  [2500000, 0.14],
  [5000000, 0.12],
  [10000000, 0.1],
];
const MAKER_FEES = TAKER_FEES.map(([volume, fee]) => [volume, Math.max(0, (fee ?? 0) - 0.15)]);
const LEVERAGE: Readonly<Record<string, number[]>> = {
  XXBTZUSD: [2, 3, 4, 5],
  XETHZUSD: [2, 3, 4, 5],
  XXBTZEUR: [2, 3, 4, 5],
  XETHZEUR: [2, 3, 4, 5],
  SOLUSD: [2, 3],
};

/** The `info=leverage` subset of an AssetPairs entry. */
function leverageInfo(pair: KrakenPair): WireObject {
  const leverage = LEVERAGE[pair.id] ?? [];
  return { leverage_buy: leverage, leverage_sell: leverage };
}

/** The `info=fees` subset. */
function feesInfo(): WireObject {
  return { fees: TAKER_FEES, fees_maker: MAKER_FEES, fee_volume_currency: 'ZUSD' };
}

/** The `info=margin` subset. */
function marginInfo(): WireObject {
  return { margin_call: 80, margin_stop: 40 };
}

/** The `info` values AssetPairs accepts; anything else is `EGeneral:Invalid arguments`. */
export const PAIR_INFO_KINDS = ['info', 'leverage', 'fees', 'margin'] as const;

/** One `/0/public/AssetPairs` entry for the given `info` level (default `info`: everything). */
export function assetPairInfo(pair: KrakenPair, info: (typeof PAIR_INFO_KINDS)[number] = 'info'): WireObject {
  if (info === 'leverage') return leverageInfo(pair);
  if (info === 'fees') return feesInfo();
  if (info === 'margin') return marginInfo();
  const leveraged = (LEVERAGE[pair.id] ?? []).length > 0;
  return {
    altname: pair.altname,
    wsname: pair.wsname,
    aclass_base: 'currency',
    base: pair.baseAsset.id,
    aclass_quote: 'currency',
    quote: pair.quoteAsset.id,
    lot: 'unit',
    cost_decimals: Math.min(pair.quoteAsset.decimals, 8),
    pair_decimals: pair.priceDecimals,
    lot_decimals: pair.amountDecimals,
    lot_multiplier: 1,
    ...leverageInfo(pair),
    ...feesInfo(),
    ...marginInfo(),
    ordermin: pair.ordermin,
    costmin: pair.costmin,
    tick_size: (10 ** -pair.priceDecimals).toFixed(pair.priceDecimals),
    status: 'online',
    ...(leveraged ? { long_position_limit: 250, short_position_limit: 200 } : {}),
  };
}

const price = (pair: KrakenPair, value: number) => value.toFixed(pair.priceDecimals);
const amount = (value: number) => value.toFixed(8);

/**
 * One `/0/public/Ticker` entry. Kraken pairs each value as [today, last 24h]; the model keeps one rolling 24h
 * window, so both slots carry it (today's open is the window's open).
 */
export function restTicker(pair: KrakenPair, t: DemoTicker): WireObject {
  return {
    // [price, whole lot volume, lot volume]
    a: [price(pair, t.ask), String(Math.max(1, Math.floor(t.askQty))), t.askQty.toFixed(3)],
    b: [price(pair, t.bid), String(Math.max(1, Math.floor(t.bidQty))), t.bidQty.toFixed(3)],
    c: [price(pair, t.last), amount(t.lastQty)],
    v: [amount(t.baseVolume), amount(t.baseVolume)],
    p: [t.vwap.toFixed(pair.priceDecimals + 2), t.vwap.toFixed(pair.priceDecimals + 2)],
    t: [t.tradeCount, t.tradeCount],
    l: [price(pair, t.low), price(pair, t.low)],
    h: [price(pair, t.high), price(pair, t.high)],
    o: price(pair, t.open),
  };
}

/** One `/0/public/OHLC` row: [time (s), open, high, low, close, vwap, volume, count]. */
export function restOhlc(pair: KrakenPair, c: Candle): unknown[] {
  const vwap = c.volume > 0 ? c.quoteVolume / c.volume : c.close;
  return [
    Math.floor(c.openTime / 1000),
    price(pair, c.open),
    price(pair, c.high),
    price(pair, c.low),
    price(pair, c.close),
    vwap.toFixed(pair.priceDecimals),
    amount(c.volume),
    c.trades,
  ];
}
