/** The demo exchange's market catalogue: Binance-like spot markets with realistic prices, ticks and activity. */

/** One simulated spot market; tick and step sizes are powers of ten, as on Binance's big spot markets. */
export interface MarketSpec {
  /** Unified symbol, `BASE/QUOTE`. */
  symbol: string;
  /** Exchange id, `BASEQUOTE` (Binance's form). */
  id: string;
  base: string;
  quote: string;
  /** Reference price the random walk starts from and slowly reverts to. */
  price: number;
  /** Decimals of PRICE_FILTER tickSize (2 -> 0.01). */
  priceDecimals: number;
  /** Decimals of LOT_SIZE stepSize (5 -> 0.00001). */
  amountDecimals: number;
  /** Daily volatility of log price (0.03 = 3 %). */
  dailyVol: number;
  /** Typical 24h volume in the quote currency. */
  quoteVolume: number;
  /** Smallest order value in the quote currency (NOTIONAL filter). */
  minNotional: number;
}

type Row = [
  base: string,
  quote: string,
  price: number,
  priceDec: number,
  amountDec: number,
  vol: number,
  qVol: number,
];

// Prices are of the order seen on Binance in 2024-25; exact values do not matter, magnitudes and ticks do.
const ROWS: readonly Row[] = [
  ['BTC', 'USDT', 67000, 2, 5, 0.025, 1.5e9],
  ['ETH', 'USDT', 3500, 2, 4, 0.035, 8e8],
  ['BNB', 'USDT', 590, 2, 3, 0.03, 1e8],
  ['SOL', 'USDT', 150, 2, 3, 0.05, 4e8],
  ['XRP', 'USDT', 0.55, 4, 1, 0.045, 2e8],
  ['DOGE', 'USDT', 0.15, 5, 0, 0.06, 2e8],
  ['ADA', 'USDT', 0.45, 4, 1, 0.05, 6e7],
  ['AVAX', 'USDT', 35, 2, 2, 0.055, 5e7],
  ['DOT', 'USDT', 7, 3, 2, 0.05, 3e7],
  ['LINK', 'USDT', 15, 2, 2, 0.05, 5e7],
  ['LTC', 'USDT', 80, 2, 3, 0.04, 4e7],
  ['POL', 'USDT', 0.5, 4, 1, 0.055, 2e7],
  ['TRX', 'USDT', 0.12, 4, 1, 0.025, 3e7],
  ['ATOM', 'USDT', 8, 3, 2, 0.05, 2e7],
  ['NEAR', 'USDT', 6, 3, 1, 0.06, 4e7],
  ['UNI', 'USDT', 10, 3, 2, 0.06, 2e7],
  ['BCH', 'USDT', 450, 1, 3, 0.045, 3e7],
  ['XLM', 'USDT', 0.11, 4, 0, 0.04, 1e7],
  ['ETC', 'USDT', 27, 2, 2, 0.045, 2e7],
  ['FIL', 'USDT', 5.5, 3, 2, 0.06, 2e7],
  ['APT', 'USDT', 9, 4, 2, 0.06, 2e7],
  ['ARB', 'USDT', 1, 4, 1, 0.065, 3e7],
  ['OP', 'USDT', 2.5, 3, 2, 0.065, 2e7],
  ['INJ', 'USDT', 25, 2, 2, 0.07, 2e7],
  ['SUI', 'USDT', 1.1, 4, 1, 0.075, 4e7],
  ['PEPE', 'USDT', 0.000011, 8, 0, 0.08, 1e8],
  ['SHIB', 'USDT', 0.0000245, 8, 0, 0.06, 5e7],
  ['AAVE', 'USDT', 95, 2, 3, 0.06, 2e7],
  ['HBAR', 'USDT', 0.09, 5, 0, 0.055, 1e7],
  ['FET', 'USDT', 1.5, 4, 1, 0.07, 3e7],
  ['RENDER', 'USDT', 8, 3, 2, 0.07, 2e7],
  ['TON', 'USDT', 6.5, 3, 2, 0.045, 2e7],
  ['ETH', 'BTC', 0.052, 5, 4, 0.025, 2000],
  ['SOL', 'BTC', 0.00224, 7, 3, 0.04, 200],
  ['BNB', 'BTC', 0.0088, 6, 3, 0.025, 150],
  ['XRP', 'BTC', 0.0000082, 8, 0, 0.04, 50],
  ['BTC', 'EUR', 62000, 2, 5, 0.025, 5e7],
  ['ETH', 'EUR', 3250, 2, 4, 0.035, 2e7],
  ['EUR', 'USDT', 1.08, 4, 1, 0.004, 3e7],
  ['BTC', 'USDC', 67000, 2, 5, 0.025, 3e8],
  ['ETH', 'USDC', 3500, 2, 4, 0.035, 1e8],
  ['USDC', 'USDT', 1, 4, 0, 0.0005, 5e8],
];

const MIN_NOTIONAL: Readonly<Record<string, number>> = { BTC: 0.0001 };

/** The default catalogue, in a stable order (the order of REST answers and of the tick stagger). */
export const DEMO_MARKETS: readonly MarketSpec[] = ROWS.map(
  ([base, quote, price, priceDecimals, amountDecimals, dailyVol, quoteVolume]) => ({
    symbol: `${base}/${quote}`,
    id: `${base}${quote}`,
    base,
    quote,
    price,
    priceDecimals,
    amountDecimals,
    dailyVol,
    quoteVolume,
    minNotional: MIN_NOTIONAL[quote] ?? 5,
  }),
);
