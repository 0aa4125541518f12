/** Each user's portfolio accounts, persisted; every call names whose accounts it means. */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { DEFAULT_ACCOUNT_NAME, accountNameKey } from '../../lib/portfolio/account';
import type { AccountKind, AccountSummary, PortfolioAccount } from '../../lib/portfolio/account';
import type { Storage } from './db';
import type { PortfolioAccountsTable, Tables } from './schema';

const toAccount = (row: Selectable<PortfolioAccountsTable>): PortfolioAccount => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  createdAt: row.created_at,
});

/**
 * Stores a new account after the user's others and returns it; the name must be free (the caller checks; the
 * unique index refuses it otherwise). A new user's first account is made through this too, in the same database
 * transaction as the user (server/store/user-store.ts).
 */
export async function insertAccount(
  db: Kysely<Tables>,
  userId: number,
  account: { name: string; kind: AccountKind },
  now = Date.now(),
): Promise<PortfolioAccount> {
  const last = await db
    .selectFrom('portfolio_accounts')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('user_id', '=', userId)
    .executeTakeFirst();
  const row = {
    id: randomUUID(),
    user_id: userId,
    name: account.name,
    name_key: accountNameKey(account.name),
    kind: account.kind,
    seq: Number(last?.seq ?? 0) + 1,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('portfolio_accounts').values(row).execute();
  return toAccount(row);
}

/** One user's accounts, read and written through one connection: the database or an open transaction. */
export class UserPortfolioAccounts {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly userId: number,
  ) {}

  /** Oldest first, each with the number of transactions that name it (a transfer counts for both accounts). */
  async list(): Promise<AccountSummary[]> {
    const rows = await this.db
      .selectFrom('portfolio_accounts as a')
      .selectAll('a')
      .select((eb) =>
        eb
          .selectFrom('transactions as t')
          .select((c) => c.fn.countAll().as('n'))
          .where((w) =>
            w.or([w('t.account_id', '=', w.ref('a.id')), w('t.to_account_id', '=', w.ref('a.id'))]),
          )
          .as('transactions'),
      )
      .where('a.user_id', '=', this.userId)
      .orderBy('a.seq')
      .execute();
    return rows.map((row) => ({ ...toAccount(row), transactions: Number(row.transactions ?? 0) }));
  }

  /**
   * The oldest account: where a transaction that names none goes. Every user has one from the start; should a
   * user have none (a row written by hand), a "Main" is made rather than a transaction refused.
   */
  async oldest(now = Date.now()): Promise<PortfolioAccount> {
    const row = await this.db
      .selectFrom('portfolio_accounts')
      .selectAll()
      .where('user_id', '=', this.userId)
      .orderBy('seq')
      .limit(1)
      .executeTakeFirst();
    return row ? toAccount(row) : this.insert({ name: DEFAULT_ACCOUNT_NAME, kind: 'manual' }, now);
  }

  /** Stores a new account; see insertAccount. */
  insert(account: { name: string; kind: AccountKind }, now = Date.now()): Promise<PortfolioAccount> {
    return insertAccount(this.db, this.userId, account, now);
  }

  /** Renames one of the user's accounts; false when there is none with that id. */
  async rename(id: string, name: string, now = Date.now()): Promise<boolean> {
    const result = await this.db
      .updateTable('portfolio_accounts')
      .set({ name, name_key: accountNameKey(name), updated_at: now })
      .where('user_id', '=', this.userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Changes how an account is kept (an exchange account whose connection was removed is kept by hand). */
  async setKind(id: string, kind: AccountKind, now = Date.now()): Promise<void> {
    await this.db
      .updateTable('portfolio_accounts')
      .set({ kind, updated_at: now })
      .where('user_id', '=', this.userId)
      .where('id', '=', id)
      .execute();
  }

  /** Deletes one of the user's accounts and every transaction that names it; returns how many went with it. */
  async remove(id: string): Promise<number> {
    const removed = await this.db
      .deleteFrom('transactions')
      .where('user_id', '=', this.userId)
      .where((w) => w.or([w('account_id', '=', id), w('to_account_id', '=', id)]))
      .executeTakeFirst();
    await this.db
      .deleteFrom('portfolio_accounts')
      .where('user_id', '=', this.userId)
      .where('id', '=', id)
      .execute();
    return Number(removed.numDeletedRows);
  }
}

/** Reads accounts outside a change; changes go through TransactionStore.change, which locks the user's history. */
export class PortfolioAccountStore {
  constructor(private readonly storage: Storage) {}

  list(userId: number): Promise<AccountSummary[]> {
    return new UserPortfolioAccounts(this.storage.db, userId).list();
  }
}
