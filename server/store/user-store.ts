/** Accounts: who may sign in. Passwords are stored only as scrypt hashes (server/auth/password.ts). */
import type { SqliteDatabase } from './db';

/** An account as the rest of the server sees it: never its password hash. */
export interface User {
  id: number;
  username: string;
  isAdmin: boolean;
  createdAt: number;
  /** The currency the user values the portfolio in. */
  quoteCurrency: string;
}

interface UserRow {
  id: number;
  username: string;
  password_hash: string;
  is_admin: number;
  created_at: number;
  quote_currency: string;
}

const toUser = (row: UserRow): User => ({
  id: row.id,
  username: row.username,
  isAdmin: row.is_admin === 1,
  createdAt: row.created_at,
  quoteCurrency: row.quote_currency,
});

/** Reads and creates accounts; usernames are unique regardless of case. */
export class UserStore {
  constructor(private readonly db: SqliteDatabase) {}

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
  }

  byId(id: number): User | null {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  /** The account and its password hash, for signing in. */
  credentials(username: string): { user: User; passwordHash: string } | null {
    const row = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as
      UserRow | undefined;
    return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
  }

  list(): User[] {
    return (this.db.prepare('SELECT * FROM users ORDER BY id').all() as UserRow[]).map(toUser);
  }

  /** Creates an account; null when the username is taken. `onlyIfNone` makes it the first account or nothing. */
  create(
    username: string,
    passwordHash: string,
    options: { isAdmin: boolean; onlyIfNone?: boolean; now?: number },
  ): User | null {
    return this.db.transaction(() => {
      if (options.onlyIfNone && this.count() > 0) return null;
      const result = this.db
        .prepare(
          'INSERT OR IGNORE INTO users (username, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?)',
        )
        .run(username, passwordHash, options.isAdmin ? 1 : 0, options.now ?? Date.now());
      return result.changes > 0 ? this.byId(Number(result.lastInsertRowid)) : null;
    })();
  }

  /** Sets the currency the user values the portfolio in. */
  setQuoteCurrency(id: number, currency: string): void {
    this.db.prepare('UPDATE users SET quote_currency = ? WHERE id = ?').run(currency, id);
  }

  /** Replaces an account's password hash (the demo account gets a new password at each start). */
  setPassword(id: number, passwordHash: string): void {
    this.db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, id);
  }
}
