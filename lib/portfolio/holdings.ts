/**
 * Holdings derived from a transaction history: quantity, remaining lots, cost basis and realized P&L per asset,
 * wallet by wallet (each portfolio account has its own lot books) and in total. Each asset is priced in its
 * quote currency: a buy does not spend the quote currency's own holding (cash legs are not booked).
 */
import { ZERO } from './decimal';
import type { Decimal } from './decimal';
import { book, emptyState, refusal } from './booking';
import type { AssetState, HoldingsError, IncomeEvent, RealizedEvent, UnbookedFee } from './booking';
import type { CostBasisMethod, Lot } from './lots';
import type { Transaction } from './transaction';

export type { DisposedLot, HoldingsError, IncomeEvent, RealizedEvent, UnbookedFee } from './booking';
export { quantityChange } from './booking';

/** A remaining lot and the account it is in. */
export interface HeldLot extends Lot {
  account: string;
}

/** Everything derived for one asset, in one account or in all of them. */
export interface AssetHolding {
  asset: string;
  /** The currency every cost and P&L of this asset is in. */
  quoteCurrency: string;
  quantity: Decimal;
  lots: HeldLot[];
  /** Cost basis of what is held. */
  costBasis: Decimal;
  realizedPnl: Decimal;
  realized: RealizedEvent[];
  /** Cost basis that left with withdrawals, without realizing anything. */
  withdrawnCost: Decimal;
  unbookedFees: UnbookedFee[];
  /** Income received (staking, interest, airdrops, other), in time order. */
  income: IncomeEvent[];
}

/** The holdings of one portfolio account. */
export interface AccountHoldings {
  account: string;
  holdings: AssetHolding[];
}

/**
 * The result of deriveHoldings: per asset in total (the sum over accounts), and per account in the order each
 * first appears; holdings sorted by asset. Or the first error.
 */
export type HoldingsResult =
  { ok: true; holdings: AssetHolding[]; accounts: AccountHoldings[] } | { ok: false; error: HoldingsError };

/** How a refusal names an account; by default by its id. */
export interface HoldingsOptions {
  accountName?: (account: string) => string;
}

/** Transactions by time; Array.prototype.sort is stable, so ties keep the given order. */
function chronological(transactions: readonly Transaction[]): Transaction[] {
  return [...transactions].sort((a, b) => a.timeMs - b.timeMs);
}

const byAsset = <T>(entries: Iterable<[string, T]>) => [...entries].sort(([a], [b]) => (a < b ? -1 : 1));

function summary(asset: string, account: string, state: AssetState): AssetHolding {
  return {
    asset,
    quoteCurrency: state.quoteCurrency,
    quantity: state.book.quantity(),
    lots: state.book.lots().map((lot) => ({ ...lot, account })),
    costBasis: state.book.cost(),
    realizedPnl: state.realized.reduce((total, event) => total.plus(event.pnl), ZERO),
    realized: state.realized,
    withdrawnCost: state.withdrawnCost,
    unbookedFees: state.unbookedFees,
    income: state.income,
  };
}

/** One asset over every account: amounts summed, lots, events and fees together in time order. */
function total(parts: readonly AssetHolding[]): AssetHolding {
  const sum = (pick: (h: AssetHolding) => Decimal) => parts.reduce((s, h) => s.plus(pick(h)), ZERO);
  const first = parts[0] as AssetHolding;
  return {
    asset: first.asset,
    quoteCurrency: first.quoteCurrency,
    quantity: sum((h) => h.quantity),
    lots: parts.flatMap((h) => h.lots).sort((a, b) => a.acquiredAt - b.acquiredAt),
    costBasis: sum((h) => h.costBasis),
    realizedPnl: sum((h) => h.realizedPnl),
    realized: parts.flatMap((h) => h.realized).sort((a, b) => a.time - b.time),
    withdrawnCost: sum((h) => h.withdrawnCost),
    unbookedFees: parts.flatMap((h) => h.unbookedFees),
    income: parts.flatMap((h) => h.income).sort((a, b) => a.time - b.time),
  };
}

/**
 * Replays `transactions` in time order under `method`, each (account, asset) in its own lot book. Refuses,
 * naming the first offending transaction, a disposal or transfer above the quantity its account holds at its
 * time, an asset fee that eats a whole acquisition, and an asset quoted in more than one currency (one quote
 * currency per asset across all accounts).
 */
export function deriveHoldings(
  transactions: readonly Transaction[],
  method: CostBasisMethod,
  options: HoldingsOptions = {},
): HoldingsResult {
  const name = options.accountName ?? ((account: string) => account);
  const quotes = new Map<string, { currency: string; by: string }>();
  const accounts = new Map<string, Map<string, AssetState>>();
  const state = (account: string, t: Transaction) => {
    let assets = accounts.get(account);
    if (!assets) accounts.set(account, (assets = new Map()));
    let found = assets.get(t.asset);
    if (!found) assets.set(t.asset, (found = emptyState(t.quoteCurrency, method, account)));
    return found;
  };
  for (const t of chronological(transactions)) {
    const quoted = quotes.get(t.asset);
    if (quoted && quoted.currency !== t.quoteCurrency) {
      const message = `${t.asset} is quoted in ${t.quoteCurrency} here but in ${quoted.currency} by transaction ${quoted.by}; one quote currency per asset`;
      const values = { quote: t.quoteCurrency, otherQuote: quoted.currency, otherId: quoted.by };
      return { ok: false, error: refusal(t, 'mixed-quote-currency', message, values) };
    }
    if (!quoted) quotes.set(t.asset, { currency: t.quoteCurrency, by: t.id });
    const error = book(t, {
      source: state(t.account, t),
      destination: t.toAccount === undefined ? null : state(t.toAccount, t),
      sourceName: name(t.account),
    });
    if (error) return { ok: false, error };
  }
  const perAccount = [...accounts].map(([account, assets]) => ({
    account,
    holdings: byAsset(assets).map(([asset, s]) => summary(asset, account, s)),
  }));
  const perAsset = new Map<string, AssetHolding[]>();
  for (const h of perAccount.flatMap((a) => a.holdings))
    perAsset.set(h.asset, [...(perAsset.get(h.asset) ?? []), h]);
  const holdings = byAsset(perAsset).map(([, parts]) => total(parts));
  return { ok: true, holdings, accounts: perAccount };
}

/** The result of validateTransactions. */
export type TransactionsCheck = { ok: true } | { ok: false; error: HoldingsError };

/**
 * Checks that a whole history can be booked, before it is stored: pass the stored transactions with the new
 * one added (give it any unused id) or the edited one replaced. The cost-basis method does not matter here.
 */
export function validateTransactions(
  transactions: readonly Transaction[],
  options: HoldingsOptions = {},
): TransactionsCheck {
  const result = deriveHoldings(transactions, 'fifo', options);
  return result.ok ? { ok: true } : result;
}
