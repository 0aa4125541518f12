/** Browser calls to the tax report (/api/v1/reports/tax, docs/protocol.md P10) and the answer's types. */
import { COST_BASIS_METHODS } from '../../lib/portfolio/lots';
import type { CostBasisMethod } from '../../lib/portfolio/lots';
import { INCOME_TYPES } from '../../lib/portfolio/transaction';
import type { IncomeType } from '../../lib/portfolio/transaction';
import { request } from './auth';
import type { ApiResult } from './auth';
import { allOrNull, isRecord } from './json-shape';

export type { ApiResult } from './auth';

/** What a report covers: a calendar year (UTC), or the days `from` to `to` (yyyy-mm-dd), both included. */
export type ReportPeriod = { year: number } | { from: string; to: string };

/** Everything a report is computed from; the same parameters name it in the API and in the page's address. */
export interface ReportQuery {
  period: ReportPeriod;
  method: CostBasisMethod;
  /** A gain is long-term when its lot was held more than this many days. */
  longTermDays: number;
}

/** Which lines a CSV download holds. */
export type ReportPart = 'gains' | 'income';

/** An account as the report names it. */
export interface NamedAccount {
  id: string;
  name: string;
}

/** One calendar year's totals in one currency; amounts are decimal strings. */
export interface YearTotalsAnswer {
  year: number;
  currency: string;
  proceeds: string;
  costBasis: string;
  gain: string;
  shortTermGain: string;
  longTermGain: string;
  income: string;
}

/** One piece of a lot that a disposal drew, with its holding period. */
export interface GainLineAnswer {
  asset: string;
  currency: string;
  quantity: string;
  acquiredAt: string;
  acquiredIn: NamedAccount;
  acquiredBy: string;
  disposedAt: string;
  disposedFrom: NamedAccount;
  disposedBy: string;
  proceeds: string;
  costBasis: string;
  gain: string;
  heldDays: number;
  term: 'short' | 'long';
}

/** Coins received as income, valued when received. */
export interface IncomeLineAnswer {
  asset: string;
  currency: string;
  type: IncomeType;
  time: string;
  account: NamedAccount;
  quantity: string;
  value: string;
  transactionId: string;
}

/** The answer of GET /api/v1/reports/tax; `to` is exclusive. */
export interface TaxReportAnswer {
  method: CostBasisMethod;
  from: string;
  to: string;
  longTermDays: number;
  notice: string;
  years: YearTotalsAnswer[];
  gains: GainLineAnswer[];
  income: IncomeLineAnswer[];
}

/** The query string of a report: `year` or `from` and `to`, then `method` and `longTermDays` (and `part`). */
export function reportSearch(query: ReportQuery, part?: ReportPart): URLSearchParams {
  const { period } = query;
  const search = new URLSearchParams(
    'year' in period ? { year: String(period.year) } : { from: period.from, to: period.to },
  );
  search.set('method', query.method);
  search.set('longTermDays', String(query.longTermDays));
  if (part !== undefined) search.set('part', part);
  return search;
}

/** The signed-in user's report for `query`. */
export function fetchTaxReport(
  query: ReportQuery,
  signal?: AbortSignal,
): Promise<ApiResult<TaxReportAnswer>> {
  return request(`/api/v1/reports/tax?${reportSearch(query).toString()}`, { signal }, readTaxReport);
}

/** Where the CSV file of one part of the report downloads from (the session cookie goes with a plain link). */
export function taxReportCsvUrl(query: ReportQuery, part: ReportPart): string {
  return `/api/v1/reports/tax.csv?${reportSearch(query, part).toString()}`;
}

// Amounts travel as decimal strings: a JSON number in their place is a wrong answer, not a value to round.
const strings = (value: Record<string, unknown>, keys: readonly string[]) =>
  keys.every((key) => typeof value[key] === 'string');

const isAccount = (value: unknown): value is NamedAccount =>
  isRecord(value) && strings(value, ['id', 'name']);

const AMOUNTS = ['proceeds', 'costBasis', 'gain'];

function readYear(value: unknown): YearTotalsAnswer | null {
  const keys = ['currency', ...AMOUNTS, 'shortTermGain', 'longTermGain', 'income'];
  return isRecord(value) && typeof value.year === 'number' && strings(value, keys)
    ? (value as unknown as YearTotalsAnswer)
    : null;
}

function readGain(value: unknown): GainLineAnswer | null {
  const keys = ['asset', 'currency', 'quantity', 'acquiredAt', 'acquiredBy', 'disposedAt', 'disposedBy'];
  const ok =
    isRecord(value) &&
    strings(value, [...keys, ...AMOUNTS]) &&
    isAccount(value.acquiredIn) &&
    isAccount(value.disposedFrom) &&
    typeof value.heldDays === 'number' &&
    (value.term === 'short' || value.term === 'long');
  return ok ? (value as unknown as GainLineAnswer) : null;
}

function readIncome(value: unknown): IncomeLineAnswer | null {
  const keys = ['asset', 'currency', 'time', 'quantity', 'value', 'transactionId'];
  const ok =
    isRecord(value) &&
    strings(value, keys) &&
    INCOME_TYPES.some((type) => type === value.type) &&
    isAccount(value.account);
  return ok ? (value as unknown as IncomeLineAnswer) : null;
}

/** The report as the server sends it, or null for any other shape. */
export function readTaxReport(body: unknown): TaxReportAnswer | null {
  if (!isRecord(body) || !strings(body, ['from', 'to', 'notice'])) return null;
  if (!COST_BASIS_METHODS.some((method) => method === body.method)) return null;
  if (typeof body.longTermDays !== 'number') return null;
  if (!Array.isArray(body.years) || !Array.isArray(body.gains) || !Array.isArray(body.income)) return null;
  const years = allOrNull(body.years, readYear);
  const gains = allOrNull(body.gains, readGain);
  const income = allOrNull(body.income, readIncome);
  return years && gains && income ? { ...(body as unknown as TaxReportAnswer), years, gains, income } : null;
}
