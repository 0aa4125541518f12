/**
 * The tax report as the API answers it (docs/protocol.md P10): amounts as decimal strings, times as ISO 8601,
 * accounts with their names, and the same lines as CSV files for a spreadsheet or an accountant.
 */
import { stringify } from 'csv-stringify/sync';
import { formatDecimal } from '../../lib/portfolio/decimal';
import type { Decimal } from '../../lib/portfolio/decimal';
import type { CostBasisMethod } from '../../lib/portfolio/lots';
import type { GainLine, IncomeLine, TaxReport } from '../../lib/portfolio/tax-report';
import { asText } from './transactions-csv';

/** Said with every report, in the API and on the page. */
export const NOT_TAX_ADVICE =
  'A computation from the transactions in Livefolio under the cost-basis method shown, not tax advice: the rules ' +
  'of your country (which method is allowed, how fees and income count) decide what you declare.';

const text = (value: Decimal) => formatDecimal(value);
const iso = (ms: number) => new Date(ms).toISOString();

/** The report's frame: what it covers and how it was computed. */
export interface ReportFrame {
  method: CostBasisMethod;
  from: number;
  to: number;
  longTermDays: number;
}

/** The JSON answer; `account` names an account id. */
export function reportAnswer(report: TaxReport, frame: ReportFrame, account: (id: string) => string) {
  const named = (id: string) => ({ id, name: account(id) });
  return {
    method: frame.method,
    from: iso(frame.from),
    to: iso(frame.to),
    longTermDays: frame.longTermDays,
    notice: NOT_TAX_ADVICE,
    years: report.years.map((y) => ({
      year: y.year,
      currency: y.currency,
      proceeds: text(y.proceeds),
      costBasis: text(y.costBasis),
      gain: text(y.gain),
      shortTermGain: text(y.shortTermGain),
      longTermGain: text(y.longTermGain),
      income: text(y.income),
    })),
    gains: report.gains.map((g) => ({
      asset: g.asset,
      currency: g.currency,
      quantity: text(g.quantity),
      acquiredAt: iso(g.acquiredAt),
      acquiredIn: named(g.acquiredIn),
      acquiredBy: g.acquiredBy,
      disposedAt: iso(g.disposedAt),
      disposedFrom: named(g.disposedFrom),
      disposedBy: g.disposedBy,
      proceeds: text(g.proceeds),
      costBasis: text(g.costBasis),
      gain: text(g.gain),
      heldDays: g.heldDays,
      term: g.term,
    })),
    income: report.income.map((i) => ({
      asset: i.asset,
      currency: i.currency,
      type: i.type,
      time: iso(i.time),
      account: named(i.account),
      quantity: text(i.quantity),
      value: text(i.value),
      transactionId: i.transactionId,
    })),
  };
}

/** The gains, one lot piece per row, as CSV. */
export function gainsCsv(gains: readonly GainLine[], account: (id: string) => string): string {
  return stringify([
    [
      'asset',
      'quantity',
      'acquired',
      'acquired_in',
      'disposed',
      'disposed_from',
      'proceeds',
      'cost_basis',
      'gain',
      'currency',
      'held_days',
      'term',
    ],
    ...gains.map((g) => [
      g.asset,
      text(g.quantity),
      iso(g.acquiredAt),
      asText(account(g.acquiredIn)),
      iso(g.disposedAt),
      asText(account(g.disposedFrom)),
      text(g.proceeds),
      text(g.costBasis),
      text(g.gain),
      g.currency,
      String(g.heldDays),
      g.term,
    ]),
  ]);
}

/** The income, one receipt per row, as CSV. */
export function incomeCsv(income: readonly IncomeLine[], account: (id: string) => string): string {
  return stringify([
    ['time', 'type', 'asset', 'quantity', 'value', 'currency', 'account'],
    ...income.map((i) => [
      iso(i.time),
      i.type,
      i.asset,
      text(i.quantity),
      text(i.value),
      i.currency,
      asText(account(i.account)),
    ]),
  ]);
}
