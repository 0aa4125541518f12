/** A user's portfolio on the server: transactions kept valid as a whole, holdings, and their value at live prices. */
import type { StreamId } from '../../lib/protocol';
import { Decimal, formatDecimal } from '../../lib/portfolio/decimal';
import { conversionRate, convertHolding, findConversion } from '../../lib/portfolio/conversion';
import type { ConversionPath } from '../../lib/portfolio/conversion';
import { deriveHoldings, validateTransactions } from '../../lib/portfolio/holdings';
import type { AssetHolding } from '../../lib/portfolio/holdings';
import type { CostBasisMethod } from '../../lib/portfolio/lots';
import { parseNewTransaction } from '../../lib/portfolio/transaction';
import type { NewTransaction, Transaction } from '../../lib/portfolio/transaction';
import { valuePortfolio } from './valuation';
import { streamId } from '../../lib/stream-id';
import { AppError } from '../errors';
import type { MarketState } from '../market/market-state';
import type { PricingStore } from '../store/pricing-store';
import type { TransactionStore } from '../store/transaction-store';

/** Where prices come from: which exchanges list a market, in the order they are preferred. */
export interface PriceSource {
  /** Configured exchange ids, the first preferred. */
  exchanges(): readonly string[];
  /** True when the exchange's loaded markets include the symbol. */
  hasMarket(exchange: string, symbol: string): boolean;
}

export interface PortfolioDeps {
  transactions: TransactionStore;
  market: MarketState;
  prices: PriceSource;
  /** The user's own choice of exchange per asset. */
  choices: Pick<PricingStore, 'list' | 'set'>;
  /** Called after any change of a user's transactions: the feeds watch what portfolios need, values backfill. */
  changed(userId: number): void;
}

/** The price a holding is valued at, and where it came from. */
export interface PricePoint {
  stream: StreamId;
  price: string;
  receivedAt: number;
  stale: boolean;
}

const text = (value: Decimal) => formatDecimal(value);

/** Transactions, holdings and valuation for one user at a time; every method takes the user's id. */
export class PortfolioService {
  constructor(private readonly deps: PortfolioDeps) {}

  list(userId: number): Promise<Transaction[]> {
    return this.deps.transactions.list(userId);
  }

  async get(userId: number, id: string): Promise<Transaction> {
    return found(await this.deps.transactions.get(userId, id), id);
  }

  /**
   * Adds transactions (one, or a whole import) if the history stays bookable; all or none. `labels` name the
   * new ones in a refusal ("line 7" of an import); by default "new". The check and the write are one database
   * transaction: two requests at once cannot both pass it.
   */
  async add(
    userId: number,
    inputs: readonly NewTransaction[],
    labels?: readonly string[],
  ): Promise<Transaction[]> {
    const added = await this.deps.transactions.change(userId, async (mine) => {
      const candidates = inputs.map((t, i) => ({ ...t, id: labels?.[i] ?? 'new' }));
      this.check([...(await mine.list()), ...candidates]);
      return mine.insert(inputs);
    });
    this.deps.changed(userId);
    return added;
  }

  /** Replaces a transaction if the history stays bookable. */
  async update(userId: number, id: string, input: NewTransaction): Promise<Transaction> {
    await this.deps.transactions.change(userId, async (mine) => {
      found(await mine.get(id), id);
      this.check((await mine.list()).map((t) => (t.id === id ? { ...input, id } : t)));
      await mine.update(id, input);
    });
    this.deps.changed(userId);
    return { ...input, id };
  }

  /** Deletes a transaction if the history stays bookable without it (a later sell may need its buy). */
  async remove(userId: number, id: string): Promise<void> {
    await this.deps.transactions.change(userId, async (mine) => {
      found(await mine.get(id), id);
      this.check((await mine.list()).filter((t) => t.id !== id));
      await mine.remove(id);
    });
    this.deps.changed(userId);
  }

  /**
   * Holdings under `method`, valued in `currency` at the latest market prices. A holding quoted in another
   * currency is converted at today's rate through the markets (lib/portfolio/conversion.ts): its value, cost
   * basis and P&L alike.
   */
  async portfolio(userId: number, method: CostBasisMethod, currency: string) {
    const transactions = await this.deps.transactions.list(userId);
    const derived = deriveHoldings(transactions, method);
    // Stored histories were checked when written; a failure here is a bug, not the user's input.
    if (!derived.ok) throw new Error(`stored transactions do not book: ${derived.error.message}`);
    const venues = await this.venues(userId, transactions);
    const quotes = new Map(derived.holdings.map((h) => [h.asset, h.quoteCurrency]));
    const prices = new Map<string, Decimal>();
    const sources: Record<string, PricePoint> = {};
    const conversions: Record<string, { path: ConversionPath; rate: Decimal }> = {};
    const converted: AssetHolding[] = [];
    const unconverted: UnconvertedHolding[] = [];
    for (const holding of derived.holdings) {
      const conversion = this.conversion(holding.quoteCurrency, currency);
      if (!conversion.ok) {
        unconverted.push({ holding, reason: conversion.reason });
        continue;
      }
      const { rate } = conversion;
      if (conversion.path.legs.length > 0) conversions[holding.asset] = conversion;
      converted.push(rate.eq(1) ? holding : convertHolding(holding, rate, currency));
      const point = this.price(holding, venues.get(holding.asset));
      if (!point) continue;
      sources[holding.asset] = point;
      prices.set(holding.asset, new Decimal(point.price).times(rate));
    }
    const valuation = valuePortfolio(converted, prices, currency);
    const { totals } = valuation;
    return {
      method,
      quoteCurrency: currency,
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
      })),
      unpriced: [
        ...valuation.unpriced.map((u) => ({
          asset: u.asset,
          quoteCurrency: u.quoteCurrency,
          reason: u.reason as string,
          quantity: text(u.quantity),
          costBasis: text(u.costBasis),
          realizedPnl: text(u.realizedPnl),
        })),
        ...unconverted.map(({ holding: h, reason }) => ({
          asset: h.asset,
          quoteCurrency: h.quoteCurrency,
          reason,
          quantity: text(h.quantity),
          costBasis: text(h.costBasis),
          realizedPnl: text(h.realizedPnl),
        })),
      ],
    };
  }

  /** The streams that price this user's holdings in `currency`: what the feeds must watch for them. */
  async pricingStreams(userId: number, currency: string): Promise<StreamId[]> {
    const transactions = await this.deps.transactions.list(userId);
    const derived = deriveHoldings(transactions, 'fifo');
    if (!derived.ok) return [];
    const markets = await this.valuationMarkets(userId, currency, transactions);
    return derived.holdings.flatMap((h) => {
      const found = markets.get(h.asset);
      if (h.quantity.isZero() || !found) return [];
      return [
        ...(found.stream ? [found.stream] : []),
        ...(found.conversion?.legs.map((l) => l.stream) ?? []),
      ];
    });
  }

  /**
   * Per asset the user ever traded: the market that prices it and the path from its quote currency into
   * `currency`, each null when no configured exchange lists one.
   */
  async valuationMarkets(
    userId: number,
    currency: string,
    given?: readonly Transaction[],
  ): Promise<Map<string, ValuationMarkets>> {
    const transactions = given ?? (await this.deps.transactions.list(userId));
    const venues = await this.venues(userId, transactions);
    const markets = new Map<string, ValuationMarkets>();
    for (const t of transactions) {
      if (markets.has(t.asset)) continue;
      markets.set(t.asset, {
        stream: this.stream(t.asset, t.quoteCurrency, venues.get(t.asset)),
        conversion: findConversion(t.quoteCurrency, currency, (symbol) => this.findMarket(symbol)),
      });
    }
    return markets;
  }

  /** The user's choices of exchange per asset (P3). */
  pricingChoices(userId: number): Promise<Record<string, string>> {
    return this.deps.choices.list(userId);
  }

  /** Sets or clears (null) choices; an exchange that is not configured is refused and nothing changes. */
  async setPricingChoices(userId: number, choices: Record<string, string | null>): Promise<void> {
    const configured = this.deps.prices.exchanges();
    for (const [asset, exchange] of Object.entries(choices)) {
      if (exchange !== null && !configured.includes(exchange)) {
        throw new AppError(
          'UNKNOWN_EXCHANGE',
          `pricing.${asset}: exchange "${exchange}" is not configured here (${configured.join(', ')}).`,
        );
      }
    }
    await this.deps.choices.set(userId, choices);
    this.deps.changed(userId);
  }

  /** Per asset, where the user wants it priced: their choice, else the exchange its latest transaction names. */
  private async venues(userId: number, transactions: readonly Transaction[]): Promise<Map<string, string>> {
    const venues = preferredExchanges(transactions);
    for (const [asset, exchange] of Object.entries(await this.deps.choices.list(userId)))
      venues.set(asset, exchange);
    return venues;
  }

  /** The configured exchanges that list `asset`/`quote`, in the configured order: the choices a user has. */
  private listing(asset: string, quote: string): string[] {
    return this.deps.prices.exchanges().filter((id) => this.deps.prices.hasMarket(id, `${asset}/${quote}`));
  }

  private conversion(
    from: string,
    to: string,
  ): { ok: true; path: ConversionPath; rate: Decimal } | { ok: false; reason: 'no-conversion' | 'no-rate' } {
    const path = findConversion(from, to, (symbol) => this.findMarket(symbol));
    if (!path) return { ok: false, reason: 'no-conversion' };
    const rate = conversionRate(path, (stream) => this.deps.market.get(stream)?.last);
    return rate ? { ok: true, path, rate } : { ok: false, reason: 'no-rate' };
  }

  private findMarket(symbol: string): StreamId | null {
    const exchange = this.deps.prices.exchanges().find((id) => this.deps.prices.hasMarket(id, symbol));
    return exchange ? streamId(exchange, symbol) : null;
  }

  private check(transactions: Transaction[]): void {
    const result = validateTransactions(transactions);
    if (!result.ok) throw new AppError('BAD_REQUEST', result.error.message);
  }

  private price(holding: AssetHolding, venue: string | undefined): PricePoint | null {
    const stream = this.stream(holding.asset, holding.quoteCurrency, venue);
    const ticker = stream ? this.deps.market.get(stream) : undefined;
    if (!stream || !ticker || ticker.last === null) return null;
    return { stream, price: String(ticker.last), receivedAt: ticker.receivedAt, stale: ticker.stale };
  }

  /** The market that prices an asset: on the exchange its transactions name when it lists it, else the first that does. */
  private stream(asset: string, quote: string, preferred: string | undefined): StreamId | null {
    const symbol = `${asset}/${quote}`;
    const order = [...(preferred ? [preferred] : []), ...this.deps.prices.exchanges()];
    const exchange = order.find((id) => this.deps.prices.hasMarket(id, symbol));
    return exchange ? streamId(exchange, symbol) : null;
  }
}

/** Where an asset's price and its conversion come from. */
export interface ValuationMarkets {
  stream: StreamId | null;
  conversion: ConversionPath | null;
}

interface UnconvertedHolding {
  holding: AssetHolding;
  reason: 'no-conversion' | 'no-rate';
}

/** A conversion as the API shows it: the rate used and the markets it came from. */
function describeConversion(conversion: { path: ConversionPath; rate: Decimal } | undefined) {
  if (!conversion) return null;
  const { path, rate } = conversion;
  return { from: path.from, to: path.to, rate: text(rate), legs: path.legs };
}

/** Per asset, the exchange its latest transaction names, if any: where the user trades it is where it is priced. */
function preferredExchanges(transactions: readonly Transaction[]): Map<string, string> {
  const venues = new Map<string, string>();
  for (const t of transactions) if (t.exchange) venues.set(t.asset, t.exchange);
  return venues;
}

/** The transaction, or NOT_FOUND (also for somebody else's id). */
function found(transaction: Transaction | null, id: string): Transaction {
  if (!transaction) throw new AppError('NOT_FOUND', `No transaction ${id}.`);
  return transaction;
}

/** Parses one transaction from a request body, or says what is wrong with it. */
export function parseTransactionInput(input: unknown): NewTransaction {
  const parsed = parseNewTransaction(input);
  if (!parsed.ok) throw new AppError('BAD_REQUEST', parsed.error.message);
  return parsed.value;
}
