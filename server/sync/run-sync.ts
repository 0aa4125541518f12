/**
 * One sync of one connection (docs/protocol.md P9): read the exchange's history since the cursors, value and
 * book it, leave out what is already booked (the exchange's own ids), reconcile with the balances, and write
 * it all in one database transaction that also checks the history still adds up (P2). A failure anywhere writes
 * nothing; the cursors move only with a committed write, so the next sync resumes where this one stood.
 */
import type { Exchange } from 'ccxt';
import type { SyncProgress, SyncResult } from '../../lib/portfolio/connection';
import { text } from '../errors';
import type { ErrorText } from '../errors';
import { checkBookable } from '../portfolio/account-fields';
import type { StoredConnection, SyncCursors } from '../store/connection-store';
import type { TransactionStore } from '../store/transaction-store';
import { adjust } from './adjustments';
import { bookRecords } from './book-records';
import { readHistory } from './exchange-history';
import { candlePrices, homeCurrency } from './price-at';
import type { PriceAt } from './book-records';
import { portfolioQuotes, requoteAll } from './requote';
import type { RateAt } from './requote';
import type { SyncedTransaction, Transaction } from '../../lib/portfolio/transaction';
import { SyncError } from './sync-error';

/** What one sync needs. */
export interface SyncJob {
  connection: StoredConnection;
  exchange: Exchange;
  exchangeName: string;
  /** The currencies to value in, the user's own first. */
  preferredHome: readonly string[];
  transactions: TransactionStore;
  progress(progress: SyncProgress): void;
  now: number;
}

/** Runs the sync; resolves with what it added and the cursors to keep, or throws (nothing written). */
export async function runSync(job: SyncJob): Promise<{ result: SyncResult; cursors: SyncCursors }> {
  const { connection, exchange: ex, exchangeName, now } = job;
  const userId = connection.userId;
  const account = connection.accountId;
  job.progress({ step: 'markets', done: 0, total: 1 });
  await ex.loadMarkets();
  const home = homeCurrency(ex, job.preferredHome);
  if (!home)
    throw new SyncError(
      'FAILED',
      text('sync', 'noHomeMarket', { exchange: exchangeName, currencies: job.preferredHome.join(', ') }),
    );
  const before = await job.transactions.list(userId, { account });
  const history = await readHistory(ex, {
    exchangeName,
    cursors: connection.cursors,
    knownCurrencies: before.filter((t) => t.account === account).map((t) => t.asset),
    progress: job.progress,
    now,
  });
  let asked = 0;
  const priceAt = candlePrices(ex, home, () => {
    asked += 1;
    job.progress({ step: 'prices', done: asked, total: asked });
  });
  const inHome = await bookRecords(history, { account, exchange: ex.id, exchangeName, home, priceAt });
  const booked = await inPortfolioQuotes(inHome, await job.transactions.list(userId), (to) =>
    to === home ? priceAt : candlePrices(ex, to, () => undefined),
  );
  job.progress({ step: 'saving', done: 0, total: 1 });
  const outcome = await job.transactions.change(userId, async (mine, accounts) => {
    const known = await mine.externalIds(account);
    const fresh = booked.filter((t) => !known.has(t.externalId));
    await mine.insert(fresh, now);
    const all = await mine.list();
    const adjustments = await adjust(mine, all, history.balances, {
      account,
      home,
      exchange: ex.id,
      openingNote: `Opening balance: held before the history ${exchangeName} returns. Cost unknown: edit it to set one.`,
      closingNote: `Missing from ${exchangeName}'s history: held by the records but not in the balance.`,
      now,
    });
    checkBookable(await mine.list(), await accounts.list());
    return { added: fresh.length, adjustments };
  });
  return { result: { ...outcome, at: now }, cursors: history.cursors };
}

/**
 * The booked legs in the currencies the portfolio already quotes their assets in (P2), at the rates of the
 * exchange's own candles; a leg no candle can move fails the sync as a conflict, naming it.
 */
async function inPortfolioQuotes(
  legs: readonly SyncedTransaction[],
  portfolio: readonly Transaction[],
  pricesIn: (currency: string) => PriceAt,
): Promise<SyncedTransaction[]> {
  const markets = new Map<string, PriceAt>();
  const rateAt: RateAt = (from, to, timeMs) => {
    const prices = markets.get(to) ?? pricesIn(to);
    markets.set(to, prices);
    return prices(from, timeMs);
  };
  const one = legs.map((leg) => ({ legs: [leg] }));
  const label = (b: { legs: SyncedTransaction[] }) => b.legs[0]?.note ?? '';
  const done = await requoteAll(one, portfolioQuotes(portfolio), rateAt, label);
  // The portfolio's own transactions fix the quote currency (P2): it is they, not the exchange, that conflict.
  if (done.failures.length > 0) {
    // Each named by its leg's note: stored with the transaction, so as the sync wrote it.
    const problems = done.failures.map(({ booked, problem }) =>
      text('sync', 'labelled', { label: label(booked), problem }),
    );
    throw new SyncError('HISTORY_CONFLICT', text('sync', 'quotesConflict', { problems: listOf(problems) }));
  }
  return done.booked.flatMap((b) => b.legs);
}

/** Messages joined as "a; b; c", first to last: a message has no placeholder for "all the rest". */
function listOf(items: readonly ErrorText[]): ErrorText | string {
  const [first, ...rest] = items;
  if (!first) return '';
  return rest.length === 0 ? first : text('sync', 'problemList', { first, rest: listOf(rest) });
}
