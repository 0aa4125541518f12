/**
 * Past prices in the home currency from the exchange's own one-minute candles (ccxt fetchOHLCV): what values a
 * trade between two other currencies, a fee paid in a third one, or a deposit. Each minute is asked once.
 */
import type { Exchange } from 'ccxt';
import { Decimal } from '../../lib/portfolio/decimal';
import { minuteOpenOf } from '../feeds/candles';
import type { PriceAt } from './book-records';

const MINUTE_MS = 60_000;

/** A PriceAt over `ex`'s loaded markets; `asked` counts requests for the progress shown. */
export function candlePrices(ex: Exchange, home: string, asked: () => void): PriceAt {
  const cache = new Map<string, Promise<Decimal | null>>();
  const open = async (symbol: string, minute: number): Promise<Decimal | null> => {
    asked();
    const price = await minuteOpenOf(ex, symbol, minute);
    return price === null ? null : new Decimal(String(price));
  };
  return (asset, timeMs) => {
    const minute = Math.floor(timeMs / MINUTE_MS) * MINUTE_MS;
    const key = `${asset}:${minute}`;
    let found = cache.get(key);
    if (!found) {
      const direct = `${asset}/${home}`;
      const inverse = `${home}/${asset}`;
      found = ex.markets?.[direct]
        ? open(direct, minute)
        : ex.markets?.[inverse]
          ? open(inverse, minute).then((p) => (p ? new Decimal(1).div(p) : null))
          : Promise.resolve(null);
      cache.set(key, found);
    }
    return found;
  };
}

/** The currency a sync values in: the first of `preferred` that quotes any of the exchange's spot markets. */
export function homeCurrency(ex: Exchange, preferred: readonly string[]): string | null {
  const quotes = new Set(
    Object.values(ex.markets ?? {})
      .filter((m) => m?.spot === true)
      .map((m) => m?.quote),
  );
  return preferred.find((c) => quotes.has(c)) ?? null;
}
