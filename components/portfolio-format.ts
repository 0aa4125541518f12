/** Formatting of exact amounts (Exact or decimal strings) for the portfolio views: money, prices, quantities, shares. */
import { DEFAULT_FORMAT_LOCALE, formatDecimalText, formatPercent, MISSING } from '@/client/format';
import { decimalPlaces } from '@/client/exact';
import type { Exact } from '@/client/exact';

const MINUS = '\u2212';

/** Quote currencies worth about a dollar or a euro: money in them is shown in cents. */
const FIAT_LIKE = new Set(['USD', 'USDT', 'USDC', 'EUR', 'GBP', 'DAI', 'FDUSD', 'TUSD', 'BUSD']);

/** Significant digits of money in a coin quote (BTC, ETH): a satoshi of a one-bitcoin value. */
const COIN_DIGITS = 8;

/** Most decimals a unit price is shown with; no listed market is finer. */
const MAX_PRICE_PLACES = 12;

/** Money in `quote`: 2 places for fiat-like quotes (12,345.60), else 8 significant digits (0.12345678). */
export function formatMoney(value: Exact, quote: string, locale = DEFAULT_FORMAT_LOCALE): string {
  return formatDecimalText(
    FIAT_LIKE.has(quote) ? value.toFixed(2) : value.prec(COIN_DIGITS).toFixed(),
    locale,
  );
}

/** Money with its sign, for a change or a P&L: +1,234.50, −12.00, 0.00. */
export function formatSignedMoney(value: Exact, quote: string, locale = DEFAULT_FORMAT_LOCALE): string {
  return signed(formatMoney(value, quote, locale));
}

/**
 * A unit price: its own digits (the server and the feeds round to the market's precision), at least 2 places in
 * a fiat-like quote (65,000.10; 0.00001234), at most 8 significant digits otherwise.
 */
export function formatUnitPrice(value: Exact | null, quote: string, locale = DEFAULT_FORMAT_LOCALE): string {
  if (value === null) return MISSING;
  if (!FIAT_LIKE.has(quote)) return formatMoney(value, quote, locale);
  const places = Math.min(Math.max(decimalPlaces(value), 2), MAX_PRICE_PLACES);
  return formatDecimalText(value.toFixed(places), locale);
}

/** A quantity as the decimal string it is, with thousands separators: 1,234.56789. */
export function formatQuantity(value: Exact | string, locale = DEFAULT_FORMAT_LOCALE): string {
  return formatDecimalText(typeof value === 'string' ? value : value.toFixed(), locale);
}

/** A share in [0, 1] as a percentage at 2 places: 0.1234 → 12.34% (de-DE: 12,34 %). */
export function formatShare(fraction: Exact, locale = DEFAULT_FORMAT_LOCALE): string {
  return percentText(fraction.times(100).toFixed(2), locale);
}

/** A change already in percent, signed at 2 places: +1.23%, −0.45%, 0.00%; null is unknown. */
export function formatChangePercent(percent: Exact | null, locale = DEFAULT_FORMAT_LOCALE): string {
  return percent === null ? MISSING : formatPercent(percent.round(2).toNumber(), locale);
}

/**
 * A decimal fraction as a signed figure at 2 places with an arrow, so that the colour is not alone: 0.0525 with
 * the unit `%` is "▲ +5.25 %", −0.0026 with `pts` (the caller's word for percentage points) is "▼ −0.26 pts", and
 * what rounds to zero is "0.00 %".
 */
export function formatSignedFraction(
  fraction: number,
  unit: string,
  locale = DEFAULT_FORMAT_LOCALE,
): { text: string; tone: 'up' | 'down' | 'flat' } {
  const value = fraction * 100;
  const rounded = Math.abs(value) < 0.005 ? 0 : value;
  const sign = rounded > 0 ? '▲ +' : rounded < 0 ? '▼ −' : '';
  return {
    text: `${sign}${formatDecimalText(Math.abs(rounded).toFixed(2), locale)} ${unit}`,
    tone: rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'flat',
  };
}

/** Which way an amount goes, for colour and arrows: zero at the shown precision is flat. */
export function tone(value: Exact | null, places = 2): 'up' | 'down' | 'flat' {
  if (value === null) return 'flat';
  const rounded = value.round(places);
  return rounded.eq(0) ? 'flat' : rounded.gt(0) ? 'up' : 'down';
}

// A percentage's digits with the locale's percent sign and its spacing: 12.34% (en-US), 12,34 % (de-DE).
function percentText(digits: string, locale: string): string {
  const sample = new Intl.NumberFormat(locale, { style: 'percent' }).format(0.01);
  return sample.replace(/1/, formatDecimalText(digits, locale));
}

function signed(text: string): string {
  return text.startsWith(MINUS) || /^[^1-9]*$/.test(text) ? text : `+${text}`;
}
