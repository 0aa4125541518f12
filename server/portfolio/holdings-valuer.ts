/**
 * Holdings valued at the market state's latest prices, in the user's currency (docs/protocol.md P3, P5): which
 * market prices each asset, the conversion into the currency, and the answer's amounts as decimal strings.
 */
import type { StreamId } from '../../lib/protocol';
import { Decimal, formatDecimal } from '../../lib/portfolio/decimal';
import { conversionRate, convertHolding, findConversion } from '../../lib/portfolio/conversion';
import type { ConversionPath } from '../../lib/portfolio/conversion';
import type { AssetHolding } from '../../lib/portfolio/holdings';
import { streamId } from '../../lib/stream-id';
import type { MarketState } from '../market/market-state';
import { valuePortfolio } from './valuation';
import type { UnpricedReason } from './valuation';

/** Where prices come from: which exchanges list a market, in the order they are preferred. */
export interface PriceSource {
  /** Configured exchange ids, the first preferred. */
  exchanges(): readonly string[];
  /** True when the exchange's loaded markets include the symbol. */
  hasMarket(exchange: string, symbol: string): boolean;
}

/** The price a holding is valued at, and where it came from. */
export interface PricePoint {
  stream: StreamId;
  price: string;
  receivedAt: number;
  stale: boolean;
}

const text = (value: Decimal) => formatDecimal(value);

type Conversion =
  { ok: true; path: ConversionPath; rate: Decimal } | { ok: false; reason: 'no-conversion' | 'no-rate' };

/** Values holdings at the latest prices; synchronous, so every holding of one answer sees the same prices. */
export class HoldingsValuer {
  constructor(
    private readonly market: MarketState,
    private readonly prices: PriceSource,
  ) {}

  /**
   * `holdings` valued in `currency`. A holding quoted in another currency is converted at today's rate through
   * the markets (lib/portfolio/conversion.ts): its value, cost basis and P&L alike. `venues` names the exchange
   * each asset is preferably priced on.
   */
  value(
    holdings: readonly AssetHolding[],
    venues: ReadonlyMap<string, string>,
    currency: string,
    costUnknown: ReadonlySet<string> = new Set(),
  ) {
    // An asset is of unknown cost while any lot it holds came from an adjustment nobody has priced (P9).
    const unknownCost = new Set(
      holdings.filter((h) => h.lots.some((lot) => costUnknown.has(lot.transactionId))).map((h) => h.asset),
    );
    const quotes = new Map(holdings.map((h) => [h.asset, h.quoteCurrency]));
    const prices = new Map<string, Decimal>();
    const sources: Record<string, PricePoint> = {};
    const conversions: Record<string, { path: ConversionPath; rate: Decimal }> = {};
    const converted: AssetHolding[] = [];
    const unconverted: Array<{ holding: AssetHolding; reason: 'no-conversion' | 'no-rate' }> = [];
    for (const holding of holdings) {
      const conversion = this.conversion(holding.quoteCurrency, currency);
      if (!conversion.ok) {
        unconverted.push({ holding, reason: conversion.reason });
        continue;
      }
      const { rate } = conversion;
      if (conversion.path.legs.length > 0) conversions[holding.asset] = conversion;
      converted.push(rate.eq(1) ? holding : convertHolding(holding, rate, currency));
      // Cash (an asset quoted in itself, as a sync books USDT) is worth one unit of itself: no market prices it.
      if (holding.asset === holding.quoteCurrency) {
        prices.set(holding.asset, rate);
        continue;
      }
      const point = this.price(holding, venues.get(holding.asset));
      if (!point) continue;
      sources[holding.asset] = point;
      prices.set(holding.asset, new Decimal(point.price).times(rate));
    }
    const valuation = valuePortfolio(converted, prices, currency);
    const { totals } = valuation;
    const unpriced = (
      h: {
        asset: string;
        quoteCurrency: string;
        quantity: Decimal;
        costBasis: Decimal;
        realizedPnl: Decimal;
      },
      reason: UnpricedReason | 'no-conversion' | 'no-rate',
    ) => ({
      asset: h.asset,
      quoteCurrency: h.quoteCurrency,
      reason,
      quantity: text(h.quantity),
      costBasis: text(h.costBasis),
      realizedPnl: text(h.realizedPnl),
      costUnknown: unknownCost.has(h.asset),
    });
    return {
      complete: valuation.complete && unconverted.length === 0,
      totals: {
        marketValue: text(totals.marketValue),
        costBasis: text(totals.costBasis),
        unrealizedPnl: text(totals.unrealizedPnl),
        realizedPnl: text(totals.realizedPnl),
      },
      assets: valuation.assets.map((a) => ({
        asset: a.asset,
        quantity: text(a.quantity),
        price: a.price === null ? null : text(a.price),
        priceSource: sources[a.asset] ?? null,
        venues: this.listing(a.asset, quotes.get(a.asset) ?? ''),
        conversion: describeConversion(conversions[a.asset]),
        marketValue: text(a.marketValue),
        costBasis: text(a.costBasis),
        unrealizedPnl: text(a.unrealizedPnl),
        realizedPnl: text(a.realizedPnl),
        allocation: text(a.allocation),
        costUnknown: unknownCost.has(a.asset),
      })),
      unpriced: [
        ...valuation.unpriced.map((u) => unpriced(u, u.reason)),
        ...unconverted.map(({ holding, reason }) => unpriced(holding, reason)),
      ],
    };
  }

  /** The market that prices an asset: on the preferred exchange when it lists it, else the first that does. */
  stream(asset: string, quote: string, preferred: string | undefined): StreamId | null {
    const symbol = `${asset}/${quote}`;
    const order = [...(preferred ? [preferred] : []), ...this.prices.exchanges()];
    const exchange = order.find((id) => this.prices.hasMarket(id, symbol));
    return exchange ? streamId(exchange, symbol) : null;
  }

  /** The path from one currency into another through the configured exchanges' markets, or null. */
  path(from: string, to: string): ConversionPath | null {
    return findConversion(from, to, (symbol) => this.findMarket(symbol));
  }

  /** The configured exchanges that list `asset`/`quote`, in the configured order: the choices a user has. */
  private listing(asset: string, quote: string): string[] {
    return this.prices.exchanges().filter((id) => this.prices.hasMarket(id, `${asset}/${quote}`));
  }

  private conversion(from: string, to: string): Conversion {
    const path = this.path(from, to);
    if (!path) return { ok: false, reason: 'no-conversion' };
    const rate = conversionRate(path, (stream) => this.market.get(stream)?.last);
    return rate ? { ok: true, path, rate } : { ok: false, reason: 'no-rate' };
  }

  private findMarket(symbol: string): StreamId | null {
    const exchange = this.prices.exchanges().find((id) => this.prices.hasMarket(id, symbol));
    return exchange ? streamId(exchange, symbol) : null;
  }

  private price(holding: AssetHolding, venue: string | undefined): PricePoint | null {
    const stream = this.stream(holding.asset, holding.quoteCurrency, venue);
    const ticker = stream ? this.market.get(stream) : undefined;
    if (!stream || !ticker || ticker.last === null) return null;
    return { stream, price: String(ticker.last), receivedAt: ticker.receivedAt, stale: ticker.stale };
  }
}

/** What `HoldingsValuer.value` answers: the P3 answer without its method and currency. */
export type ValuedHoldings = ReturnType<HoldingsValuer['value']>;

/** A conversion as the API shows it: the rate used and the markets it came from. */
function describeConversion(conversion: { path: ConversionPath; rate: Decimal } | undefined) {
  if (!conversion) return null;
  const { path, rate } = conversion;
  return { from: path.from, to: path.to, rate: text(rate), legs: path.legs };
}
