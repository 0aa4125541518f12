/** Each user's portfolio transactions, persisted; every call names whose transactions it means. */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { BookedTransaction, SyncedTransaction, Transaction } from '../../lib/portfolio/transaction';
import type { Storage } from './db';
import { UserPortfolioAccounts } from './portfolio-account-store';
import type { Tables, TransactionsTable } from './schema';

const ROWS_PER_INSERT = 500;

const toTransaction = (row: Selectable<TransactionsTable>): Transaction => ({
  id: row.id,
  type: row.type,
  asset: row.asset,
  quantity: row.quantity,
  price: row.price,
  quoteCurrency: row.quote_currency,
  fee: row.fee,
  feeCurrency: row.fee_currency,
  time: row.time,
  timeMs: row.time_ms,
  ...(row.exchange === null ? {} : { exchange: row.exchange }),
  ...(row.note === null ? {} : { note: row.note }),
  account: row.account_id,
  ...(row.to_account_id === null ? {} : { toAccount: row.to_account_id }),
  ...(row.external_id === null ? {} : { externalId: row.external_id }),
  ...(row.cost_unknown === 1 ? { costUnknown: true as const } : {}),
});

const columns = (t: BookedTransaction) => ({
  type: t.type,
  asset: t.asset,
  quantity: t.quantity,
  price: t.price,
  quote_currency: t.quoteCurrency,
  fee: t.fee,
  fee_currency: t.feeCurrency,
  time: t.time,
  time_ms: t.timeMs,
  exchange: t.exchange ?? null,
  note: t.note ?? null,
  account_id: t.account,
  to_account_id: t.toAccount ?? null,
});

/** Which transactions a list returns: all of the user's, or those naming one account (as source or destination). */
export interface TransactionFilter {
  account?: string;
}

/** One user's transactions, read and written through one connection: the database or an open transaction. */
export class UserTransactions {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly userId: number,
  ) {}

  /** By time; transactions at the same time keep the order they were entered in. */
  async list(filter: TransactionFilter = {}): Promise<Transaction[]> {
    const { account } = filter;
    let query = this.db.selectFrom('transactions').selectAll().where('user_id', '=', this.userId);
    if (account !== undefined)
      query = query.where((w) => w.or([w('account_id', '=', account), w('to_account_id', '=', account)]));
    const rows = await query.orderBy('time_ms').orderBy('seq').execute();
    return rows.map(toTransaction);
  }

  /** One of the user's transactions, or null (also when it is somebody else's). */
  async get(id: string): Promise<Transaction | null> {
    const row = await this.db
      .selectFrom('transactions')
      .selectAll()
      .where('user_id', '=', this.userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toTransaction(row) : null;
  }

  /** Stores new transactions and returns them with their ids; atomic only inside `TransactionStore.change`. */
  async insert(
    transactions: ReadonlyArray<BookedTransaction | SyncedTransaction>,
    now = Date.now(),
  ): Promise<Transaction[]> {
    if (transactions.length === 0) return [];
    const last = await this.db
      .selectFrom('transactions')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('user_id', '=', this.userId)
      .executeTakeFirst();
    const first = Number(last?.seq ?? 0) + 1;
    const stored = transactions.map((t) => ({ ...t, id: randomUUID() }));
    const rows = stored.map((t, i) => ({
      id: t.id,
      user_id: this.userId,
      ...columns(t),
      external_id: 'externalId' in t ? t.externalId : null,
      cost_unknown: 'costUnknown' in t && t.costUnknown ? 1 : 0,
      seq: first + i,
      created_at: now,
      updated_at: now,
    }));
    // Both engines cap the parameters of one statement (an import has up to 10,000 rows of 18 columns).
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT)
      await this.db
        .insertInto('transactions')
        .values(rows.slice(i, i + ROWS_PER_INSERT))
        .execute();
    return stored;
  }

  /** Replaces one of the user's transactions; false when there is none with that id. */
  async update(id: string, transaction: BookedTransaction, now = Date.now()): Promise<boolean> {
    const result = await this.db
      .updateTable('transactions')
      // A price stated by the user is the cost that an opening balance lacked (P9).
      .set({
        ...columns(transaction),
        ...(transaction.price === '0' ? {} : { cost_unknown: 0 }),
        updated_at: now,
      })
      .where('user_id', '=', this.userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** The exchange ids already booked in an account: what a sync must not book again. */
  async externalIds(account: string): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('transactions')
      .select('external_id')
      .where('user_id', '=', this.userId)
      .where('account_id', '=', account)
      .where('external_id', 'is not', null)
      .execute();
    return new Set(rows.map((r) => r.external_id as string));
  }

  /** Deletes one of the user's transactions; false when there is none with that id. */
  async remove(id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('transactions')
      .where('user_id', '=', this.userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}

/** Reads and writes transactions; the rules (no sell above the holding) live with the caller, inside `change`. */
export class TransactionStore {
  constructor(private readonly storage: Storage) {}

  list(userId: number, filter: TransactionFilter = {}): Promise<Transaction[]> {
    return new UserTransactions(this.storage.db, userId).list(filter);
  }

  get(userId: number, id: string): Promise<Transaction | null> {
    return new UserTransactions(this.storage.db, userId).get(id);
  }

  /**
   * Runs `work` in one database transaction that holds the user's history to itself: what it reads stays true
   * until it commits, so two requests at once cannot both pass a check and together sell more than was held.
   * All of its writes happen, or none (when it throws). The user's portfolio accounts are changed through it too,
   * since whether an account may go depends on the history.
   */
  change<T>(
    userId: number,
    work: (
      transactions: UserTransactions,
      accounts: UserPortfolioAccounts,
      trx: Kysely<Tables>,
    ) => Promise<T>,
  ): Promise<T> {
    return this.storage.db.transaction().execute(async (trx) => {
      // PostgreSQL: lock the user's row; concurrent changes of the same user's history wait here. SQLite has no
      // FOR UPDATE and needs none: its one connection runs one transaction at a time, and another process that
      // wrote the file since this one read it makes this write fail (SQLITE_BUSY) rather than pass.
      if (this.storage.engine === 'postgres')
        await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
      return work(new UserTransactions(trx, userId), new UserPortfolioAccounts(trx, userId), trx);
    });
  }

  /** Stores new transactions in one go (all or none) and returns them with their ids. */
  insert(
    userId: number,
    transactions: readonly BookedTransaction[],
    now = Date.now(),
  ): Promise<Transaction[]> {
    return this.change(userId, (mine) => mine.insert(transactions, now));
  }
}
