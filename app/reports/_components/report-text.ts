/** How the report reads: the methods' and income types' names, its period and row counts in words, UTC dates. */
import type { TaxReportAnswer } from '../../../client/api/reports';
import type { Catalog, Translate } from '../../../lib/i18n/messages/en';
import type { CostBasisMethod } from '../../../lib/portfolio/lots';
import type { IncomeType } from '../../../lib/portfolio/transaction';

type ReportsKey = keyof Catalog['reports'];
type T = Translate<'reports'>;

/** The message naming each cost-basis method; the select offers them in COST_BASIS_METHODS' order. */
export const METHOD_KEYS = {
  fifo: 'methodFifo',
  lifo: 'methodLifo',
  hifo: 'methodHifo',
  average: 'methodAverage',
} as const satisfies Record<CostBasisMethod, ReportsKey>;

/** The message naming each income type, as the Transactions page names them. */
export const INCOME_KEYS = {
  staking: 'incomeStaking',
  interest: 'incomeInterest',
  airdrop: 'incomeAirdrop',
  income: 'incomeOther',
} as const satisfies Record<IncomeType, ReportsKey>;

const DAY_MS = 86_400_000;

/** The day of an ISO time in UTC, the zone the report's years are in: "2026-06-01", as its CSV writes it. */
export const utcDay = (iso: string): string => new Date(iso).toISOString().slice(0, 10);

/** The whole UTC time, for a tooltip: "2026-06-01 10:00 UTC". */
export const utcTime = (iso: string): string =>
  `${utcDay(iso)} ${new Date(iso).toISOString().slice(11, 16)} UTC`;

/** A calendar year, or the first and last days of a range (`to` is exclusive: the last day is the one before). */
function covered(
  answer: Pick<TaxReportAnswer, 'from' | 'to'>,
): { year: string } | { from: string; to: string } {
  const from = new Date(answer.from);
  const last = new Date(Date.parse(answer.to) - DAY_MS);
  const wholeYear =
    from.getUTCMonth() === 0 &&
    from.getUTCDate() === 1 &&
    last.getUTCFullYear() === from.getUTCFullYear() &&
    last.getUTCMonth() === 11 &&
    last.getUTCDate() === 31;
  // Text, not numbers: a year is never written with a group separator.
  return wholeYear
    ? { year: String(from.getUTCFullYear()) }
    : { from: utcDay(answer.from), to: utcDay(last.toISOString()) };
}

/** What the report covers, in words: "2026" for a calendar year, else "2025-04-06 to 2026-04-05". */
export function periodText(t: T, answer: Pick<TaxReportAnswer, 'from' | 'to'>): string {
  const period = covered(answer);
  return 'year' in period ? period.year : t('periodRange', period);
}

/** The period after a verb: "in 2026", or "from 2025-04-06 to 2026-04-05". */
export function periodPhrase(t: T, answer: Pick<TaxReportAnswer, 'from' | 'to'>): string {
  const period = covered(answer);
  return 'year' in period ? t('periodInYear', period) : t('periodFromTo', period);
}

/** What a table's row is: a piece of a gain ("line") or an income received ("receipt"). */
export type RowNoun = 'line' | 'receipt';

const COUNT_KEYS = {
  line: ['lineCount', 'lineRange'],
  receipt: ['receiptCount', 'receiptRange'],
} as const satisfies Record<RowNoun, readonly [ReportsKey, ReportsKey]>;

/** "1 line", "312 lines"; with the rows a page shows, "101–200 of 312 lines". */
export function rowCount(
  t: T,
  noun: RowNoun,
  total: number,
  shown?: { first: number; last: number },
): string {
  const [count, range] = COUNT_KEYS[noun];
  // The page's bounds as text: they were always written without a group separator.
  return shown
    ? t(range, { first: String(shown.first), last: String(shown.last), count: total })
    : t(count, { count: total });
}
