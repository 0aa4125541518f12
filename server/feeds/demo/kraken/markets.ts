/** Kraken's spot catalogue for the simulated exchange: its asset codes, pair names and trading rules. */
import type { MarketSpec } from '../markets';

/** One Kraken asset as `/0/public/Assets` lists it. */
export interface KrakenAsset {
  /** Kraken's asset id, with the legacy X/Z prefix where Kraken keeps one (`XXBT`, `ZUSD`). */
  id: string;
  /** Kraken's short name (`XBT`, `XDG`, `USD`). */
  altname: string;
  decimals: number;
  displayDecimals: number;
  /** Fiat currencies are `aclass` currency too on Kraken; only the margin collateral differs. */
  collateralValue?: string;
}

/** One Kraken spot pair plus the model parameters the shared simulator needs. */
export interface KrakenPair extends MarketSpec {
  /** Kraken's pair name (`XXBTZUSD`), also MarketSpec.id: the key of every REST answer. */
  id: string;
  altname: string;
  /** WebSocket v1 name (`XBT/USD`), as AssetPairs reports it. */
  wsname: string;
  /** WebSocket v2 symbol (`BTC/USD`): v2 spells assets the modern way. */
  wsSymbol: string;
  baseAsset: KrakenAsset;
  quoteAsset: KrakenAsset;
  ordermin: string;
  costmin: string;
  /** Average trades per tickMs, in (0, 1]: busy books trade about once per tick, small ones less. */
  activity: number;
}

const asset = (id: string, altname: string, decimals: number, displayDecimals: number): KrakenAsset => ({
  id,
  altname,
  decimals,
  displayDecimals,
});

/** Kraken's assets in its own spelling; the X/Z-prefixed ids are the legacy ones Kraken still serves. */
export const KRAKEN_ASSETS: readonly KrakenAsset[] = [
  { ...asset('XXBT', 'XBT', 10, 5), collateralValue: '1.0000' },
  { ...asset('XETH', 'ETH', 10, 5), collateralValue: '1.0000' },
  asset('SOL', 'SOL', 10, 5),
  asset('XXRP', 'XRP', 8, 5),
  asset('XXDG', 'XDG', 8, 2),
  asset('ADA', 'ADA', 8, 6),
  asset('XLTC', 'LTC', 10, 5),
  asset('LINK', 'LINK', 10, 5),
  asset('DOT', 'DOT', 10, 8),
  asset('AVAX', 'AVAX', 10, 5),
  asset('XXLM', 'XLM', 8, 5),
  { ...asset('ZUSD', 'USD', 4, 2), collateralValue: '1.0000' },
  { ...asset('ZEUR', 'EUR', 4, 2), collateralValue: '1.0000' },
  asset('USDT', 'USDT', 8, 4),
  asset('USDC', 'USDC', 8, 4),
];

const byId = new Map(KRAKEN_ASSETS.map((a) => [a.id, a] as const));
const mustAsset = (id: string): KrakenAsset => {
  const found = byId.get(id);
  if (found === undefined) throw new Error(`kraken catalogue: unknown asset ${id}`);
  return found;
};

type Row = [
  id: string,
  altname: string,
  wsname: string,
  symbol: string,
  base: string,
  quote: string,
  price: number,
  pairDecimals: number,
  dailyVol: number,
  quoteVolume: number,
  ordermin: string,
  costmin: string,
];

// Older pairs keep Kraken's X/Z-prefixed names (XXBTZUSD), newer ones do not (SOLUSD); DOGE is XDG on Kraken.
const ROWS: readonly Row[] = [
  ['XXBTZUSD', 'XBTUSD', 'XBT/USD', 'BTC/USD', 'XXBT', 'ZUSD', 67000, 1, 0.025, 8e8, '0.00005', '0.5'],
  ['XETHZUSD', 'ETHUSD', 'ETH/USD', 'ETH/USD', 'XETH', 'ZUSD', 3500, 2, 0.035, 4e8, '0.002', '0.5'],
  ['SOLUSD', 'SOLUSD', 'SOL/USD', 'SOL/USD', 'SOL', 'ZUSD', 150, 2, 0.05, 1e8, '0.02', '0.5'],
  ['XXRPZUSD', 'XRPUSD', 'XRP/USD', 'XRP/USD', 'XXRP', 'ZUSD', 0.55, 5, 0.045, 6e7, '2', '0.5'],
  ['XDGUSD', 'XDGUSD', 'XDG/USD', 'DOGE/USD', 'XXDG', 'ZUSD', 0.15, 7, 0.06, 3e7, '20', '0.5'],
  ['ADAUSD', 'ADAUSD', 'ADA/USD', 'ADA/USD', 'ADA', 'ZUSD', 0.45, 6, 0.05, 1.5e7, '10', '0.5'],
  ['XLTCZUSD', 'LTCUSD', 'LTC/USD', 'LTC/USD', 'XLTC', 'ZUSD', 80, 2, 0.04, 1e7, '0.05', '0.5'],
  ['LINKUSD', 'LINKUSD', 'LINK/USD', 'LINK/USD', 'LINK', 'ZUSD', 15, 5, 0.05, 8e6, '0.2', '0.5'],
  ['DOTUSD', 'DOTUSD', 'DOT/USD', 'DOT/USD', 'DOT', 'ZUSD', 7, 4, 0.05, 5e6, '0.5', '0.5'],
  ['AVAXUSD', 'AVAXUSD', 'AVAX/USD', 'AVAX/USD', 'AVAX', 'ZUSD', 35, 2, 0.055, 5e6, '0.1', '0.5'],
  ['XXLMZUSD', 'XLMUSD', 'XLM/USD', 'XLM/USD', 'XXLM', 'ZUSD', 0.11, 6, 0.04, 3e6, '20', '0.5'],
  ['XXBTZEUR', 'XBTEUR', 'XBT/EUR', 'BTC/EUR', 'XXBT', 'ZEUR', 62000, 1, 0.025, 3e8, '0.00005', '0.5'],
  ['XETHZEUR', 'ETHEUR', 'ETH/EUR', 'ETH/EUR', 'XETH', 'ZEUR', 3250, 2, 0.035, 1e8, '0.002', '0.5'],
  ['SOLEUR', 'SOLEUR', 'SOL/EUR', 'SOL/EUR', 'SOL', 'ZEUR', 140, 2, 0.05, 2e7, '0.02', '0.5'],
  ['USDTZUSD', 'USDTUSD', 'USDT/USD', 'USDT/USD', 'USDT', 'ZUSD', 1, 5, 0.0005, 1e8, '5', '0.5'],
  ['USDCUSD', 'USDCUSD', 'USDC/USD', 'USDC/USD', 'USDC', 'ZUSD', 1, 5, 0.0005, 5e7, '5', '0.5'],
  ['XETHXXBT', 'ETHXBT', 'ETH/XBT', 'ETH/BTC', 'XETH', 'XXBT', 0.052, 5, 0.025, 300, '0.002', '0.00002'],
];

/** How often a market trades: log-scaled from its quote volume, so BTC/USD trades ~10x as often as ETH/BTC. */
function activityOf(quoteVolume: number): number {
  return Math.min(1, Math.max(0.1, (Math.log10(quoteVolume) - 2) / 6.9));
}

/** The simulated pairs, in AssetPairs order (also the order of REST ticker answers). */
export const KRAKEN_PAIRS: readonly KrakenPair[] = ROWS.map(
  ([
    id,
    altname,
    wsname,
    symbol,
    base,
    quote,
    price,
    pairDecimals,
    dailyVol,
    quoteVolume,
    ordermin,
    costmin,
  ]) => {
    const baseAsset = mustAsset(base);
    const quoteAsset = mustAsset(quote);
    return {
      symbol,
      id,
      base: symbol.split('/')[0] ?? base,
      quote: symbol.split('/')[1] ?? quote,
      price,
      priceDecimals: pairDecimals,
      // Kraken's spot lots are 8 decimals on every pair listed here.
      amountDecimals: 8,
      dailyVol,
      quoteVolume,
      minNotional: Number(costmin),
      altname,
      wsname,
      wsSymbol: symbol,
      baseAsset,
      quoteAsset,
      ordermin,
      costmin,
      activity: activityOf(quoteVolume),
    };
  },
);
