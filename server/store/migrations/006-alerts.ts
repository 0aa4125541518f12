/** Version 6: price alerts (lib/alerts.ts); the price is a decimal string like every amount. */
import type { SchemaStep } from './step';
import { timeType } from './step';

export const alerts: SchemaStep = {
  name: '006-alerts',
  async up(db, engine) {
    await db.schema
      .createTable('alerts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('stream', 'text', (c) => c.notNull())
      .addColumn('condition', 'text', (c) => c.notNull())
      .addColumn('price', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('created_at', timeType(engine), (c) => c.notNull())
      .addColumn('triggered_at', timeType(engine))
      .addColumn('triggered_price', 'text')
      .execute();
    await db.schema.createIndex('alerts_by_user').on('alerts').columns(['user_id', 'created_at']).execute();
  },
};
