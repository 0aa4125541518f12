/** Browser calls to the tax report (/api/v1/reports/tax, docs/protocol.md P10) and the answer's types. */
import type { z } from 'zod/mini';
import { reportsApi, taxReportAnswer } from '../../lib/api/reports';
import type { gainLine, incomeLine, yearTotals } from '../../lib/api/reports';
import type { CostBasisMethod } from '../../lib/portfolio/lots';
import type { ApiResult } from './auth';
import { contractRequest as request } from './contract-request';

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

/** One calendar year's totals in one currency; amounts are decimal strings. */
export type YearTotalsAnswer = z.output<typeof yearTotals>;

/** One piece of a lot that a disposal drew, with its holding period. */
export type GainLineAnswer = z.output<typeof gainLine>;

/** Coins received as income, valued when received. */
export type IncomeLineAnswer = z.output<typeof incomeLine>;

/** The answer of GET /api/v1/reports/tax; `to` is exclusive. */
export type TaxReportAnswer = z.output<typeof taxReportAnswer>;

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
  return request(`${reportsApi.tax.path}?${reportSearch(query).toString()}`, { signal }, taxReportAnswer);
}

/** Where the CSV file of one part of the report downloads from (the session cookie goes with a plain link). */
export function taxReportCsvUrl(query: ReportQuery, part: ReportPart): string {
  return `${reportsApi.taxCsv.path}?${reportSearch(query, part).toString()}`;
}
