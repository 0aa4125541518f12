/**
 * Migrations at open, with Kysely's Migrator: the steps of server/store/migrations/, recorded by name in
 * kysely_migration. SQLite files from before that table recorded their version as PRAGMA user_version (1..8):
 * those steps are marked as run, then the rest run.
 */
import { Migrator, sql } from 'kysely';
import type { Migration } from 'kysely';
import type { Storage } from './db';
import { SCHEMA_STEPS } from './migrations';
import type { Engine, SchemaDb, SchemaStep } from './migrations/step';

const MIGRATION_TABLE = 'kysely_migration';

/** Brings the schema to the newest version; throws when the database is newer than this code. */
export async function migrate(storage: Storage): Promise<void> {
  const db = storage.db as unknown as SchemaDb;
  const known = SCHEMA_STEPS.map((step) => step.name);
  // PostgreSQL: the migration table lives in the connection's own schema (search_path), not in whichever schema
  // of the database happens to hold one already.
  const schema = storage.engine === 'postgres' ? await currentSchema(db) : undefined;
  if (storage.engine === 'sqlite') await adoptUserVersion(db, storage.location, known);
  const executed = await executedSteps(db, schema);
  const unknown = executed.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw tooNew(storage.location, executed.length, known.length);

  await runSteps(db, storage.engine, SCHEMA_STEPS, schema);
  // Kept for releases from before the migration table, which read only user_version: they refuse a newer file.
  if (storage.engine === 'sqlite') await sql`PRAGMA user_version = ${sql.lit(known.length)}`.execute(db);
}

/**
 * Runs those of `steps` that the migration table (in `schema` on PostgreSQL) does not record yet, in order, each
 * recorded as it completes.
 */
export async function runSteps(
  db: SchemaDb,
  engine: Engine,
  steps: readonly SchemaStep[],
  schema: string | undefined,
): Promise<void> {
  const migrations: Record<string, Migration> = {};
  for (const step of steps) migrations[step.name] = { up: (trx: SchemaDb) => step.up(trx, engine) };
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

function tooNew(location: string, version: number, knows: number): Error {
  return new Error(`${location} has schema version ${version}, newer than this Livefolio knows (${knows}).`);
}

/** The schema PostgreSQL creates tables in: the first of the connection's search_path. */
export async function currentSchema(db: SchemaDb): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('PostgreSQL has no current schema: check the search_path of DATABASE_URL.');
  return schema;
}

// Asked of the catalog directly: Kysely's introspection reads every column of every table of every schema of the
// database, and fails if another schema is dropped meanwhile.
async function hasMigrationTable(db: SchemaDb, schema: string | undefined): Promise<boolean> {
  const { rows } =
    schema === undefined
      ? await sql`select 1 from sqlite_master where type = 'table' and name = ${MIGRATION_TABLE}`.execute(db)
      : await sql`select 1 from information_schema.tables
          where table_schema = ${schema} and table_name = ${MIGRATION_TABLE}`.execute(db);
  return rows.length > 0;
}

/** The names of the steps the database has run, oldest first; none before the migration table exists. */
async function executedSteps(db: SchemaDb, schema: string | undefined): Promise<string[]> {
  if (!(await hasMigrationTable(db, schema))) return [];
  const scoped = schema === undefined ? db : db.withSchema(schema);
  const rows = await scoped.selectFrom(MIGRATION_TABLE).select('name').orderBy('name').execute();
  return rows.map((row: { name: string }) => row.name);
}

/**
 * An SQLite file from before the migration table: its user_version says how many steps it has run. Records
 * those steps as run (the table has the columns Kysely's Migrator gives it), so only the rest run.
 */
async function adoptUserVersion(db: SchemaDb, location: string, known: readonly string[]): Promise<void> {
  // PRAGMA is SQLite's own: where the versions before Kysely were kept.
  const { rows } = await sql<{ user_version: number }>`PRAGMA user_version`.execute(db);
  const version = rows[0]?.user_version ?? 0;
  if (version > known.length) throw tooNew(location, version, known.length);
  if (version === 0 || (await hasMigrationTable(db, undefined))) return;
  const timestamp = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx.schema
      .createTable(MIGRATION_TABLE)
      .addColumn('name', 'varchar(255)', (c) => c.notNull().primaryKey())
      .addColumn('timestamp', 'varchar(255)', (c) => c.notNull())
      .execute();
    await trx
      .insertInto(MIGRATION_TABLE)
      .values(known.slice(0, version).map((name) => ({ name, timestamp })))
      .execute();
  });
}
