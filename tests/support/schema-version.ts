/** An older schema on either engine: the first steps only, recorded as the Migrator records them, with data in it. */
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { StorageTarget } from '../../server/store/db';
import { currentSchema, runSteps } from '../../server/store/migrate';
import { SCHEMA_STEPS } from '../../server/store/migrations';
import type { Engine, SchemaDb } from '../../server/store/migrations/step';

/**
 * Builds the schema of `version` (its first `version` steps) at `target`, runs `seed` on it and closes it; opening
 * the target with openStorage then runs the later steps on that data, as an upgrade does.
 */
export async function databaseAtVersion(
  target: StorageTarget,
  version: number,
  seed: (db: SchemaDb) => Promise<void>,
): Promise<void> {
  const engine: Engine = 'url' in target ? 'postgres' : 'sqlite';
  const db: SchemaDb =
    'url' in target
      ? new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: target.url }) }) })
      : new Kysely({ dialect: new SqliteDialect({ database: sqliteFile(target.file) }) });
  try {
    const schema = engine === 'postgres' ? await currentSchema(db) : undefined;
    await runSteps(db, engine, SCHEMA_STEPS.slice(0, version), schema);
    await seed(db);
  } finally {
    await db.destroy();
  }
}

function sqliteFile(file: string): Database.Database {
  const database = new Database(file);
  database.pragma('foreign_keys = ON');
  return database;
}
