/** The tax report routes' contract (docs/protocol.md P10): realized gains lot by lot and income, as JSON or CSV. */
import * as z from 'zod/mini';
import type { IncomeType } from '../portfolio/transaction';
import { COST_BASIS_METHODS, DEFAULT_LONG_TERM_DAYS } from '../portfolio/report-options';
import { decimalString, defineRoute, literals, wholeNumber } from './contract';

const day = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date like 2025-01-31' }),
  z.refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    { error: 'is not a date in the calendar' },
  ),
);

/** What a report covers (a year, or the days `from` to `to`), under which method, and what is long-term. */
const reportFields = {
  method: z._default(z.enum(COST_BASIS_METHODS), 'fifo'),
  year: z.optional(wholeNumber(1970, 2200)),
  from: z.optional(day),
  to: z.optional(day),
  longTermDays: z._default(wholeNumber(0, 3650), DEFAULT_LONG_TERM_DAYS),
};

/** The CSV download's query: the report's, and which part (gains or income). */
export const reportCsvQuery = z.strictObject({
  ...reportFields,
  part: z._default(z.enum(['gains', 'income']), 'gains'),
});

/** The JSON report's query: both parts are in the answer, so `part` is refused (by the server, saying why). */
export const reportQuery = z.strictObject({ ...reportFields, part: z.optional(z.string()) });

/** The income transaction types (lib/portfolio/transaction.ts, which the browser does not load). */
export const INCOME_TYPES = literals<IncomeType>()(['staking', 'interest', 'airdrop', 'income']);

const namedAccount = z.object({ id: z.string(), name: z.string() });

/** One calendar year's totals in one currency. */
export const yearTotals = z.object({
  year: z.number(),
  currency: z.string(),
  proceeds: decimalString,
  costBasis: decimalString,
  gain: decimalString,
  shortTermGain: decimalString,
  longTermGain: decimalString,
  income: decimalString,
});

/** One piece of a lot that a disposal drew, with its holding period. */
export const gainLine = z.object({
  asset: z.string(),
  currency: z.string(),
  quantity: decimalString,
  acquiredAt: z.string(),
  acquiredIn: namedAccount,
  acquiredBy: z.string(),
  disposedAt: z.string(),
  disposedFrom: namedAccount,
  disposedBy: z.string(),
  proceeds: decimalString,
  costBasis: decimalString,
  gain: decimalString,
  heldDays: z.number(),
  term: z.enum(['short', 'long']),
});

/** Coins received as income, valued when received. */
export const incomeLine = z.object({
  asset: z.string(),
  currency: z.string(),
  type: z.enum(INCOME_TYPES),
  time: z.string(),
  account: namedAccount,
  quantity: decimalString,
  value: decimalString,
  transactionId: z.string(),
});

/** The report; `to` is exclusive. */
export const taxReportAnswer = z
  .object({
    method: z.enum(COST_BASIS_METHODS),
    from: z.string(),
    to: z.string(),
    longTermDays: z.number(),
    notice: z.string(),
    years: z.array(yearTotals),
    gains: z.array(gainLine),
    income: z.array(incomeLine),
  })
  .register(z.globalRegistry, { id: 'TaxReport' });

export const reportsApi = {
  tax: defineRoute({
    method: 'GET',
    path: '/api/v1/reports/tax',
    rule: 'P10',
    summary: 'The tax report of a calendar year or a range of days',
    access: 'user',
    query: reportQuery,
    answer: taxReportAnswer,
  }),
  taxCsv: defineRoute({
    method: 'GET',
    path: '/api/v1/reports/tax.csv',
    rule: 'P10',
    summary: 'One part of the tax report (gains or income) as a CSV file',
    access: 'user',
    query: reportCsvQuery,
    answer: 'csv',
  }),
};
