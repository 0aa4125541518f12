/** The outside services some tests need (Redis, PostgreSQL): found from the environment, or said missing. */
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { createClient } from 'redis';

/** Where Redis is: REDIS_URL, else the local default every machine of this project runs. */
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** True when a Redis at `url` answers a PING within about 2 s. */
export async function redisAnswers(url: string): Promise<boolean> {
  const client = createClient({ url, socket: { connectTimeout: 2_000, reconnectStrategy: false } });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    if (client.isOpen) client.destroy();
  }
}

/**
 * True when Redis answers. Without it the tests that need it are skipped on a developer's machine, but under CI
 * (CI set) a missing service is a failure: a green run must mean those tests ran.
 */
export async function redisAvailable(): Promise<boolean> {
  if (await redisAnswers(REDIS_URL)) return true;
  if (process.env.CI) {
    throw new Error(
      `Redis does not answer at ${REDIS_URL}, and CI needs it: start it (redis-server) or set REDIS_URL.`,
    );
  }
  return false;
}

/** Where PostgreSQL is: DATABASE_URL, else the local default every machine of this project runs (trust auth). */
export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Runs `work` on one connection to DATABASE_URL, then closes it. */
async function withPostgres<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 2_000 });
  client.on('error', () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** True when PostgreSQL answers a query within about 2 s. */
export async function postgresAnswers(): Promise<boolean> {
  try {
    await withPostgres((client) => client.query('select 1'));
    return true;
  } catch {
    return false;
  }
}

/** True when PostgreSQL answers; under CI (CI set) a missing PostgreSQL throws, as for Redis. */
export async function postgresAvailable(): Promise<boolean> {
  if (await postgresAnswers()) return true;
  if (process.env.CI) {
    throw new Error(
      `PostgreSQL does not answer at ${DATABASE_URL}, and CI needs it: start it (pg_ctlcluster) or set DATABASE_URL.`,
    );
  }
  return false;
}

/** A schema of a test's own in the test database: `url` connects with it as the search_path. */
export interface PostgresSchema {
  url: string;
  name: string;
}

/**
 * Every test schema is named so: the run's global setup (tests/support/build-once.ts) drops them before and after.
 * The prefix names the checkout, so two checkouts testing at once on one PostgreSQL never drop each other's.
 */
export const TEST_SCHEMA_PREFIX = `t_${createHash('sha256').update(process.cwd()).digest('hex').slice(0, 8)}_`;

/**
 * Creates an empty schema with a random name, so test files running at once never share a table. It is not
 * dropped by the test: a schema dropped while another test's migration lists the database's tables (Kysely's
 * Migrator does) makes that listing fail. They all go at the end of the run instead.
 */
export async function freshSchema(): Promise<PostgresSchema> {
  const name = `${TEST_SCHEMA_PREFIX}${randomBytes(6).toString('hex')}`;
  await withPostgres((client) => client.query(`create schema ${name}`));
  const url = new URL(DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${name}`);
  return { url: url.toString(), name };
}

/** Drops every test schema (none may be in use): before and after a whole run. */
export async function dropTestSchemas(): Promise<number> {
  return withPostgres(async (client) => {
    const { rows } = await client.query<{ nspname: string }>(
      `select nspname from pg_namespace where nspname like '${TEST_SCHEMA_PREFIX}%'`,
    );
    for (const { nspname } of rows) await client.query(`drop schema if exists ${nspname} cascade`);
    return rows.length;
  });
}
