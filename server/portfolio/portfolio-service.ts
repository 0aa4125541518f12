/** A user's portfolio on the server: transactions kept valid as a whole, holdings, and their value at live prices. */
import type { StreamId } from '../../lib/protocol';
import { accountNameKey } from '../../lib/portfolio/account';
import type { AccountSummary, PortfolioAccount } from '../../lib/portfolio/account';
import type { ConversionPath } from '../../lib/portfolio/conversion';
import { taxReport } from '../../lib/portfolio/tax-report';
import type { TaxReportOptions } from '../../lib/portfolio/tax-report';
import { deriveHoldings } from '../../lib/portfolio/holdings';
import type { AssetHolding } from '../../lib/portfolio/holdings';
import type { CostBasisMethod } from '../../lib/portfolio/lots';
import { parseNewTransaction } from '../../lib/portfolio/transaction';
import type { BookedTransaction, NewTransaction, Transaction } from '../../lib/portfolio/transaction';
import { AppError, text } from '../errors';
import type { MarketState } from '../market/market-state';
import type { PortfolioAccountStore } from '../store/portfolio-account-store';
import type { PricingStore } from '../store/pricing-store';
import type { TransactionFilter, TransactionStore, UserTransactions } from '../store/transaction-store';
import { accountNames, byId, checkBookable, noAccount, resolveAccounts } from './account-fields';
import { accountsNamed } from './account-service';
import { HoldingsValuer } from './holdings-valuer';
import type { PriceSource, ValuedHoldings } from './holdings-valuer';
import type { CsvTransaction } from './transactions-csv';

export type { PricePoint, PriceSource } from './holdings-valuer';

export interface PortfolioDeps {
  transactions: TransactionStore;
  accounts: Pick<PortfolioAccountStore, 'list'>;
  market: MarketState;
  prices: PriceSource;
  /** The user's own choice of exchange per asset. */
  choices: Pick<PricingStore, 'list' | 'set'>;
  /** Called after any change of a user's transactions: the feeds watch what portfolios need, values backfill. */
  changed(userId: number): void;
}

/** Transactions, holdings and valuation for one user at a time; every method takes the user's id. */
export class PortfolioService {
  private readonly valuer: HoldingsValuer;

  constructor(private readonly deps: PortfolioDeps) {
    this.valuer = new HoldingsValuer(deps.market, deps.prices);
  }

  /** The user's transactions, or those naming one of their accounts (NOT_FOUND for any other account id). */
  async list(userId: number, filter: TransactionFilter = {}): Promise<Transaction[]> {
    if (filter.account !== undefined) await this.account(userId, filter.account);
    return this.deps.transactions.list(userId, filter);
  }

  async get(userId: number, id: string): Promise<Transaction> {
    return found(await this.deps.transactions.get(userId, id), id);
  }

  /**
   * Adds transactions (one, or a whole import) if the history stays bookable; all or none. A transaction that
   * names no account goes to the oldest. `labels` name the new ones in a refusal ("line 7" of an import); by
   * default "new". The check and the write are one database transaction: two requests at once cannot both pass it.
   */
  async add(
    userId: number,
    inputs: readonly NewTransaction[],
    labels?: readonly string[],
  ): Promise<Transaction[]> {
    const added = await this.deps.transactions.change(userId, async (mine, accounts) => {
      const oldest = await accounts.oldest();
      const known = await accounts.list();
      const booked = inputs.map((t) => resolveAccounts(t, byId(known), { account: oldest.id }));
      return insertBookable(mine, known, booked, labels);
    });
    this.deps.changed(userId);
    return added;
  }

  /**
   * Imports CSV rows (P4), all or none: their account names resolve regardless of case, missing ones become new
   * manual accounts in the same database transaction, and a row without an account goes to `into` (an account id
   * of the user's, else NOT_FOUND), by default the oldest.
   */
  async importRows(userId: number, rows: readonly CsvTransaction[], into?: string): Promise<Transaction[]> {
    const added = await this.deps.transactions.change(userId, async (mine, accounts) => {
      if (into !== undefined && !(await accounts.list()).some((a) => a.id === into)) throw noAccount(into);
      const fallback = into ?? (await accounts.oldest()).id;
      const named = await accountsNamed(
        accounts,
        rows.flatMap((r) => [r.account, r.toAccount].filter((name) => name !== undefined)),
      );
      const known = await accounts.list();
      const ids = byId(known);
      // Names become ids; a row without an account keeps none, so it goes to the fallback.
      const id = (name: string | undefined) =>
        name === undefined ? undefined : named.get(accountNameKey(name))?.id;
      const booked = rows.map((r) => {
        const account = id(r.account);
        const toAccount = id(r.toAccount);
        const input = {
          ...r.transaction,
          ...(account === undefined ? {} : { account }),
          ...(toAccount === undefined ? {} : { toAccount }),
        };
        return resolveAccounts(
          input,
          ids,
          { account: fallback },
          { line: r.line, toAccountField: 'to_account' },
        );
      });
      return insertBookable(
        mine,
        known,
        booked,
        rows.map((r) => `on line ${r.line}`),
      );
    });
    this.deps.changed(userId);
    return added;
  }

  /**
   * Replaces a transaction if the history stays bookable. One that names no account stays in its own (and a
   * transfer keeps its destination), so a client that knows no accounts edits without moving anything.
   */
  async update(userId: number, id: string, input: NewTransaction): Promise<Transaction> {
    const replaced = await this.deps.transactions.change(userId, async (mine, accounts) => {
      const stored = found(await mine.get(id), id);
      const known = await accounts.list();
      const booked = resolveAccounts(input, byId(known), stored);
      checkBookable(
        (await mine.list()).map((t) => (t.id === id ? { ...booked, id } : t)),
        known,
      );
      await mine.update(id, booked);
      return { ...booked, id };
    });
    this.deps.changed(userId);
    return replaced;
  }

  /** Deletes a transaction if the history stays bookable without it (a later sell may need its buy). */
  async remove(userId: number, id: string): Promise<void> {
    await this.deps.transactions.change(userId, async (mine, accounts) => {
      found(await mine.get(id), id);
      checkBookable(
        (await mine.list()).filter((t) => t.id !== id),
        await accounts.list(),
      );
      await mine.remove(id);
    });
    this.deps.changed(userId);
  }

  /**
   * Holdings under `method`, valued in `currency` at the latest market prices: in total and per account, or,
   * with `account`, that account's alone (NOT_FOUND for an id that is not the user's).
   */
  async portfolio(userId: number, method: CostBasisMethod, currency: string, account?: string) {
    const transactions = await this.deps.transactions.list(userId);
    const accounts = await this.deps.accounts.list(userId);
    if (account !== undefined && !accounts.some((a) => a.id === account)) throw noAccount(account);
    const derived = deriveHoldings(transactions, method, { accountName: accountNames(accounts) });
    // Stored histories were checked when written; a failure here is a bug, not the user's input.
    if (!derived.ok) throw new Error(`stored transactions do not book: ${derived.error.message}`);
    const venues = await this.venues(userId, transactions);
    const held = new Map(derived.accounts.map((a) => [a.account, a.holdings]));
    const costUnknown = new Set(transactions.filter((t) => t.costUnknown).map((t) => t.id));
    const value = (holdings: readonly AssetHolding[]) =>
      this.valuer.value(holdings, venues, currency, costUnknown);
    const shown = account === undefined ? accounts : accounts.filter((a) => a.id === account);
    const valued = new Map(shown.map((a) => [a.id, value(held.get(a.id) ?? [])]));
    const top = account === undefined ? value(derived.holdings) : (valued.get(account) as ValuedHoldings);
    return {
      method,
      quoteCurrency: currency,
      ...top,
      accounts: shown.map((a) => accountAnswer(a, valued.get(a.id) as ValuedHoldings)),
    };
  }

  /** The tax report (P10) over all the user's accounts under `method`, with the accounts' names. */
  async taxReport(userId: number, method: CostBasisMethod, options: TaxReportOptions) {
    const transactions = await this.deps.transactions.list(userId);
    const accounts = await this.deps.accounts.list(userId);
    const derived = deriveHoldings(transactions, method, { accountName: accountNames(accounts) });
    if (!derived.ok) throw new Error(`stored transactions do not book: ${derived.error.message}`);
    return { report: taxReport(derived.holdings, options), accountName: accountNames(accounts) };
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
        stream: this.valuer.stream(t.asset, t.quoteCurrency, venues.get(t.asset)),
        conversion: this.valuer.path(t.quoteCurrency, currency),
        cash: t.asset === t.quoteCurrency,
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
          text('errors', 'pricingExchange', { asset, exchange, configured: configured.join(', ') }),
        );
      }
    }
    await this.deps.choices.set(userId, choices);
    this.deps.changed(userId);
  }

  /** One of the user's accounts, or NOT_FOUND (also for somebody else's id). */
  private async account(userId: number, id: string): Promise<AccountSummary> {
    const account = (await this.deps.accounts.list(userId)).find((a) => a.id === id);
    if (!account) throw noAccount(id);
    return account;
  }

  /** Per asset, where the user wants it priced: their choice, else the exchange its latest transaction names. */
  private async venues(userId: number, transactions: readonly Transaction[]): Promise<Map<string, string>> {
    const venues = preferredExchanges(transactions);
    for (const [asset, exchange] of Object.entries(await this.deps.choices.list(userId)))
      venues.set(asset, exchange);
    return venues;
  }
}

/** Where an asset's price and its conversion come from. */
export interface ValuationMarkets {
  stream: StreamId | null;
  conversion: ConversionPath | null;
  /** An asset quoted in itself (cash a sync books): worth 1 of itself, so no stream is needed (P3). */
  cash: boolean;
}

/** One account in the P3 answer: its totals and its holdings, valued like the whole portfolio. */
function accountAnswer(account: AccountSummary, valued: ValuedHoldings) {
  return {
    id: account.id,
    name: account.name,
    kind: account.kind,
    complete: valued.complete,
    totals: valued.totals,
    assets: valued.assets.map((a) => ({
      asset: a.asset,
      quantity: a.quantity,
      marketValue: a.marketValue,
      costBasis: a.costBasis,
      unrealizedPnl: a.unrealizedPnl,
      realizedPnl: a.realizedPnl,
      allocation: a.allocation,
      costUnknown: a.costUnknown,
    })),
    unpriced: valued.unpriced,
  };
}

/**
 * Stores new transactions if the history with them stays bookable; `labels` name them in a refusal (default
 * "new"). Runs inside the change that read `accounts`.
 */
async function insertBookable(
  mine: UserTransactions,
  accounts: readonly PortfolioAccount[],
  booked: readonly BookedTransaction[],
  labels: readonly string[] | undefined,
): Promise<Transaction[]> {
  const candidates = booked.map((t, i) => ({ ...t, id: labels?.[i] ?? 'new' }));
  checkBookable([...(await mine.list()), ...candidates], accounts);
  return mine.insert(booked);
}

/** Per asset, the exchange its latest transaction names, if any: where the user trades it is where it is priced. */
function preferredExchanges(transactions: readonly Transaction[]): Map<string, string> {
  const venues = new Map<string, string>();
  for (const t of transactions) if (t.exchange) venues.set(t.asset, t.exchange);
  return venues;
}

/** The transaction, or NOT_FOUND (also for somebody else's id). */
function found(transaction: Transaction | null, id: string): Transaction {
  if (!transaction) throw new AppError('NOT_FOUND', text('errors', 'noTransaction', { id }));
  return transaction;
}

/** Parses one transaction from a request body, or says what is wrong with it. */
export function parseTransactionInput(input: unknown): NewTransaction {
  const parsed = parseNewTransaction(input);
  if (!parsed.ok) throw new AppError('BAD_REQUEST', parsed.error.message);
  return parsed.value;
}
