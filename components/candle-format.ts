/** Labels of the candle chart: a candle's time as its timeframe needs it, and volumes in short form. */
import { dateTimeFormat, DEFAULT_FORMAT_LOCALE, formatClock, formatCompact } from '@/client/format';
import type { Timeframe } from '@/lib/timeframes';

// The locale's day and short month: "Dec 4" (en-US), "4 Dec" (en-GB), "4. Dez." (de-DE); with the year when asked.
const day = (ms: number, locale: string, year: boolean) =>
  dateTimeFormat(locale, { day: 'numeric', month: 'short', ...(year ? { year: 'numeric' } : {}) }).format(ms);

/**
 * A candle's open time in the browser's time zone: the clock for intraday candles, the day for daily and weekly
 * ones; `short` (axis ticks) leaves the day out of intraday labels.
 */
export function candleTimeLabel(
  ms: number,
  timeframe: Timeframe,
  short = false,
  locale = DEFAULT_FORMAT_LOCALE,
): string {
  if (timeframe === '1d' || timeframe === '1w') return day(ms, locale, !short);
  const clock = formatClock(ms, false, locale);
  return short ? clock : `${day(ms, locale, false)} ${clock}`;
}

/** A volume in three significant digits, e.g. 1.23K, 45.6M (de-DE: 45,6 Mio.); small ones as they are. */
export function formatVolume(volume: number, locale = DEFAULT_FORMAT_LOCALE): string {
  return formatCompact(volume, locale);
}
