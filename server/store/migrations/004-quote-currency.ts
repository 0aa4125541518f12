/** Version 4: the currency a user values the portfolio in (lib/portfolio/conversion.ts). */
import type { SchemaStep } from './step';

export const quoteCurrency: SchemaStep = {
  name: '004-quote-currency',
  async up(db) {
    await db.schema
      .alterTable('users')
      .addColumn('quote_currency', 'text', (c) => c.notNull().defaultTo('USDT'))
      .execute();
  },
};
