/**
 * The schema as releases before Kysely built it: one SQL string per version, applied with PRAGMA user_version.
 * Copied from server/store/db.ts of those releases, unchanged: the files they left are what the migrations adopt.
 */
import Database from 'better-sqlite3';

export const LEGACY_MIGRATIONS: readonly string[] = [
  `CREATE TABLE watchlist (
     stream TEXT PRIMARY KEY,
     position INTEGER NOT NULL,
     added_at INTEGER NOT NULL
   );
   CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // Accounts: users, their sessions and a watchlist per user. The global watchlist above becomes the first
  // account's (server/store/watchlist-store.ts), so an upgraded installation keeps what it watched.
  `CREATE TABLE users (
     id INTEGER PRIMARY KEY,
     username TEXT NOT NULL UNIQUE COLLATE NOCASE,
     password_hash TEXT NOT NULL,
     is_admin INTEGER NOT NULL DEFAULT 0,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE sessions (
     token_hash TEXT PRIMARY KEY,
     user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL
   );
   CREATE INDEX sessions_by_user ON sessions(user_id);
   CREATE TABLE user_watchlist (
     user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     stream TEXT NOT NULL,
     position INTEGER NOT NULL,
     added_at INTEGER NOT NULL,
     PRIMARY KEY (user_id, stream)
   );`,
  // Portfolio transactions. Amounts are canonical decimal strings (lib/portfolio/decimal.ts), never REAL:
  // SQLite would store them as binary floats.
  `CREATE TABLE transactions (
     id TEXT PRIMARY KEY,
     user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     type TEXT NOT NULL,
     asset TEXT NOT NULL,
     quantity TEXT NOT NULL,
     price TEXT NOT NULL,
     quote_currency TEXT NOT NULL,
     fee TEXT NOT NULL,
     fee_currency TEXT NOT NULL,
     time TEXT NOT NULL,
     time_ms INTEGER NOT NULL,
     exchange TEXT,
     note TEXT,
     seq INTEGER NOT NULL,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE INDEX transactions_by_user ON transactions(user_id, time_ms, seq);`,
  // The currency a user values the portfolio in (lib/portfolio/conversion.ts).
  `ALTER TABLE users ADD COLUMN quote_currency TEXT NOT NULL DEFAULT 'USDT';`,
  // Each user's portfolio value over time, recorded by server/portfolio/value-recorder.ts; bounded per user.
  `CREATE TABLE portfolio_values (
     user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     time_ms INTEGER NOT NULL,
     currency TEXT NOT NULL,
     value TEXT NOT NULL,
     PRIMARY KEY (user_id, time_ms)
   );`,
  // Price alerts (lib/alerts.ts); the price is a decimal string like every amount.
  `CREATE TABLE alerts (
     id TEXT PRIMARY KEY,
     user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     stream TEXT NOT NULL,
     condition TEXT NOT NULL,
     price TEXT NOT NULL,
     note TEXT,
     created_at INTEGER NOT NULL,
     triggered_at INTEGER,
     triggered_price TEXT
   );
   CREATE INDEX alerts_by_user ON alerts(user_id, created_at);`,
  // Each user's value at the end of past days, worked out from transactions and the exchanges' daily closes
  // (server/portfolio/value-backfill.ts): the value history before the recorder's first point.
  `CREATE TABLE portfolio_daily_values (
     user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     time_ms INTEGER NOT NULL,
     currency TEXT NOT NULL,
     value TEXT NOT NULL,
     PRIMARY KEY (user_id, time_ms)
   );`,
  // The exchange a user chose to price an asset on, over the default order (docs/protocol.md P3).
  `CREATE TABLE asset_pricing (
     user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     asset TEXT NOT NULL,
     exchange TEXT NOT NULL,
     PRIMARY KEY (user_id, asset)
   );`,
];

/** Writes an SQLite file as a release before Kysely left it at `version` (1..8), with `seed` run on top. */
export function legacyDatabase(file: string, version: number, seed = ''): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  for (const migration of LEGACY_MIGRATIONS.slice(0, version)) db.exec(migration);
  db.pragma(`user_version = ${version}`);
  if (seed) db.exec(seed);
  db.close();
}
