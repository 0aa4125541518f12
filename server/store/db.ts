/**
 * The database: the embedded SQLite file (the default) or PostgreSQL (DATABASE_URL), both through Kysely, opened
 * once and migrated to the newest schema on open.
 */
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate';
import type { Engine } from './migrations';
import type { Tables } from './schema';

export type { Engine } from './migrations';

/** An open database: one Kysely instance every store shares, and which engine is behind it. */
export interface Storage {
  db: Kysely<Tables>;
  engine: Engine;
  /** Where the data is, safe to log or show: the file, or the URL without its password. */
  location: string;
  close(): Promise<void>;
}

/** A PostgreSQL URL (postgres:// or postgresql://), or an SQLite file (':memory:' works for tests). */
export type StorageTarget = { url: string } | { file: string };

/** Opens (creating when needed) and migrates the database; refuses one whose schema is newer than this code. */
export async function openStorage(target: StorageTarget): Promise<Storage> {
  const storage = 'url' in target ? openPostgres(target.url) : openSqlite(target.file);
  try {
    await migrateOnce(storage);
  } catch (error) {
    await storage.close();
    const message = error instanceof Error ? error.message : String(error);
    if (message.includes(storage.location)) throw error;
    throw new Error(`could not open the database ${storage.location}: ${message}`, { cause: error });
  }
  return storage;
}

// Processes that open one new SQLite file at once (instances sharing it) can both find it unmigrated: PostgreSQL
// takes a lock for the migrations (Kysely's), SQLite takes none across processes, and holding its write lock
// instead (BEGIN IMMEDIATE) would block a second connection of the same process in better-sqlite3's synchronous
// busy wait. Every step begins by creating something, so the second process to run a step fails there, having
// changed nothing; trying again, it finds the step recorded.
const SQLITE_MIGRATION_ATTEMPTS = 5;

async function migrateOnce(storage: Storage): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await migrate(storage);
    } catch (error) {
      if (storage.engine !== 'sqlite' || attempt >= SQLITE_MIGRATION_ATTEMPTS || isTooNew(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 100));
    }
  }
}

const isTooNew = (error: unknown) =>
  error instanceof Error && error.message.includes('newer than this Livefolio');

/** The URL without its password: what logs and error messages may show. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '';
  return parsed.toString();
}

function openSqlite(file: string): Storage {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  // SQLite enforces foreign keys (and so deletes a user's rows with the user) only when asked, per connection.
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, engine: 'sqlite', location: file, close: once(() => db.destroy()) };
}

// pg returns BIGINT (times in ms, COUNT(*)) as strings, since it may pass 2^53; ours never do. Parsed as
// numbers on this pool's own connections only, not through pg's global type table.
const INT8 = pg.types.builtins.INT8;
const getTypeParser = ((oid: number, format?: 'text' | 'binary') =>
  oid === INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser;

function openPostgres(url: string): Storage {
  const pool = new pg.Pool({ connectionString: url, types: { getTypeParser } });
  // An idle connection that breaks emits 'error' on the pool, which would end the process unheard; the pool
  // replaces it, and the next query reports a lasting outage.
  pool.on('error', () => {});
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', location: redactUrl(url), close: once(() => db.destroy()) };
}

/** Closing twice closes once (pg's pool refuses a second end). */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | null = null;
  return () => (closing ??= close());
}
