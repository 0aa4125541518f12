/**
 * The tax report (docs/protocol.md P10): realized gains lot by lot, with their holding period, and income apart,
 * per calendar year (UTC) or any range. A computation from the portfolio's own records under one cost-basis
 * method, not tax advice.
 */
import { ZERO, roundCost } from './decimal';
import type { Decimal } from './decimal';
import type { AssetHolding, IncomeEvent, RealizedEvent } from './holdings';
import { DEFAULT_LONG_TERM_DAYS } from './report-options';
import type { IncomeType } from './transaction';

export { DEFAULT_LONG_TERM_DAYS } from './report-options';

const DAY_MS = 86_400_000;

/** One disposed piece of one lot: what it fetched, what it cost, and how long it was held. */
export interface GainLine {
  asset: string;
  /** The asset's quote currency: every amount of the line is in it. */
  currency: string;
  quantity: Decimal;
  acquiredAt: number;
  /** Account id where the lot was acquired. */
  acquiredIn: string;
  /** The acquiring transaction. */
  acquiredBy: string;
  disposedAt: number;
  /** Account id it was disposed of from. */
  disposedFrom: string;
  /** The disposing transaction (a sell, or a transfer's fee in the asset). */
  disposedBy: string;
  /** The disposal's proceeds shared over its pieces by quantity. */
  proceeds: Decimal;
  costBasis: Decimal;
  gain: Decimal;
  /** Whole days between acquisition and disposal. */
  heldDays: number;
  term: 'short' | 'long';
}

/** Coins received as income. */
export interface IncomeLine {
  asset: string;
  currency: string;
  type: IncomeType;
  time: number;
  account: string;
  quantity: Decimal;
  value: Decimal;
  transactionId: string;
}

/** One calendar year's totals in one currency. */
export interface YearTotals {
  year: number;
  currency: string;
  proceeds: Decimal;
  costBasis: Decimal;
  gain: Decimal;
  shortTermGain: Decimal;
  longTermGain: Decimal;
  income: Decimal;
}

export interface TaxReport {
  gains: GainLine[];
  income: IncomeLine[];
  years: YearTotals[];
}

/** What a report covers: [from, to) in epoch ms, and the holding period past which a gain is long-term. */
export interface TaxReportOptions {
  from: number;
  to: number;
  longTermDays?: number;
}

/**
 * Splits a disposal into its lot pieces: each piece's share of the proceeds by quantity, on the cost grid, the
 * last piece taking what rounding left, so the lines' gains sum exactly to the disposal's realized P&L.
 */
function linesOf(asset: string, currency: string, event: RealizedEvent, longTermDays: number): GainLine[] {
  let left = event.proceeds;
  return event.lots.map((lot, i) => {
    const proceeds =
      i === event.lots.length - 1 ? left : roundCost(event.proceeds.times(lot.quantity).div(event.quantity));
    left = left.minus(proceeds);
    const heldDays = Math.floor((event.time - lot.acquiredAt) / DAY_MS);
    return {
      asset,
      currency,
      quantity: lot.quantity,
      acquiredAt: lot.acquiredAt,
      acquiredIn: lot.acquiredIn,
      acquiredBy: lot.transactionId,
      disposedAt: event.time,
      disposedFrom: event.account,
      disposedBy: event.transactionId,
      proceeds,
      costBasis: lot.cost,
      gain: proceeds.minus(lot.cost),
      heldDays,
      term: event.time - lot.acquiredAt > longTermDays * DAY_MS ? 'long' : 'short',
    };
  });
}

const incomeLine = (asset: string, currency: string, e: IncomeEvent): IncomeLine => ({
  asset,
  currency,
  type: e.type,
  time: e.time,
  account: e.account,
  quantity: e.quantity,
  value: e.value,
  transactionId: e.transactionId,
});

/** The report over `holdings` (all accounts, one method), lines in time order. */
export function taxReport(holdings: readonly AssetHolding[], options: TaxReportOptions): TaxReport {
  const longTermDays = options.longTermDays ?? DEFAULT_LONG_TERM_DAYS;
  const within = (time: number) => time >= options.from && time < options.to;
  const gains = holdings
    // Cash (an asset quoted in itself, as a sync books USDT spent) is worth 1 of itself: its disposals never
    // gain or lose in its own currency, and listing them would bury the lines that do.
    .filter((h) => h.asset !== h.quoteCurrency)
    .flatMap((h) =>
      h.realized
        .filter((e) => within(e.time))
        .flatMap((e) => linesOf(h.asset, h.quoteCurrency, e, longTermDays)),
    )
    .sort((a, b) => a.disposedAt - b.disposedAt || a.acquiredAt - b.acquiredAt);
  const income = holdings
    .flatMap((h) =>
      h.income.filter((e) => within(e.time)).map((e) => incomeLine(h.asset, h.quoteCurrency, e)),
    )
    .sort((a, b) => a.time - b.time);
  return { gains, income, years: totals(gains, income) };
}

function totals(gains: readonly GainLine[], income: readonly IncomeLine[]): YearTotals[] {
  const years = new Map<string, YearTotals>();
  const entry = (time: number, currency: string) => {
    const year = new Date(time).getUTCFullYear();
    const key = `${year} ${currency}`;
    let found = years.get(key);
    if (!found) {
      found = {
        year,
        currency,
        proceeds: ZERO,
        costBasis: ZERO,
        gain: ZERO,
        shortTermGain: ZERO,
        longTermGain: ZERO,
        income: ZERO,
      };
      years.set(key, found);
    }
    return found;
  };
  for (const line of gains) {
    const t = entry(line.disposedAt, line.currency);
    t.proceeds = t.proceeds.plus(line.proceeds);
    t.costBasis = t.costBasis.plus(line.costBasis);
    t.gain = t.gain.plus(line.gain);
    if (line.term === 'long') t.longTermGain = t.longTermGain.plus(line.gain);
    else t.shortTermGain = t.shortTermGain.plus(line.gain);
  }
  for (const line of income) {
    const t = entry(line.time, line.currency);
    t.income = t.income.plus(line.value);
  }
  return [...years.values()].sort((a, b) => a.year - b.year || (a.currency < b.currency ? -1 : 1));
}
