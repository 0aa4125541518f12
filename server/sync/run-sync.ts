/**
 * One sync of one connection (docs/protocol.md P9): read the exchange's history since the cursors, value and
 * book it, leave out what is already booked (the exchange's own ids), reconcile with the balances, and write
 * it all in one database transaction that also checks the history still adds up (P2). A failure anywhere writes
 * nothing; the cursors move only with a committed write, so the next sync resumes where this one stood.
 */
import type { Exchange } from 'ccxt';
import { formatDecimal } from '../../lib/portfolio/decimal';
import type { Decimal } from '../../lib/portfolio/decimal';
import type { SyncProgress, SyncResult } from '../../lib/portfolio/connection';
import type { SyncedTransaction, Transaction } from '../../lib/portfolio/transaction';
import { checkBookable } from '../portfolio/account-fields';
import type { StoredConnection, SyncCursors } from '../store/connection-store';
import type { TransactionStore, UserTransactions } from '../store/transaction-store';
import { bookRecords } from './book-records';
import { readHistory } from './exchange-history';
import { candlePrices, homeCurrency } from './price-at';
import { CLOSING, OPENING, isAdjustment, reconcile } from './reconcile';
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
      `${exchangeName} lists no market in ${job.preferredHome.join(', ')}: there is no currency to value the account in.`,
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
  const booked = await bookRecords(history, { account, exchange: ex.id, exchangeName, home, priceAt });
  job.progress({ step: 'saving', done: 0, total: 1 });
  const outcome = await job.transactions.change(userId, async (mine, accounts) => {
    const known = await mine.externalIds(account);
    const fresh = booked.filter((t) => !known.has(t.externalId));
    await mine.insert(fresh, now);
    const all = await mine.list();
    const adjustments = await adjust(mine, all, account, history.balances, home, exchangeName, ex.id, now);
    checkBookable(await mine.list(), await accounts.list());
    return { added: fresh.length, adjustments };
  });
  return { result: { ...outcome, at: now }, cursors: history.cursors };
}

/**
 * Brings the account's opening and closing adjustments in line with the balances: a new one is added, one no
 * longer needed is deleted, a changed one keeps its price (a cost the user may have stated) with the new
 * quantity. Returns how many are in place.
 */
async function adjust(
  mine: UserTransactions,
  all: readonly Transaction[],
  account: string,
  balances: ReadonlyMap<string, Decimal>,
  home: string,
  exchangeName: string,
  exchange: string,
  now: number,
): Promise<number> {
  const { openings, closings } = reconcile(account, all, balances);
  const existing = new Map(
    all.filter((t) => t.account === account && isAdjustment(t)).map((t) => [t.externalId as string, t]),
  );
  const first = all
    .filter((t) => (t.account === account || t.toAccount === account) && !isAdjustment(t))
    .reduce((min, t) => Math.min(min, t.timeMs), now);
  const wanted: SyncedTransaction[] = [];
  const add = (kind: 'opening' | 'closing', asset: string, quantity: Decimal) => {
    const timeMs = kind === 'opening' ? first - 1000 : now;
    wanted.push({
      type: kind === 'opening' ? 'deposit' : 'withdrawal',
      asset,
      quantity: formatDecimal(quantity),
      price: '0',
      quoteCurrency: existing.get(`${kind}:${asset}`)?.quoteCurrency ?? home,
      fee: '0',
      feeCurrency: home,
      time: new Date(timeMs).toISOString(),
      timeMs,
      exchange,
      note:
        kind === 'opening'
          ? `Opening balance: held before the history ${exchangeName} returns. Cost unknown: edit it to set one.`
          : `Missing from ${exchangeName}'s history: held by the records but not in the balance.`,
      account,
      externalId: `${kind === 'opening' ? OPENING : CLOSING}${asset}`,
      costUnknown: true,
    });
  };
  for (const [asset, quantity] of openings) add('opening', asset, quantity);
  for (const [asset, quantity] of closings) add('closing', asset, quantity);
  const keep = new Set(wanted.map((t) => t.externalId));
  for (const [externalId, t] of existing) if (!keep.has(externalId)) await mine.remove(t.id);
  const inserts: SyncedTransaction[] = [];
  for (const t of wanted) {
    const old = existing.get(t.externalId);
    if (!old) inserts.push(t);
    else if (old.quantity !== t.quantity || old.timeMs !== t.timeMs)
      await mine.update(old.id, {
        ...old,
        quantity: t.quantity,
        time: t.time,
        timeMs: t.timeMs,
        account,
      });
  }
  await mine.insert(inserts, now);
  return wanted.length;
}
