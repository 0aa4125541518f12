/** The period's totals per currency, from the answer's totals per calendar year and currency. */
import type { YearTotalsAnswer } from '../../../client/api/reports';
import { Exact } from '../../../client/exact';

/** The amounts a total has, in the order the summary shows them. */
export const TOTAL_AMOUNTS = [
  'proceeds',
  'costBasis',
  'gain',
  'shortTermGain',
  'longTermGain',
  'income',
] as const satisfies ReadonlyArray<keyof YearTotalsAnswer>;

/** One of TOTAL_AMOUNTS. */
export type TotalAmount = (typeof TOTAL_AMOUNTS)[number];

/** A currency's totals over the whole period. */
export type CurrencyTotals = { currency: string } & Record<TotalAmount, Exact>;

/** The years added up per currency (a range may span several), never two currencies together; A to Z. */
export function totalsByCurrency(years: readonly YearTotalsAnswer[]): CurrencyTotals[] {
  const totals = new Map<string, CurrencyTotals>();
  for (const year of years) {
    const sum = totals.get(year.currency);
    const next = { currency: year.currency } as CurrencyTotals;
    for (const key of TOTAL_AMOUNTS) next[key] = new Exact(year[key]).plus(sum?.[key] ?? 0);
    totals.set(year.currency, next);
  }
  return [...totals.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1));
}
