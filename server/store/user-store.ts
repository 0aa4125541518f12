/** Accounts: who may sign in. Passwords are stored only as scrypt hashes (server/auth/password.ts). */
import type { Kysely, Selectable } from 'kysely';
import { DEFAULT_ACCOUNT_NAME } from '../../lib/portfolio/account';
import type { Storage } from './db';
import { insertAccount } from './portfolio-account-store';
import type { Tables, UsersTable } from './schema';

/** An account as the rest of the server sees it: never its password hash. */
export interface User {
  id: number;
  username: string;
  isAdmin: boolean;
  createdAt: number;
  /** The currency the user values the portfolio in. */
  quoteCurrency: string;
}

const toUser = (row: Selectable<UsersTable>): User => ({
  id: row.id,
  username: row.username,
  isAdmin: row.is_admin === 1,
  createdAt: row.created_at,
  quoteCurrency: row.quote_currency,
});

// PostgreSQL's serializable isolation refused a transaction that raced another: here, two first-run setups.
const isSerializationFailure = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '40001';

async function countUsers(db: Kysely<Tables>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Reads and creates accounts; usernames are unique regardless of case. */
export class UserStore {
  constructor(private readonly storage: Storage) {}

  count(): Promise<number> {
    return countUsers(this.storage.db);
  }

  async byId(id: number): Promise<User | null> {
    const row = await this.storage.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  /** The account and its password hash, for signing in; the name matches regardless of case. */
  async credentials(username: string): Promise<{ user: User; passwordHash: string } | null> {
    // lower() on both sides, on both engines: PostgreSQL's unique index is on lower(username), SQLite's column
    // compares NOCASE anyway (usernames are ASCII, the new account's rules in lib/api/auth.ts).
    const row = await this.storage.db
      .selectFrom('users')
      .selectAll()
      .where((eb) => eb(eb.fn('lower', ['username']), '=', eb.fn('lower', [eb.val(username)])))
      .executeTakeFirst();
    return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
  }

  async list(): Promise<User[]> {
    const rows = await this.storage.db.selectFrom('users').selectAll().orderBy('id').execute();
    return rows.map(toUser);
  }

  /**
   * Creates an account, with its first portfolio account ("Main") in the same database transaction; null when the
   * username is taken. `onlyIfNone` makes it the first account or nothing.
   */
  async create(
    username: string,
    passwordHash: string,
    options: { isAdmin: boolean; onlyIfNone?: boolean; now?: number },
  ): Promise<User | null> {
    // Serializable, so that of two setups at once on PostgreSQL only one finds no account (SQLite writes one
    // transaction at a time anyway).
    const level = options.onlyIfNone ? 'serializable' : 'read committed';
    try {
      return await this.storage.db
        .transaction()
        .setIsolationLevel(level)
        .execute(async (trx) => {
          if (options.onlyIfNone && (await countUsers(trx)) > 0) return null;
          const now = options.now ?? Date.now();
          const row = await trx
            .insertInto('users')
            .values({
              username,
              password_hash: passwordHash,
              is_admin: options.isAdmin ? 1 : 0,
              created_at: now,
            })
            .onConflict((oc) => oc.doNothing())
            .returningAll()
            .executeTakeFirst();
          if (!row) return null;
          await insertAccount(trx, row.id, { name: DEFAULT_ACCOUNT_NAME, kind: 'manual' }, now);
          return toUser(row);
        });
    } catch (error) {
      if (options.onlyIfNone && isSerializationFailure(error)) return null;
      throw error;
    }
  }

  /** Sets the currency the user values the portfolio in. */
  async setQuoteCurrency(id: number, currency: string): Promise<void> {
    await this.storage.db
      .updateTable('users')
      .set({ quote_currency: currency })
      .where('id', '=', id)
      .execute();
  }

  /** Replaces an account's password hash (the demo account gets a new password at each start). */
  async setPassword(id: number, passwordHash: string): Promise<void> {
    await this.storage.db
      .updateTable('users')
      .set({ password_hash: passwordHash })
      .where('id', '=', id)
      .execute();
  }
}
