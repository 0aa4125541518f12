/**
 * What an import knows of an exchange's markets (docs/imports.md): the loaded markets of a configured exchange
 * split a pair like BTCUSDT and tell which side of a trade is the quote; for an exchange that is not configured
 * here, a documented list of quote currencies does. The home currency is chosen as a sync chooses it (P9).
 */
import type { MarketInfo } from '../feeds/types';

/** A market's two currencies. */
export interface Pair {
  base: string;
  quote: string;
}

/** The exchange's loaded markets by unified symbol (`BTC/USDT`), or null when it is not configured here. */
export interface MarketView {
  exchange: string;
  markets: ReadonlyMap<string, Pick<MarketInfo, 'base' | 'quote'>> | null;
}

/**
 * Quote currencies by preference, for an exchange that is not configured here: a pair's quote is the longest of
 * these it ends with, and of a trade's two currencies the one listed first is the quote. Fiat, then stablecoins,
 * then the coins exchanges quote in.
 */
export const KNOWN_QUOTES: readonly string[] = [
  'USD',
  'EUR',
  'GBP',
  'CAD',
  'AUD',
  'CHF',
  'JPY',
  'TRY',
  'BRL',
  'USDT',
  'USDC',
  'FDUSD',
  'TUSD',
  'BUSD',
  'DAI',
  'BTC',
  'ETH',
  'BNB',
];

/** Splits an exchange's pair id ("BTCUSDT") into a listed market's currencies; null when none matches. */
export function splitPair(pair: string, view: MarketView): Pair | null {
  const candidates: Pair[] = [];
  if (view.markets) {
    for (let i = 1; i < pair.length; i += 1) {
      const market = view.markets.get(`${pair.slice(0, i)}/${pair.slice(i)}`);
      if (market) candidates.push({ base: market.base, quote: market.quote });
    }
  } else {
    for (const quote of KNOWN_QUOTES)
      if (pair.length > quote.length && pair.endsWith(quote))
        candidates.push({ base: pair.slice(0, -quote.length), quote });
  }
  // Two readings of one id (never seen on a real exchange): the longer quote, as "…TUSD" is TUSD, not USD.
  return candidates.sort((a, b) => b.quote.length - a.quote.length)[0] ?? null;
}

/** Which of two currencies traded for each other is the base and which the quote; null when no market tells. */
export function pairOf(a: string, b: string, view: MarketView): Pair | null {
  if (view.markets) {
    if (view.markets.has(`${a}/${b}`)) return { base: a, quote: b };
    if (view.markets.has(`${b}/${a}`)) return { base: b, quote: a };
    return null;
  }
  const rank = (c: string) => (KNOWN_QUOTES.includes(c) ? KNOWN_QUOTES.indexOf(c) : Infinity);
  if (rank(a) === Infinity && rank(b) === Infinity) return null;
  return rank(b) <= rank(a) ? { base: a, quote: b } : { base: b, quote: a };
}

/**
 * The currency an import values in, as a sync's (P9): the first of `preferred` (the user's own first) that quotes
 * one of the exchange's markets; for an exchange not configured here, the first the file itself quotes in; else
 * the user's own.
 */
export function homeCurrency(
  view: MarketView,
  preferred: readonly string[],
  fileQuotes: ReadonlySet<string>,
): string {
  const quotes = view.markets ? new Set([...view.markets.values()].map((m) => m.quote)) : fileQuotes;
  return preferred.find((c) => quotes.has(c)) ?? (preferred[0] as string);
}
