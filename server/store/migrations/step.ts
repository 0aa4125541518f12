/** What a schema version is: one step up, written once for both engines with Kysely's schema builder. */
import type { ColumnDataType, Kysely } from 'kysely';

/** The database engines Livefolio stores its data in. */
export type Engine = 'sqlite' | 'postgres';

// A step must not depend on today's table types: it has to work on the schema as it stood at its version.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SchemaDb = Kysely<any>;

/** One schema version; `name` sorts in the order the steps run. */
export interface SchemaStep {
  name: string;
  up(db: SchemaDb, engine: Engine): Promise<void>;
}

/** Times in milliseconds: past 2^31, so BIGINT in PostgreSQL; SQLite's INTEGER holds 64 bits already. */
export const timeType = (engine: Engine): ColumnDataType => (engine === 'postgres' ? 'bigint' : 'integer');
