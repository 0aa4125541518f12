/** The 24h statistics of one simulated market: 1440 one-minute buckets, the first day synthesised from the seed. */
import type { MarketSpec } from './markets';
import { gaussian } from './prng';
import type { Rng } from './prng';

const BUCKETS = 1440;
const BUCKET_MS = 60_000;

/** One minute of a market's trading; prices in units of its tick, base volume in units of its step. */
export interface MinuteBar {
  open: number;
  high: number;
  low: number;
  close: number;
  baseUnits: number;
  quote: number;
  trades: number;
}

/** Adds one print to a bar: its price moves the range and the close, its volume and trades add up. */
export function addPrint(
  bar: MinuteBar,
  price: number,
  baseUnits: number,
  quote: number,
  trades: number,
): void {
  bar.high = Math.max(bar.high, price);
  bar.low = Math.min(bar.low, price);
  bar.close = price;
  bar.baseUnits += baseUnits;
  bar.quote += quote;
  bar.trades += trades;
}

/** 24h figures; prices in units of the market's tick, base volume in units of its step. */
export interface WindowStats {
  open: number;
  high: number;
  low: number;
  prevClose: number;
  baseUnits: number;
  quote: number;
  trades: number;
}

/** A rolling 24h window advanced by ticks; a bucket spans one minute of ticks. */
export interface RollingWindow {
  record(price: number, baseUnits: number, quote: number, trades: number): void;
  stats(): WindowStats;
  lastClose(): number;
}

/** Options of createWindow; the rng is the market's own, consumed here before the first live tick. */
export interface WindowOptions {
  spec: MarketSpec;
  rng: Rng;
  tickMs: number;
  reversionPerDay: number;
}

/** How far a bucket's extreme pokes out beyond its open and close, as a factor >= 1. */
function wick(rng: Rng, sigma: number): number {
  return Math.exp(Math.abs(gaussian(rng)) * sigma * 0.5);
}

/** Builds the window with a synthetic past day that ends near the catalogue price. */
export function createWindow({ spec, rng, tickMs, reversionPerDay }: WindowOptions): RollingWindow {
  const scale = 10 ** spec.priceDecimals;
  const stepScale = 10 ** spec.amountDecimals;
  const ticksPerBucket = Math.max(1, Math.round(BUCKET_MS / tickMs));
  const sigma = spec.dailyVol * Math.sqrt(1 / BUCKETS);
  const unitsPerBucket = (spec.quoteVolume / spec.price / BUCKETS) * stepScale;
  const tradesPerBucket = Math.max(0.5, Math.log10(spec.quoteVolume)) * 60;
  const logRef = Math.log(spec.price);
  // One extra bucket: it is dropped straight away and its close becomes the previous-day close.
  let logPrice = logRef + spec.dailyVol * gaussian(rng);
  const buckets: MinuteBar[] = [];
  for (let i = 0; i <= BUCKETS; i++) {
    const open = buckets.at(-1)?.close ?? Math.max(1, Math.round(Math.exp(logPrice) * scale));
    logPrice += (reversionPerDay * (logRef - logPrice)) / BUCKETS + sigma * gaussian(rng);
    const close = Math.max(1, Math.round(Math.exp(logPrice) * scale));
    const baseUnits = Math.max(1, Math.round(unitsPerBucket * Math.exp(0.6 * gaussian(rng) - 0.18)));
    buckets.push({
      open,
      high: Math.ceil(Math.max(open, close) * wick(rng, sigma)),
      low: Math.max(1, Math.floor(Math.min(open, close) / wick(rng, sigma))),
      close,
      baseUnits,
      quote: (baseUnits / stepScale) * ((open + close) / 2 / scale),
      trades: Math.max(1, Math.round(tradesPerBucket * (0.5 + rng()))),
    });
  }
  let prevClose = 0;
  let done: WindowStats = { open: 0, high: 0, low: 0, prevClose: 0, baseUnits: 0, quote: 0, trades: 0 };
  let current = buckets[BUCKETS] as MinuteBar;
  let ticksInBucket = 0;

  // Runs once per minute of ticks, so a full pass over the buckets costs nothing that matters.
  function roll(): void {
    prevClose = buckets.shift()?.close ?? prevClose;
    const completed = buckets.slice(0, -1);
    const first = buckets[0] ?? current;
    done = {
      open: first.open,
      high: Math.max(...completed.map((b) => b.high)),
      low: Math.min(...completed.map((b) => b.low)),
      prevClose,
      baseUnits: completed.reduce((sum, b) => sum + b.baseUnits, 0),
      quote: completed.reduce((sum, b) => sum + b.quote, 0),
      trades: completed.reduce((sum, b) => sum + b.trades, 0),
    };
  }
  roll();

  return {
    record(price, baseUnits, quote, trades) {
      if (ticksInBucket === ticksPerBucket) {
        current = {
          open: current.close,
          high: price,
          low: price,
          close: price,
          baseUnits: 0,
          quote: 0,
          trades: 0,
        };
        buckets.push(current);
        roll();
        ticksInBucket = 0;
      }
      addPrint(current, price, baseUnits, quote, trades);
      ticksInBucket += 1;
    },
    stats: () => ({
      open: done.open,
      high: Math.max(done.high, current.high),
      low: Math.min(done.low, current.low),
      prevClose: done.prevClose,
      baseUnits: done.baseUnits + current.baseUnits,
      quote: done.quote + current.quote,
      trades: done.trades + current.trades,
    }),
    lastClose: () => current.close,
  };
}
