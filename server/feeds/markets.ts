/** ccxt markets -> MarketInfo, with ccxt's precision modes turned into decimal places. */
import type { MarketInfo } from './types';

/** ccxt's precisionMode values (ccxt/js/src/base/functions/number.js). */
export const DECIMAL_PLACES = 2;
export const SIGNIFICANT_DIGITS = 3;
export const TICK_SIZE = 4;

/** Beyond this many decimals a precision is noise, not a market rule. */
const MAX_DECIMALS = 20;

/** The part of a ccxt market this module reads; typed loosely because it comes from the exchange. */
export interface CcxtMarketLike {
  symbol?: unknown;
  base?: unknown;
  quote?: unknown;
  active?: unknown;
  precision?: { price?: unknown; amount?: unknown } | null;
}

/** Decimal places of a positive tick: 0.01 -> 2, 0.00025 -> 5, 2.5e-7 -> 8, 10 -> 0. */
export function tickToDecimals(tick: number): number | null {
  if (!Number.isFinite(tick) || tick <= 0) return null;
  const [mantissa = '', exponent] = tick.toString().toLowerCase().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  const decimals = fraction - (exponent === undefined ? 0 : Number(exponent));
  return Math.min(Math.max(decimals, 0), MAX_DECIMALS);
}

/**
 * One precision value under the exchange's precisionMode: TICK_SIZE holds a tick (0.01),
 * DECIMAL_PLACES holds the places (2), SIGNIFICANT_DIGITS has no fixed places (null).
 */
export function precisionToDecimals(value: unknown, precisionMode: number): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  switch (precisionMode) {
    case TICK_SIZE:
      return tickToDecimals(value);
    case DECIMAL_PLACES:
      return Number.isInteger(value) && value >= 0 && value <= MAX_DECIMALS ? value : null;
    default:
      return null;
  }
}

/** One ccxt market as MarketInfo, or null when the exchange gave no usable symbol. */
export function toMarketInfo(market: CcxtMarketLike, precisionMode: number): MarketInfo | null {
  const { symbol, base, quote } = market;
  if (typeof symbol !== 'string' || symbol === '') return null;
  return {
    symbol,
    base: typeof base === 'string' ? base : '',
    quote: typeof quote === 'string' ? quote : '',
    // ccxt leaves `active` undefined when the exchange does not say; such markets do trade.
    active: market.active !== false,
    priceDecimals: precisionToDecimals(market.precision?.price, precisionMode),
    amountDecimals: precisionToDecimals(market.precision?.amount, precisionMode),
  };
}

/** Every market of a ccxt `exchange.markets` dictionary, sorted by symbol. */
export function toMarketInfos(
  markets: Readonly<Record<string, CcxtMarketLike | undefined>> | undefined,
  precisionMode: number,
): MarketInfo[] {
  const out: MarketInfo[] = [];
  for (const market of Object.values(markets ?? {})) {
    if (market === undefined || market === null) continue;
    const info = toMarketInfo(market, precisionMode);
    if (info !== null) out.push(info);
  }
  return out.sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));
}

/**
 * Markets whose data the exchange serves under another market's symbol, from ccxt's alias information: Coinbase
 * serves each -USDC product with its -USD product's data, and ccxt labels those tickers `BTC/USD`. Maps the watched
 * symbol (`BTC/USDC`) to the symbol its tickers carry (`BTC/USD`).
 */
export function servedAsMap(markets: Record<string, unknown> | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (markets === undefined || markets === null) return out;
  const byId = new Map<string, string>();
  const list = Object.values(markets).filter(
    (m): m is { symbol: string; id: unknown; alias?: unknown; info?: { alias?: unknown } } =>
      typeof m === 'object' && m !== null && typeof (m as { symbol?: unknown }).symbol === 'string',
  );
  for (const m of list) if (typeof m.id === 'string') byId.set(m.id, m.symbol);
  for (const m of list) {
    // ccxt's `alias` on the -USD market names the -USDC product served with its data (Coinbase's alias_to).
    const aliased = typeof m.alias === 'string' ? byId.get(m.alias) : undefined;
    if (aliased !== undefined && aliased !== m.symbol) out.set(aliased, m.symbol);
    // The -USDC product's own `alias` names the product whose data it gets.
    const own = m.info?.alias;
    const target = typeof own === 'string' ? byId.get(own) : undefined;
    if (target !== undefined && target !== m.symbol) out.set(m.symbol, target);
  }
  return out;
}
