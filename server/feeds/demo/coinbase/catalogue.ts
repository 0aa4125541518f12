/** The simulated Coinbase's product catalogue: spot products with Coinbase's ids, increments and USDC aliases. */
import type { MarketSpec } from '../markets';

/** One traded product: its model (id = Coinbase product id) plus the limits Coinbase lists for it. */
export interface CoinbaseMarket extends MarketSpec {
  /** Smallest order in the base currency (`base_min_size`). */
  baseMinSize: string;
  /** Largest order in the base currency (`base_max_size`). */
  baseMaxSize: string;
  /** The -USDC product ids that carry this product's data (`alias_to`), empty for most. */
  aliasTo: string[];
}

/** A -USDC product: listed on its own but served the data of the -USD product it is an alias of. */
export interface AliasProduct {
  id: string;
  symbol: string;
  base: string;
  quote: 'USDC';
  /** The -USD product whose data it carries (Coinbase's `alias`). */
  aliasOf: string;
}

type Row = [
  base: string,
  quote: string,
  price: number,
  priceDec: number,
  amountDec: number,
  vol: number,
  qVol: number,
  baseMax: string,
];

// Increments as Coinbase lists them (2024-25); prices and volumes only need the right magnitude.
const ROWS: readonly Row[] = [
  ['BTC', 'USD', 67000, 2, 8, 0.025, 1.2e9, '3400'],
  ['ETH', 'USD', 3500, 2, 8, 0.035, 6e8, '42000'],
  ['SOL', 'USD', 150, 2, 8, 0.05, 3e8, '250000'],
  ['XRP', 'USD', 0.55, 4, 6, 0.045, 2e8, '65000000'],
  ['DOGE', 'USD', 0.15, 5, 1, 0.06, 1.2e8, '230000000'],
  ['ADA', 'USD', 0.45, 4, 8, 0.05, 4e7, '80000000'],
  ['LTC', 'USD', 80, 2, 8, 0.04, 3e7, '60000'],
  ['LINK', 'USD', 15, 3, 2, 0.05, 4e7, '800000'],
  ['AVAX', 'USD', 35, 2, 8, 0.055, 3e7, '400000'],
  ['DOT', 'USD', 7, 3, 8, 0.05, 2e7, '1700000'],
  ['BCH', 'USD', 450, 2, 8, 0.045, 1.5e7, '12000'],
  ['UNI', 'USD', 10, 3, 6, 0.06, 1e7, '1200000'],
  ['USDT', 'USD', 1, 5, 2, 0.0005, 1.5e8, '1000000000'],
  ['BTC', 'EUR', 62000, 2, 8, 0.025, 4e7, '3400'],
  ['ETH', 'EUR', 3250, 2, 8, 0.035, 1.5e7, '42000'],
];

/** Which -USD products also trade as -USDC (all of them do on Coinbase; these three are listed here). */
const USDC_BASES: readonly string[] = ['BTC', 'ETH', 'SOL'];

/** Display names, as `base_name` / `quote_name` and the currency endpoints give them. */
export const CURRENCY_NAMES: Readonly<Record<string, string>> = {
  BTC: 'Bitcoin',
  ETH: 'Ethereum',
  SOL: 'Solana',
  XRP: 'XRP',
  DOGE: 'Dogecoin',
  ADA: 'Cardano',
  LTC: 'Litecoin',
  LINK: 'Chainlink',
  AVAX: 'Avalanche',
  DOT: 'Polkadot',
  BCH: 'Bitcoin Cash',
  UNI: 'Uniswap',
  USDT: 'Tether',
  USDC: 'USDC',
  USD: 'US Dollar',
  EUR: 'Euro',
};

/** The fiat currencies (`/v2/currencies`); everything else is crypto (`/v2/currencies/crypto`). */
export const FIAT: readonly string[] = ['USD', 'EUR'];

/** The traded products in catalogue order (the order of REST answers). */
export const COINBASE_MARKETS: readonly CoinbaseMarket[] = ROWS.map(
  ([base, quote, price, priceDecimals, amountDecimals, dailyVol, quoteVolume, baseMaxSize]) => ({
    symbol: `${base}/${quote}`,
    id: `${base}-${quote}`,
    base,
    quote,
    price,
    priceDecimals,
    amountDecimals,
    dailyVol,
    quoteVolume,
    // Coinbase's quote_min_size is 1 unit of the quote currency on its fiat books.
    minNotional: 1,
    baseMinSize: (10 ** -amountDecimals).toFixed(amountDecimals),
    baseMaxSize,
    aliasTo: quote === 'USD' && USDC_BASES.includes(base) ? [`${base}-USDC`] : [],
  }),
);

/** The -USDC products, each an alias of its -USD product. */
export const ALIAS_PRODUCTS: readonly AliasProduct[] = USDC_BASES.map((base) => ({
  id: `${base}-USDC`,
  symbol: `${base}/USDC`,
  base,
  quote: 'USDC',
  aliasOf: `${base}-USD`,
}));

/** Every currency that appears in a product, sorted. */
export function catalogueCurrencies(): string[] {
  const codes = new Set<string>(['USDC']);
  for (const market of COINBASE_MARKETS) {
    codes.add(market.base);
    codes.add(market.quote);
  }
  return [...codes].sort();
}
