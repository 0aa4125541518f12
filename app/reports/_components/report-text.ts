/** How the report reads: the methods' and income types' names, its period in words, and UTC dates. */
import type { TaxReportAnswer } from '../../../client/api/reports';
import type { CostBasisMethod } from '../../../lib/portfolio/lots';
import type { IncomeType } from '../../../lib/portfolio/transaction';

/** The cost-basis methods, in the order the select offers them. */
export const METHOD_LABELS: Record<CostBasisMethod, string> = {
  fifo: 'FIFO',
  lifo: 'LIFO',
  hifo: 'HIFO',
  average: 'Average cost',
};

/** The income types as the Transactions page names them. */
export const INCOME_LABELS: Record<IncomeType, string> = {
  staking: 'Staking reward',
  interest: 'Interest',
  airdrop: 'Airdrop',
  income: 'Other income',
};

const DAY_MS = 86_400_000;

/** The day of an ISO time in UTC, the zone the report's years are in: "2026-06-01". */
export const utcDay = (iso: string): string => new Date(iso).toISOString().slice(0, 10);

/** The whole UTC time, for a tooltip: "2026-06-01 10:00 UTC". */
export const utcTime = (iso: string): string =>
  `${utcDay(iso)} ${new Date(iso).toISOString().slice(11, 16)} UTC`;

/** What the report covers, in words: "2026" for a calendar year, else "2025-04-06 to 2026-04-05". */
export function periodText(answer: Pick<TaxReportAnswer, 'from' | 'to'>): string {
  const from = new Date(answer.from);
  // `to` is exclusive: the last day covered is the one before it.
  const last = new Date(Date.parse(answer.to) - DAY_MS);
  const wholeYear =
    from.getUTCMonth() === 0 &&
    from.getUTCDate() === 1 &&
    last.getUTCFullYear() === from.getUTCFullYear() &&
    last.getUTCMonth() === 11 &&
    last.getUTCDate() === 31;
  return wholeYear
    ? String(from.getUTCFullYear())
    : `${utcDay(answer.from)} to ${utcDay(last.toISOString())}`;
}

/** The period after a verb: "in 2026", or "from 2025-04-06 to 2026-04-05". */
export function periodPhrase(answer: Pick<TaxReportAnswer, 'from' | 'to'>): string {
  const text = periodText(answer);
  return /^\d{4}$/.test(text) ? `in ${text}` : `from ${text}`;
}

/** "1 line", "312 lines". */
export const lineCount = (n: number, noun: string): string =>
  `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
