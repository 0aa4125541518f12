/** The server's portfolio valuation brought up to the live tickers: exact decimals, the server's rules. */
import { MAX_FRACTION_DIGITS } from '../lib/portfolio/amount-limits';
import type { ConversionPath } from '../lib/portfolio/conversion-path';
import type { CostBasisMethod } from '../lib/portfolio/lots';
import type { PortfolioAnswer, PortfolioAsset, UnpricedHolding } from './api/portfolio';
import type { StreamId } from '../lib/protocol';
import { Exact, ZERO, quotient, quotientToDigits } from './exact';

/** A live ticker's prices: the last trade and the price 24 h ago; `stale` when not known to be current. */
export interface LiveQuote {
  last: number | null;
  open: number | null;
  stale?: boolean;
}

/** Live quotes by stream id. */
export type LiveQuotes = ReadonlyMap<StreamId, LiveQuote> | Readonly<Record<StreamId, LiveQuote>>;

/** A holding revalued: what the server said, with the price, value and P&L at the live ticker when there is one. */
export interface LiveHolding {
  asset: string;
  quantity: Exact;
  stream: StreamId | null;
  /** Where the asset can be priced (P3): the exchanges listing its market. */
  venues: readonly string[];
  /** Null only for a closed position. */
  price: Exact | null;
  /** 'live': the ticker; 'server': the price in the server's answer (no usable tick yet); null: closed. */
  priceFrom: 'live' | 'server' | null;
  stale: boolean;
  marketValue: Exact;
  costBasis: Exact;
  /** marketValue − costBasis. */
  unrealizedPnl: Exact;
  /** unrealizedPnl / costBasis × 100; null when the cost basis is 0. */
  unrealizedPnlPercent: Exact | null;
  realizedPnl: Exact;
  /** marketValue / total market value, in [0, 1]. */
  allocation: Exact;
  /** quantity × (last − open); null without a live last and open. */
  change24h: Exact | null;
  /** quantity × open: the value 24 h ago; null like change24h. */
  value24hAgo: Exact | null;
  /** Part of it came from an adjustment of unknown cost (P9): its cost basis and unrealized P&L are not real. */
  costUnknown: boolean;
}

/** Sums over the valued holdings; the 24 h figures over those with a live last and open. */
export interface LiveTotals {
  marketValue: Exact;
  costBasis: Exact;
  unrealizedPnl: Exact;
  unrealizedPnlPercent: Exact | null;
  realizedPnl: Exact;
  change24h: Exact | null;
  /** change24h / value 24 h ago × 100; null when that value is unknown or 0. */
  change24hPercent: Exact | null;
  /** False when some held asset has no 24 h open yet, so the 24 h change leaves it out. */
  change24hComplete: boolean;
}

/** The server's valuation brought up to the live tickers. */
export interface LivePortfolio {
  method: CostBasisMethod;
  quoteCurrency: string;
  /** The server's word: false when some holding is unpriced and missing from the totals. */
  complete: boolean;
  holdings: LiveHolding[];
  unpriced: UnpricedHolding[];
  totals: LiveTotals;
}

/**
 * Revalues the server's holdings at `quotes`, exactly (Exact, never float arithmetic on money). A holding
 * without a usable live price keeps the server's; unpriced holdings stay unpriced.
 */
export function revaluePortfolio(answer: PortfolioAnswer, quotes: LiveQuotes): LivePortfolio {
  const valued = answer.assets.map((asset) => revalueAsset(asset, quotes));
  const sum = (pick: (h: (typeof valued)[number]) => Exact | null) =>
    valued.reduce((total, h) => total.plus(pick(h) ?? ZERO), ZERO);
  const marketValue = sum((h) => h.marketValue);
  const costBasis = sum((h) => h.costBasis);
  const unrealizedPnl = marketValue.minus(costBasis);
  const moving = valued.filter((h) => h.change24h !== null);
  const change24h = moving.length > 0 ? sum((h) => h.change24h) : null;
  const value24hAgo = sum((h) => h.value24hAgo);
  const holdings = valued.map((h) => ({ ...h, allocation: share(h.marketValue, marketValue) }));
  return {
    method: answer.method,
    quoteCurrency: answer.quoteCurrency,
    complete: answer.complete,
    holdings,
    unpriced: answer.unpriced,
    totals: {
      marketValue,
      costBasis,
      unrealizedPnl,
      unrealizedPnlPercent: percentOf(unrealizedPnl, costBasis),
      realizedPnl: sum((h) => h.realizedPnl),
      change24h,
      change24hPercent: change24h && percentOf(change24h, value24hAgo),
      change24hComplete: valued.every((h) => h.change24h !== null || h.quantity.eq(0)),
    },
  };
}

/**
 * The conversion rate now, and an amount the server converted at its own rate brought to it: × live rate ÷ the
 * server's. Costs and P&L follow today's rate like the price (unchanged without a conversion).
 */
function liveRate(
  asset: PortfolioAsset,
  quotes: LiveQuotes,
): { rate: Exact; follow: (amount: Exact) => Exact } {
  const same = (amount: Exact) => amount;
  const conversion = asset.conversion;
  if (!conversion) return { rate: new Exact(1), follow: same };
  const served = new Exact(conversion.rate);
  const live = conversionRate(conversion, (stream) => lookup(quotes, stream)?.last);
  // Multiplied first, so that the one division is the only rounding, at 36 places.
  return live && !served.eq(0)
    ? { rate: live, follow: (amount) => amount.times(live).div(served) }
    : { rate: served, follow: same };
}

/**
 * How much of `to` one unit of `from` is worth at the live last prices, as the server computes it
 * (lib/portfolio/conversion.ts): 18 significant digits, half to even; null when a leg has no usable price.
 */
function conversionRate(
  path: ConversionPath,
  lastPrice: (stream: string) => number | null | undefined,
): Exact | null {
  let times = new Exact(1);
  let per = new Exact(1);
  for (const { stream, inverse } of path.legs) {
    const price = usable(lastPrice(stream));
    if (price === null || price.eq(0)) return null;
    if (inverse) per = per.times(price);
    else times = times.times(price);
  }
  // Dividing by the inverse legs' product at once rounds the rate only once.
  return quotientToDigits(times, per, 18);
}

function revalueAsset(asset: PortfolioAsset, quotes: LiveQuotes): Omit<LiveHolding, 'allocation'> {
  const quantity = new Exact(asset.quantity);
  const { rate, follow } = liveRate(asset, quotes);
  const costBasis = follow(new Exact(asset.costBasis));
  const stream = asset.priceSource?.stream ?? null;
  const quote = stream === null ? undefined : lookup(quotes, stream);
  // The stream's prices are in the holding's own quote currency; the rate brings them into the portfolio's.
  const last = usable(quote?.last)?.times(rate) ?? null;
  const open = usable(quote?.open)?.times(rate) ?? null;
  const price = last ?? (asset.price === null ? null : new Exact(asset.price));
  const marketValue = price ? quantity.times(price) : ZERO;
  const unrealizedPnl = marketValue.minus(costBasis);
  const moved = last !== null && open !== null;
  return {
    asset: asset.asset,
    quantity,
    stream,
    venues: asset.venues,
    price,
    priceFrom: last ? 'live' : price ? 'server' : null,
    stale: last ? quote?.stale === true : (asset.priceSource?.stale ?? false),
    marketValue,
    costBasis,
    unrealizedPnl,
    unrealizedPnlPercent: percentOf(unrealizedPnl, costBasis),
    realizedPnl: follow(new Exact(asset.realizedPnl)),
    change24h: moved ? quantity.times(last.minus(open)) : null,
    value24hAgo: moved ? quantity.times(open) : null,
    costUnknown: asset.costUnknown === true,
  };
}

function lookup(quotes: LiveQuotes, stream: StreamId): LiveQuote | undefined {
  if (quotes instanceof Map) return quotes.get(stream);
  const record = quotes as Readonly<Record<StreamId, LiveQuote>>;
  return Object.hasOwn(record, stream) ? record[stream] : undefined;
}

// A ticker number as an exact value of its shortest form; a missing, negative or non-finite one is no price.
function usable(value: number | null | undefined): Exact | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? new Exact(String(value)) : null;
}

// Times 100 first, so the percentage keeps all 36 places of the division.
function percentOf(part: Exact, whole: Exact): Exact | null {
  return whole.eq(0) ? null : part.times(100).div(whole);
}

// Rounded like the server's allocation, half to even: a share needs no more places than an amount.
function share(value: Exact, total: Exact): Exact {
  return total.eq(0) ? ZERO : quotient(value, total, MAX_FRACTION_DIGITS);
}
