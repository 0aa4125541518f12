/**
 * Version 7: each user's value at the end of past days, worked out from transactions and the exchanges' daily
 * closes (server/portfolio/value-backfill.ts): the value history before the recorder's first point.
 */
import type { SchemaStep } from './step';
import { valuesTable } from './values-table';

export const dailyValues: SchemaStep = {
  name: '007-daily-values',
  up: (db, engine) => valuesTable(db, engine, 'portfolio_daily_values'),
};
