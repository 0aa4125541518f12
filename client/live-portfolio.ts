/** The server's portfolio valuation brought up to the live tickers: exact decimals, the server's rules. */
import { conversionRate } from '../lib/portfolio/conversion';
import { Decimal, MAX_FRACTION_DIGITS, ZERO } from '../lib/portfolio/decimal';
import type { CostBasisMethod } from '../lib/portfolio/lots';
import type { PortfolioAnswer, PortfolioAsset, UnpricedHolding } from './api/portfolio';
import type { StreamId } from '../lib/protocol';

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
  quantity: Decimal;
  stream: StreamId | null;
  /** Where the asset can be priced (P3): the exchanges listing its market. */
  venues: readonly string[];
  /** Null only for a closed position. */
  price: Decimal | null;
  /** 'live': the ticker; 'server': the price in the server's answer (no usable tick yet); null: closed. */
  priceFrom: 'live' | 'server' | null;
  stale: boolean;
  marketValue: Decimal;
  costBasis: Decimal;
  /** marketValue − costBasis. */
  unrealizedPnl: Decimal;
  /** unrealizedPnl / costBasis × 100; null when the cost basis is 0. */
  unrealizedPnlPercent: Decimal | null;
  realizedPnl: Decimal;
  /** marketValue / total market value, in [0, 1]. */
  allocation: Decimal;
  /** quantity × (last − open); null without a live last and open. */
  change24h: Decimal | null;
  /** quantity × open: the value 24 h ago; null like change24h. */
  value24hAgo: Decimal | null;
  /** Part of it came from an adjustment of unknown cost (P9): its cost basis and unrealized P&L are not real. */
  costUnknown: boolean;
}

/** Sums over the valued holdings; the 24 h figures over those with a live last and open. */
export interface LiveTotals {
  marketValue: Decimal;
  costBasis: Decimal;
  unrealizedPnl: Decimal;
  unrealizedPnlPercent: Decimal | null;
  realizedPnl: Decimal;
  change24h: Decimal | null;
  /** change24h / value 24 h ago × 100; null when that value is unknown or 0. */
  change24hPercent: Decimal | null;
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
 * Revalues the server's holdings at `quotes`, exactly (Decimal, never float arithmetic on money). A holding
 * without a usable live price keeps the server's; unpriced holdings stay unpriced.
 */
export function revaluePortfolio(answer: PortfolioAnswer, quotes: LiveQuotes): LivePortfolio {
  const valued = answer.assets.map((asset) => revalueAsset(asset, quotes));
  const sum = (pick: (h: (typeof valued)[number]) => Decimal | null) =>
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
      change24hComplete: valued.every((h) => h.change24h !== null || h.quantity.isZero()),
    },
  };
}

/**
 * How much the conversion rate moved since the server valued the holding: live rate ÷ the server's. Costs and
 * P&L were converted at the server's rate; they follow today's rate like the price (1 without a conversion).
 */
function rateFactor(asset: PortfolioAsset, quotes: LiveQuotes): { rate: Decimal; factor: Decimal } {
  const conversion = asset.conversion;
  if (!conversion) return { rate: new Decimal(1), factor: new Decimal(1) };
  const served = new Decimal(conversion.rate);
  const live = conversionRate(conversion, (stream) => lookup(quotes, stream)?.last);
  return live && !served.isZero()
    ? { rate: live, factor: live.div(served) }
    : { rate: served, factor: new Decimal(1) };
}

function revalueAsset(asset: PortfolioAsset, quotes: LiveQuotes): Omit<LiveHolding, 'allocation'> {
  const quantity = new Decimal(asset.quantity);
  const { rate, factor } = rateFactor(asset, quotes);
  const costBasis = new Decimal(asset.costBasis).times(factor);
  const stream = asset.priceSource?.stream ?? null;
  const quote = stream === null ? undefined : lookup(quotes, stream);
  // The stream's prices are in the holding's own quote currency; the rate brings them into the portfolio's.
  const last = usable(quote?.last)?.times(rate) ?? null;
  const open = usable(quote?.open)?.times(rate) ?? null;
  const price = last ?? (asset.price === null ? null : new Decimal(asset.price));
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
    realizedPnl: new Decimal(asset.realizedPnl).times(factor),
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

// A ticker number as an exact Decimal of its shortest form; a missing, negative or non-finite one is no price.
function usable(value: number | null | undefined): Decimal | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0
    ? new Decimal(String(value))
    : null;
}

function percentOf(part: Decimal, whole: Decimal): Decimal | null {
  return whole.isZero() ? null : part.div(whole).times(100);
}

// Rounded like the server's allocation: a share needs no more places than an amount.
function share(value: Decimal, total: Decimal): Decimal {
  return total.isZero()
    ? ZERO
    : value.div(total).toDecimalPlaces(MAX_FRACTION_DIGITS, Decimal.ROUND_HALF_EVEN);
}
