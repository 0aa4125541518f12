/** Pure formatting for the dashboard: prices at the market's precision, percentages, volumes, ages, clock times. */
import type { StreamId, Ticker } from '../lib/protocol';
import { parseStreamId } from '../lib/stream-id';

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

const numberFormats = new Map<number, Intl.NumberFormat>();

// One fixed locale: the server render and the browser must print the same string.
function fixed(decimals: number): Intl.NumberFormat {
  let format = numberFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    numberFormats.set(decimals, format);
  }
  return format;
}

/** A price with thousands separators at exactly `decimals` places: 65,000.10. */
export function formatPrice(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const places = Math.min(Math.max(Math.trunc(decimals), 0), MAX_PRICE_DECIMALS);
  // `+ 0` turns −0 into 0, so it never prints as "−0.00".
  return withMinus(fixed(places).format(value + 0));
}

/** A signed change in percent at two decimals: +1.23%, −0.45%, 0.00%. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const text = fixed(2).format(Math.abs(value));
  if (text === '0.00') return '0.00%';
  return `${value > 0 ? '+' : MINUS}${text}%`;
}

/** Which way a change goes, for colour and arrows; values that round to 0.00 are flat. */
export function direction(value: number | null | undefined): 'up' | 'down' | 'flat' {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'flat';
  if (Math.abs(value) < 0.005) return 'flat';
  return value > 0 ? 'up' : 'down';
}

const COMPACT_UNITS = ['', 'K', 'M', 'B', 'T'] as const;

/** A volume in three significant digits with a unit: 950, 12.3K, 4.57M, 1.20B. */
export function formatCompact(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const sign = value < 0 ? MINUS : '';
  let mantissa = Math.abs(value);
  let unit = 0;
  while (mantissa >= 1000 && unit < COMPACT_UNITS.length - 1) {
    mantissa /= 1000;
    unit += 1;
  }
  const decimals = mantissa < 10 ? 2 : mantissa < 100 ? 1 : 0;
  // 999.6K rounds to "1000": promote it to the next unit.
  if (Number(mantissa.toFixed(decimals)) >= 1000 && unit < COMPACT_UNITS.length - 1) {
    return `${sign}${(mantissa / 1000).toFixed(2)}${COMPACT_UNITS[unit + 1]}`;
  }
  // Below a thousand there is no unit to read the digits against: trailing zeros go (950, 12.5, 0.12).
  const text = unit === 0 ? String(Number(mantissa.toFixed(decimals))) : mantissa.toFixed(decimals);
  return `${sign}${text}${COMPACT_UNITS[unit]}`;
}

/** An elapsed time in the largest whole unit: "0 s", "42 s", "3 min", "5 h", "2 d". Negative (clock skew) is 0. */
export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

/** Local wall-clock time, 24 h: "14:05:09" (or "14:05" without seconds). */
export function formatClock(ms: number, seconds = true): string {
  const date = new Date(ms);
  const parts = [date.getHours(), date.getMinutes(), ...(seconds ? [date.getSeconds()] : [])];
  return parts.map((n) => String(n).padStart(2, '0')).join(':');
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
