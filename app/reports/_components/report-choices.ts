/** The report's choices: read from and kept in the page's address, and their defaults from the user's history. */
import type { ReportPeriod, ReportQuery } from '../../../client/api/reports';
import { reportSearch } from '../../../client/api/reports';
import type { TransactionRecord } from '../../../client/api/transactions';
import { COST_BASIS_METHODS, DEFAULT_LONG_TERM_DAYS } from '../../../lib/portfolio/report-options';
import type { CostBasisMethod } from '../../../lib/portfolio/report-options';

/**
 * The dashboard's cost-basis choice lives only in its panel's state (nothing stores it: no setting, no
 * browser storage), so the report cannot follow it and opens on the API's own default.
 */
export const DEFAULT_METHOD: CostBasisMethod = 'fifo';

/** The server's bounds (docs/protocol.md P10). */
export const MAX_LONG_TERM_DAYS = 3650;
const YEARS = { min: 1970, max: 2200 };

/** What the address asks for; a part missing or not valid is left to the defaults. */
export interface ChosenInUrl {
  period?: ReportPeriod;
  method?: CostBasisMethod;
  longTermDays?: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (text: string | null): text is string =>
  text !== null && DAY.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);

function wholeIn(text: string | null, min: number, max: number): number | undefined {
  if (text === null || !/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= min && value <= max ? value : undefined;
}

/** The choices in a query string like the API's: `year` or `from` and `to`, `method`, `longTermDays`. */
export function choicesInSearch(search: string): ChosenInUrl {
  const params = new URLSearchParams(search);
  const chosen: ChosenInUrl = {};
  const year = wholeIn(params.get('year'), YEARS.min, YEARS.max);
  const from = params.get('from');
  const to = params.get('to');
  if (isDay(from) && isDay(to)) chosen.period = { from, to };
  else if (year !== undefined) chosen.period = { year };
  const method = COST_BASIS_METHODS.find((m) => m === params.get('method'));
  if (method) chosen.method = method;
  const days = wholeIn(params.get('longTermDays'), 0, MAX_LONG_TERM_DAYS);
  if (days !== undefined) chosen.longTermDays = days;
  return chosen;
}

/** Puts the report's query in the address without a navigation, so a reload or a bookmark shows it again. */
export function setQueryInUrl(query: ReportQuery): void {
  const url = new URL(window.location.href);
  url.search = reportSearch(query).toString();
  window.history.replaceState(null, '', url);
}

const yearOf = (t: TransactionRecord) => new Date(t.timeMs).getUTCFullYear();

// A sell, or a transfer's fee paid in the asset: what the report lists as gains (P10).
const disposes = (t: TransactionRecord) =>
  t.type === 'sell' || (t.type === 'transfer' && t.feeCurrency === t.asset && t.fee !== '0');

/** The years to pick from: those with any transaction, and the current one, newest first (UTC, as the report). */
export function reportYears(transactions: readonly TransactionRecord[], now: number): number[] {
  const years = new Set(transactions.map(yearOf));
  years.add(new Date(now).getUTCFullYear());
  return [...years].sort((a, b) => b - a);
}

/**
 * The last complete year when anything was disposed of in it: that is the year a tax return is prepared for, in
 * the months after it ends. Otherwise the current year, where the running figures are the useful ones.
 */
export function defaultYear(transactions: readonly TransactionRecord[], now: number): number {
  const current = new Date(now).getUTCFullYear();
  return transactions.some((t) => yearOf(t) === current - 1 && disposes(t)) ? current - 1 : current;
}

/** A query for `period`, with the method and threshold the address chose, else the defaults. */
export function withDefaults(period: ReportPeriod, chosen: ChosenInUrl): ReportQuery {
  return {
    period,
    method: chosen.method ?? DEFAULT_METHOD,
    longTermDays: chosen.longTermDays ?? DEFAULT_LONG_TERM_DAYS,
  };
}
