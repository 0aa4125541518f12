/** The shape of both value tables (recorded and backfilled): per user, a value as a decimal string per time. */
import type { Engine, SchemaDb } from './step';
import { timeType } from './step';

/** Creates a value table named `name`. */
export async function valuesTable(db: SchemaDb, engine: Engine, name: string): Promise<void> {
  await db.schema
    .createTable(name)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('time_ms', timeType(engine), (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint(`${name}_pkey`, ['user_id', 'time_ms'])
    .execute();
}
