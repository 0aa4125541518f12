/** Labels of the candle chart: a candle's time as its timeframe needs it, and volumes in short form. */
import { formatClock } from '@/client/format';
import type { Timeframe } from '@/lib/timeframes';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const day = (date: Date) => `${date.getDate()} ${MONTHS[date.getMonth()] ?? ''}`;

/**
 * A candle's open time in the browser's time zone: the clock for intraday candles, the day for daily and weekly
 * ones; `short` (axis ticks) leaves the day out of intraday labels.
 */
export function candleTimeLabel(ms: number, timeframe: Timeframe, short = false): string {
  const date = new Date(ms);
  if (timeframe === '1d' || timeframe === '1w')
    return short ? day(date) : `${day(date)} ${date.getFullYear()}`;
  const clock = formatClock(ms, false);
  return short ? clock : `${day(date)} ${clock}`;
}

const UNITS: [number, string][] = [
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/** A volume in three significant digits, e.g. 1.23K, 45.6M; small ones as they are. */
export function formatVolume(volume: number): string {
  for (const [size, unit] of UNITS) if (volume >= size) return `${(volume / size).toPrecision(3)}${unit}`;
  return volume >= 1 ? volume.toPrecision(3) : volume.toPrecision(2);
}
