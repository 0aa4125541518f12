/** The chart's candle timeframes: their lengths and their grid of open times in UTC. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Every timeframe the chart offers, shortest first. */
export const TIMEFRAMES = ['1m', '5m', '15m', '1h', '4h', '1d', '1w'] as const;

export type Timeframe = (typeof TIMEFRAMES)[number];

/** A timeframe's grid: candles open at `offset + k * ms` for whole k. */
export interface Grid {
  ms: number;
  offset: number;
}

const GRIDS: Readonly<Record<Timeframe, Grid>> = {
  '1m': { ms: MINUTE, offset: 0 },
  '5m': { ms: 5 * MINUTE, offset: 0 },
  '15m': { ms: 15 * MINUTE, offset: 0 },
  '1h': { ms: HOUR, offset: 0 },
  '4h': { ms: 4 * HOUR, offset: 0 },
  '1d': { ms: DAY, offset: 0 },
  // Weeks open on Monday 00:00 UTC, as Binance's do; 1970-01-01 was a Thursday, so Monday is 4 days on.
  '1w': { ms: 7 * DAY, offset: 4 * DAY },
};

/** True for one of TIMEFRAMES (an own key: `constructor` is no timeframe). */
export function isTimeframe(value: string): value is Timeframe {
  return (TIMEFRAMES as readonly string[]).includes(value);
}

/** The grid of a timeframe. */
export const gridOf = (tf: Timeframe): Grid => GRIDS[tf];

/** The chart catalog's key of a timeframe's label: the ids are the same in every language, the labels need not be. */
export const timeframeLabelKey = (tf: Timeframe): `timeframe${Timeframe}` => `timeframe${tf}`;

/** The length of one candle in ms. */
export const timeframeMs = (tf: Timeframe): number => GRIDS[tf].ms;

/** The open time of the candle that holds `time`. */
export function candleOpen(tf: Timeframe, time: number): number {
  const { ms, offset } = GRIDS[tf];
  return Math.floor((time - offset) / ms) * ms + offset;
}

/** True when a candle of `tf` can open at `time`. */
export const onGrid = (tf: Timeframe, time: number): boolean => candleOpen(tf, time) === time;

/** The first open time on the grid at or after `time`. */
export function nextOpen(tf: Timeframe, time: number): number {
  const open = candleOpen(tf, time);
  return open === time ? open : open + GRIDS[tf].ms;
}
