/** Public candles of the simulated Coinbase (`/market/products/{id}/candles`), cut from ../candles' seeded history. */
import type { WireObject } from '../binance-wire';
import { corruptCandles } from '../candle-garbage';
import type { CandleHistory } from '../candles';
import type { CandleGarbageKind } from '../faults';
import type { DemoTicker } from '../simulator';
import type { ListedProduct } from './catalogue-index';
import { decimal } from './wire';

/** A refused candles request: Coinbase answers 400 INVALID_ARGUMENT with this text. */
export class CandleRequestError extends Error {}

const MINUTE = 60_000;
/** Coinbase's granularity names and their lengths. */
const GRANULARITIES: ReadonlyMap<string, number> = new Map([
  ['ONE_MINUTE', MINUTE],
  ['FIVE_MINUTE', 5 * MINUTE],
  ['FIFTEEN_MINUTE', 15 * MINUTE],
  ['THIRTY_MINUTE', 30 * MINUTE],
  ['ONE_HOUR', 60 * MINUTE],
  ['TWO_HOUR', 120 * MINUTE],
  ['FOUR_HOUR', 240 * MINUTE],
  ['SIX_HOUR', 360 * MINUTE],
  ['ONE_DAY', 1440 * MINUTE],
]);
/** Coinbase answers at most this many candles per request. */
const MAX_CANDLES = 350;

function seconds(query: URLSearchParams, name: string): number {
  const value = query.get(name);
  if (value === null || !/^[0-9]{1,12}$/.test(value)) {
    throw new CandleRequestError(`${name} must be a UNIX timestamp in seconds`);
  }
  return Number(value) * 1000;
}

/** The candles with a start in [start, end] (UNIX seconds), newest first, as Coinbase orders them. */
export function candlesBody(options: {
  product: ListedProduct;
  query: URLSearchParams;
  history: CandleHistory;
  ticker: DemoTicker;
  now: number;
  /** One candle of the answer spoilt this way (a fault of the demo). */
  garbage?: CandleGarbageKind | undefined;
}): WireObject {
  const { product, query, history, ticker, now, garbage } = options;
  const start = seconds(query, 'start');
  const end = seconds(query, 'end');
  const granularity = query.get('granularity') ?? '';
  const ms = GRANULARITIES.get(granularity);
  if (ms === undefined) throw new CandleRequestError(`granularity ${granularity} is not supported`);
  if (end < start) throw new CandleRequestError('start must be before end');
  const firstOpen = Math.ceil(start / ms) * ms;
  const lastOpen = Math.floor(Math.min(end, now) / ms) * ms;
  const count = lastOpen < firstOpen ? 0 : (lastOpen - firstOpen) / ms + 1;
  if (count > MAX_CANDLES)
    throw new CandleRequestError(`start and end must be within ${MAX_CANDLES} candles`);
  const { market } = product;
  const drawn = history.candles({
    spec: market,
    interval: { ms, offset: 0 },
    firstOpen,
    count,
    now,
    lastPrice: ticker.last,
  });
  const candles = garbage === undefined ? drawn : corruptCandles(garbage, drawn, ms);
  const pd = market.priceDecimals;
  return {
    candles: candles.reverse().map((c) => ({
      start: String(c.openTime / 1000),
      low: decimal(c.low, pd),
      high: decimal(c.high, pd),
      open: decimal(c.open, pd),
      close: decimal(c.close, pd),
      volume: decimal(c.volume, market.amountDecimals),
    })),
  };
}
