/** Version 1: the installation's one watchlist, from before accounts, and a key-value table. */
import type { SchemaStep } from './step';
import { timeType } from './step';

export const watchlist: SchemaStep = {
  name: '001-watchlist',
  async up(db, engine) {
    await db.schema
      .createTable('watchlist')
      .addColumn('stream', 'text', (c) => c.primaryKey())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('added_at', timeType(engine), (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
  },
};
