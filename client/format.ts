/** Pure formatting for the dashboard: prices at the market's precision, percentages, volumes, ages, clock times. */
import type { StreamId, Ticker } from '../lib/protocol';
import { dateTimeFormat, numberFormat } from '../lib/i18n/intl-cache';
import { parseStreamId } from '../lib/stream-id';

/** Intl's formatters, built once per locale and options. */
export { dateTimeFormat };

/** Shown for an unknown value. */
export const MISSING = '—';

/** Most decimals a price is shown with; no listed market is finer. */
export const MAX_PRICE_DECIMALS = 12;

/** Decimals used before any price of a market is known. */
export const DEFAULT_PRICE_DECIMALS = 2;

const MINUS = '\u2212';

/** Decimal places in the shortest representation of a number: 65000.5 → 1, 1e-7 → 7, 1200 → 0. */
export function decimalsOf(value: number): number {
  if (!Number.isFinite(value)) return 0;
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/i.exec(String(Math.abs(value)));
  if (!match) return 0;
  const places = (match[2]?.length ?? 0) - Number(match[3] ?? 0);
  return Math.min(Math.max(places, 0), MAX_PRICE_DECIMALS);
}

/**
 * The decimals a market's prices are shown with, inferred from the values the server sent: it rounds every price
 * to the market's precision (protocol M5), so the finest of the six prices reveals that precision unless all of
 * them happen to end in zeros.
 */
export function priceDecimals(ticker: Ticker | undefined): number {
  if (!ticker) return DEFAULT_PRICE_DECIMALS;
  let decimals = -1;
  for (const value of [ticker.last, ticker.bid, ticker.ask, ticker.high, ticker.low, ticker.open]) {
    if (value !== null) decimals = Math.max(decimals, decimalsOf(value));
  }
  return decimals === -1 ? DEFAULT_PRICE_DECIMALS : decimals;
}

/** The locale numbers are written in when a caller names none: the server render and the browser agree on it. */
export const DEFAULT_FORMAT_LOCALE = 'en-US';

function fixed(decimals: number, locale: string): Intl.NumberFormat {
  return numberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A price with the locale's separators at exactly `decimals` places: 65,000.10 (en-US), 65.000,10 (de-DE). */
export function formatPrice(
  value: number | null | undefined,
  decimals: number,
  locale = DEFAULT_FORMAT_LOCALE,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const places = Math.min(Math.max(Math.trunc(decimals), 0), MAX_PRICE_DECIMALS);
  // `+ 0` turns −0 into 0, so it never prints as "−0.00".
  return withMinus(fixed(places, locale).format(value + 0));
}

/**
 * An exact decimal string ("-1234.50000001") with the locale's separators and a true minus, every digit kept:
 * Intl formats a string without passing it through a double. "−0.00" is written "0.00".
 */
export function formatDecimalText(text: string, locale = DEFAULT_FORMAT_LOCALE): string {
  const places = Math.min(text.split('.')[1]?.length ?? 0, 20);
  const zero = /^-?[0.]*$/.test(text);
  const unsigned = zero ? text.replace(/^-/, '') : text;
  return withMinus(fixed(places, locale).format(unsigned as unknown as number));
}

/** A signed change in percent at two decimals: +1.23%, −0.45%, 0.00% (de-DE: +1,23 %). */
export function formatPercent(value: number | null | undefined, locale = DEFAULT_FORMAT_LOCALE): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const format = numberFormat(locale, {
    style: 'percent',
    signDisplay: 'exceptZero',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return withMinus(format.format(value / 100));
}

/** Which way a change goes, for colour and arrows; values that round to 0.00 are flat. */
export function direction(value: number | null | undefined): 'up' | 'down' | 'flat' {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'flat';
  if (Math.abs(value) < 0.005) return 'flat';
  return value > 0 ? 'up' : 'down';
}

/** A volume in three significant digits with the locale's unit: 950, 12.3K, 4.57M, 1.20B (de-DE: 4,57 Mio.). */
export function formatCompact(value: number | null | undefined, locale = DEFAULT_FORMAT_LOCALE): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  // Below a thousand there is no unit to read the digits against: trailing zeros go (950, 12.5, 0.12).
  const small = Math.abs(value) < 999.5;
  const format = numberFormat(locale, {
    notation: 'compact',
    maximumSignificantDigits: 3,
    ...(small ? {} : { minimumSignificantDigits: 3 }),
  });
  return withMinus(format.format(value));
}

const AGE_UNITS = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', Infinity],
] as const;

/**
 * An elapsed time in the largest whole unit: "0 s", "42 s", "3 min", "5 h", "2 d" in English, the locale's short
 * units elsewhere ("3 Min."). Negative (clock skew) is 0.
 */
export function formatAge(ms: number, locale = DEFAULT_FORMAT_LOCALE): string {
  let amount = Math.max(0, Math.floor(ms / 1000));
  for (const [unit, next] of AGE_UNITS) {
    if (amount < next) return ageText(amount, unit, locale);
    amount = Math.floor(amount / next);
  }
  return ageText(amount, 'day', locale);
}

const ENGLISH_AGE_UNITS = { second: 's', minute: 'min', hour: 'h', day: 'd' } as const;

// English keeps the terse symbols a ticker screen reads at a glance; other languages get Intl's short units.
function ageText(amount: number, unit: keyof typeof ENGLISH_AGE_UNITS, locale: string): string {
  if (locale.startsWith('en')) return `${amount} ${ENGLISH_AGE_UNITS[unit]}`;
  return numberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(amount);
}

/** Local wall-clock time on a 24-hour clock in the locale's separators: "14:05:09" (or "14:05" without seconds). */
export function formatClock(ms: number, seconds = true, locale = DEFAULT_FORMAT_LOCALE): string {
  // A market screen reads a 24-hour clock in every locale; only the separators are the locale's.
  return dateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  }).format(ms);
}

/**
 * Round axis ticks (steps of 1, 2 or 5 × 10ⁿ, never finer than `minStep`) covering [min, max] in about `count`
 * intervals: a price axis reads 67,590 / 67,600 / 67,610 rather than 67,590.52 / 67,600.52.
 */
export function niceTicks(min: number, max: number, count = 5, minStep = 0): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  const span = max - min || Math.abs(max) * 0.002 || 1;
  const rough = span / Math.max(count, 1);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const normal = rough / magnitude;
  const step = Math.max((normal <= 1 ? 1 : normal <= 2 ? 2 : normal <= 5 ? 5 : 10) * magnitude, minStep);
  let low = Math.floor(min / step) * step;
  let high = Math.ceil(max / step) * step;
  if (low === high) {
    low -= step;
    high += step;
  }
  // Counting steps rather than adding them keeps the floating-point error from accumulating.
  const places = decimalsOf(Number(step.toPrecision(6)));
  const ticks: number[] = [];
  for (let i = 0; low + i * step <= high + step / 2; i++)
    ticks.push(Number((low + i * step).toFixed(places)));
  return ticks;
}

/** The exchange and symbol of a stream id; an id that does not parse is shown whole as the symbol. */
export function describeStream(stream: StreamId): { exchange: string; symbol: string } {
  return parseStreamId(stream) ?? { exchange: '', symbol: stream };
}

/** An exchange's ccxt id as a name: binance → Binance. */
export function exchangeName(id: string): string {
  return id ? id.charAt(0).toUpperCase() + id.slice(1) : id;
}

function withMinus(text: string): string {
  return text.startsWith('-') ? MINUS + text.slice(1) : text;
}
