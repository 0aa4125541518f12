/** Version 8: the exchange a user chose to price an asset on, over the default order (docs/protocol.md P3). */
import type { SchemaStep } from './step';

export const assetPricing: SchemaStep = {
  name: '008-asset-pricing',
  async up(db) {
    await db.schema
      .createTable('asset_pricing')
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('asset', 'text', (c) => c.notNull())
      .addColumn('exchange', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('asset_pricing_pkey', ['user_id', 'asset'])
      .execute();
  },
};
