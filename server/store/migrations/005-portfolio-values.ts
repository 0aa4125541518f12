/** Version 5: each user's portfolio value over time, recorded by server/portfolio/value-recorder.ts. */
import type { SchemaStep } from './step';
import { valuesTable } from './values-table';

export const portfolioValues: SchemaStep = {
  name: '005-portfolio-values',
  up: (db, engine) => valuesTable(db, engine, 'portfolio_values'),
};
