/** Kline history of the demo exchange: one seeded price path per market over absolute time, cut into candles. */
import type { MarketSpec } from './markets';
import { gaussian, hashString, mulberry32 } from './prng';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SECONDS_PER_DAY = DAY / SECOND;

/** A kline interval: open times are `offset + k * ms` for whole k. */
export interface KlineInterval {
  readonly ms: number;
  readonly offset: number;
}

const every = (ms: number, offset = 0): KlineInterval => ({ ms, offset });

/**
 * The intervals served, by Binance name. A Map, not an object: a query's `interval=constructor` must not find
 * anything. 3d and 1M are left out (their grids, a 3-day phase and calendar months, are not modelled), so they
 * get Binance's "Invalid interval." like any unknown name.
 */
export const KLINE_INTERVALS: ReadonlyMap<string, KlineInterval> = new Map([
  ['1s', every(SECOND)],
  ['1m', every(MINUTE)],
  ['3m', every(3 * MINUTE)],
  ['5m', every(5 * MINUTE)],
  ['15m', every(15 * MINUTE)],
  ['30m', every(30 * MINUTE)],
  ['1h', every(HOUR)],
  ['2h', every(2 * HOUR)],
  ['4h', every(4 * HOUR)],
  ['6h', every(6 * HOUR)],
  ['8h', every(8 * HOUR)],
  ['12h', every(12 * HOUR)],
  ['1d', every(DAY)],
  // Binance's weeks open on Monday 00:00 UTC; the epoch was a Thursday.
  ['1w', every(7 * DAY, 4 * DAY)],
]);

/** The demo's markets "list" when Binance opened (July 2017): no candles before, so `startTime=0` pages from here. */
export const HISTORY_START = Date.UTC(2017, 6, 14);

/** One kline; prices on the market's tick, volumes on its step, as the simulator's tickers are. */
export interface Candle {
  openTime: number;
  /** Last millisecond of the candle, in the future for the live one (as Binance sends it). */
  closeTime: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  quoteVolume: number;
  trades: number;
  takerBuyVolume: number;
  takerBuyQuoteVolume: number;
}

/** Which candles a klines request asks for: `count` candles from `firstOpen`, oldest first. */
export interface KlineWindow {
  firstOpen: number;
  count: number;
}

const alignDown = ({ ms, offset }: KlineInterval, time: number) =>
  Math.floor((time - offset) / ms) * ms + offset;
const alignUp = ({ ms, offset }: KlineInterval, time: number) =>
  Math.ceil((time - offset) / ms) * ms + offset;

/**
 * Binance's window rules: open times in [startTime, min(endTime, now)]; with a startTime the oldest `limit`
 * of them, without one the most recent `limit`.
 */
export function klineWindow(options: {
  interval: KlineInterval;
  limit: number;
  now: number;
  startTime?: number;
  endTime?: number;
}): KlineWindow {
  const { interval, limit, now, startTime, endTime } = options;
  const last = alignDown(interval, Math.min(endTime ?? now, now));
  const oldest = alignUp(interval, Math.max(startTime ?? HISTORY_START, HISTORY_START));
  const available = Math.max(0, Math.floor((last - oldest) / interval.ms) + 1);
  const count = Math.min(limit, available);
  const firstOpen = startTime === undefined ? last - (count - 1) * interval.ms : oldest;
  return { firstOpen, count };
}

/** What one call of CandleHistory.candles draws; `lastPrice` closes the live candle (the one holding `now`). */
export interface CandleQuery extends KlineWindow {
  spec: MarketSpec;
  interval: KlineInterval;
  now: number;
  lastPrice: number;
}

/**
 * Candles of any market for a seed; the same seed gives the same closed candles whatever the window or clock.
 * This is the seeded path only: the venues serve it joined to their own prints from the start on
 * (live-candles.ts), so the guarantee holds for the candles they serve before the start.
 */
export interface CandleHistory {
  candles(query: CandleQuery): Candle[];
  /** The path's price at a time: where a live simulation started then carries on from. */
  priceAt(spec: MarketSpec, timeMs: number): number;
}

// Knots of the path, this many seconds apart (about 12 days), are independent draws around the catalogue
// price: the path wanders like a random walk over days but always comes back, so the candle holding `now`
// lands near the simulator's price (which reverts to the same catalogue price) at whatever time the demo runs.
const SEGMENT_S = 2 ** 20;

// Quotes that all stand for the US dollar: a pair walks one path whichever of them it is quoted in.
const DOLLARS: ReadonlySet<string> = new Set(['USD', 'USDT', 'USDC']);

/**
 * Which path a market's history follows: BTC/USDT on the simulated Binance and BTC/USD on the simulated Coinbase
 * and Kraken share one, so the demo's venues agree on a price as real ones do (within their own small noise).
 */
function pathKey(spec: MarketSpec): string {
  return `${spec.base}/${DOLLARS.has(spec.quote) ? 'USD' : spec.quote}`;
}

/**
 * The path's log distance from the catalogue price at a whole second. Between knots it is a Brownian bridge
 * built by halving (each midpoint drawn from the hash of its own second), so a point's value depends only on
 * its ancestors, never on which points a request happened to ask for first. Memoised per request.
 */
function createPath(seed: number, spec: MarketSpec): (second: number) => number {
  const stream = hashString(`klines:${pathKey(spec)}`) ^ Math.imul(seed >>> 0, 0x9e3779b1);
  const sigma = spec.dailyVol / Math.sqrt(SECONDS_PER_DAY);
  // Half a segment's worth of variance per knot keeps the path's spread the same at knots and between them.
  const knotSd = sigma * Math.sqrt(SEGMENT_S / 2);
  const memo = new Map<number, number>();
  const draw = (second: number) => gaussian(mulberry32(stream ^ Math.imul(second >>> 0, 0x85ebca6b)));
  const knot = (second: number): number => {
    let value = memo.get(second);
    if (value === undefined) {
      value = knotSd * draw(second);
      memo.set(second, value);
    }
    return value;
  };

  return (second) => {
    let lo = Math.floor(second / SEGMENT_S) * SEGMENT_S;
    let hi = lo + SEGMENT_S;
    let loValue = knot(lo);
    let hiValue = knot(hi);
    if (second === lo) return loValue;
    // lo < second < hi with hi - lo a power of two, so a whole second is always some interval's midpoint; the
    // bound only keeps a fractional one (never asked for) from spinning forever: it gets the whole second below.
    while (hi - lo > 1) {
      const mid = (lo + hi) / 2;
      let midValue = memo.get(mid);
      if (midValue === undefined) {
        midValue = (loValue + hiValue) / 2 + ((sigma * Math.sqrt(hi - lo)) / 2) * draw(mid);
        memo.set(mid, midValue);
      }
      if (second === mid) return midValue;
      if (second < mid) {
        hi = mid;
        hiValue = midValue;
      } else {
        lo = mid;
        loValue = midValue;
      }
    }
    return loValue;
  };
}

/**
 * An extreme of a Brownian bridge from a to b with variance v, drawn by inverting P(max > m) =
 * exp(-2 (m - a) (m - b) / v); `side` -1 gives the minimum. u is in (0, 1].
 */
function bridgeExtreme(a: number, b: number, v: number, u: number, side: 1 | -1): number {
  return (a + b + side * Math.sqrt((a - b) ** 2 - 2 * v * Math.log(u))) / 2;
}

const fromUnits = (units: number, decimals: number): number =>
  Number((units / 10 ** decimals).toFixed(decimals));

/** Creates the history for one seed; it holds no state, every call draws its candles afresh. */
export function createCandleHistory(seed: number): CandleHistory {
  return {
    priceAt(spec, timeMs) {
      const path = createPath(seed, spec);
      return spec.price * Math.exp(path(Math.floor(timeMs / SECOND)));
    },
    candles({ spec, interval, firstOpen, count, now, lastPrice }) {
      const path = createPath(seed, spec);
      const extras = hashString(`kline-extras:${spec.symbol}`) ^ Math.imul(seed >>> 0, 0x9e3779b1);
      const priceScale = 10 ** spec.priceDecimals;
      const amountScale = 10 ** spec.amountDecimals;
      const logRef = Math.log(spec.price);
      const toUnits = (x: number) => Math.max(1, Math.round(Math.exp(logRef + x) * priceScale));
      const sigma2 = spec.dailyVol ** 2 / SECONDS_PER_DAY;
      const tradesPerSecond = Math.max(0.5, Math.log10(spec.quoteVolume));
      const out: Candle[] = [];
      for (let i = 0; i < count; i++) {
        const openTime = firstOpen + i * interval.ms;
        const closeAt = openTime + interval.ms;
        const live = closeAt > now;
        const seconds = live ? Math.max(1, (now - openTime) / SECOND) : interval.ms / SECOND;
        const a = path(openTime / SECOND);
        const b = live ? Math.log(lastPrice / spec.price) : path(closeAt / SECOND);
        const v = sigma2 * seconds;
        // Its own stream per candle and interval: wicks and volumes never shift the path itself.
        const rng = mulberry32(
          extras ^ Math.imul(openTime / SECOND, 0x85ebca6b) ^ Math.imul(interval.ms, 0xc2b2ae35),
        );
        const open = toUnits(a);
        const close = live ? Math.max(1, Math.round(lastPrice * priceScale)) : toUnits(b);
        const high = Math.max(open, close, toUnits(bridgeExtreme(a, b, v, 1 - rng(), 1)));
        const low = Math.min(open, close, toUnits(bridgeExtreme(a, b, v, 1 - rng(), -1)));
        // Busier when the price moved more, as on a real market; the mean factor is about 1. Capped: the live
        // candle's first seconds can span a jump to the simulator's price that no volume would explain.
        const move = Math.min(4, Math.abs(b - a) / Math.sqrt(v));
        const activity = Math.exp(0.5 * gaussian(rng) - 0.125) * (0.6 + 0.5 * move);
        const baseUnits = Math.max(
          1,
          Math.round((spec.quoteVolume / spec.price) * (seconds / SECONDS_PER_DAY) * activity * amountScale),
        );
        const takerUnits = Math.round(baseUnits * (0.4 + 0.2 * rng()));
        const typical = (open + high + low + close) / 4 / priceScale;
        out.push({
          openTime,
          closeTime: closeAt - 1,
          open: fromUnits(open, spec.priceDecimals),
          high: fromUnits(high, spec.priceDecimals),
          low: fromUnits(low, spec.priceDecimals),
          close: fromUnits(close, spec.priceDecimals),
          volume: fromUnits(baseUnits, spec.amountDecimals),
          quoteVolume: Number(((baseUnits / amountScale) * typical).toFixed(8)),
          trades: Math.max(1, Math.round(tradesPerSecond * seconds * (0.5 + rng()))),
          takerBuyVolume: fromUnits(takerUnits, spec.amountDecimals),
          takerBuyQuoteVolume: Number(((takerUnits / amountScale) * typical).toFixed(8)),
        });
      }
      return out;
    },
  };
}
