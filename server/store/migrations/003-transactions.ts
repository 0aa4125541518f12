/**
 * Version 3: portfolio transactions. Amounts are canonical decimal strings (lib/portfolio/decimal.ts), never
 * REAL or DOUBLE: those would store them as binary floats.
 */
import type { Engine, SchemaDb, SchemaStep } from './step';
import { timeType } from './step';

export const transactions: SchemaStep = {
  name: '003-transactions',
  async up(db, engine) {
    await transactionsTable(db, engine, 'transactions').execute();
    await db.schema
      .createIndex('transactions_by_user')
      .on('transactions')
      .columns(['user_id', 'time_ms', 'seq'])
      .execute();
  },
};

/** The table as this version defines it, under `name`; later versions that rebuild it start from this. */
export function transactionsTable(db: SchemaDb, engine: Engine, name: string) {
  return db.schema
    .createTable(name)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('asset', 'text', (c) => c.notNull())
    .addColumn('quantity', 'text', (c) => c.notNull())
    .addColumn('price', 'text', (c) => c.notNull())
    .addColumn('quote_currency', 'text', (c) => c.notNull())
    .addColumn('fee', 'text', (c) => c.notNull())
    .addColumn('fee_currency', 'text', (c) => c.notNull())
    .addColumn('time', 'text', (c) => c.notNull())
    .addColumn('time_ms', timeType(engine), (c) => c.notNull())
    .addColumn('exchange', 'text')
    .addColumn('note', 'text')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('created_at', timeType(engine), (c) => c.notNull())
    .addColumn('updated_at', timeType(engine), (c) => c.notNull());
}
