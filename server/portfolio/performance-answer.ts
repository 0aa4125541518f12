/**
 * The portfolio's performance over a range (docs/protocol.md P11): its value points (P6), the time-weighted
 * return with deposits and withdrawals valued at their minute's market price, and what holding BTC and ETH
 * returned over the same time, from the exchange's candles (H4). Its notes are messages by key, worded in the
 * request's language by the route (docs/locales.md, L6).
 */
import type { LocaleChoice } from '../../lib/i18n/locales';
import { Decimal } from '../../lib/portfolio/decimal';
import { contributions } from '../../lib/portfolio/contribution';
import { holdingReturn, timeWeightedReturn } from '../../lib/portfolio/performance';
import type { Flow } from '../../lib/portfolio/performance';
import type { Transaction } from '../../lib/portfolio/transaction';
import { streamId } from '../../lib/stream-id';
import { timeframeMs } from '../../lib/timeframes';
import type { Timeframe } from '../../lib/timeframes';
import type { StreamId } from '../../lib/protocol';
import type { CandleHistory } from '../candles/candle-history';
import { AppError, text, wordText } from '../errors';
import type { ErrorText } from '../errors';
import type { ValueHistoryStore } from '../store/value-history-store';
import type { PastPrices } from './past-prices';
import { assetPricing, priceAt, pricingStreams } from './past-values';
import type { ValuationMarkets } from './portfolio-service';

/** The ranges a performance is asked for. */
export const PERFORMANCE_RANGES = ['1D', '1W', '1M', '1Y', 'ALL'] as const;
export type PerformanceRange = (typeof PERFORMANCE_RANGES)[number];

const DAY = 86_400_000;
const SPAN: Readonly<Record<PerformanceRange, number>> = {
  '1D': DAY,
  '1W': 7 * DAY,
  '1M': 30 * DAY,
  '1Y': 365 * DAY,
  ALL: Infinity,
};
// Candles of the benchmark per range: a few hundred points at most.
const BENCHMARK_TF: Readonly<Record<PerformanceRange, Timeframe>> = {
  '1D': '15m',
  '1W': '1h',
  '1M': '4h',
  '1Y': '1d',
  ALL: '1d',
};
const BENCHMARKS = ['BTC', 'ETH'] as const;
const DIGITS = 8;

/** What the answer is computed from. */
export interface PerformanceDeps {
  history: Pick<ValueHistoryStore, 'history'>;
  transactions(userId: number): Promise<Transaction[]>;
  prices: PastPrices;
  candles: Pick<CandleHistory, 'candles'>;
  /** The configured exchanges in order, and whether one lists a market. */
  exchanges(): readonly string[];
  hasMarket(exchange: string, symbol: string): boolean;
  /** Per asset, the market that prices it and the path into `currency` (P3). */
  valuation(
    userId: number,
    currency: string,
    transactions: readonly Transaction[],
  ): Promise<Map<string, ValuationMarkets>>;
  now(): number;
}

/** One benchmark: the market it is read from and its return since the range's start, per candle close. */
export interface BenchmarkAnswer {
  stream: StreamId;
  points: Array<[number, string]>;
}

/** The P11 answer, its notes still to be worded in the reader's language (`inLanguage`). */
export interface PerformanceAnswer {
  currency: string;
  range: PerformanceRange;
  from: number | null;
  to: number | null;
  twr: string | null;
  points: Array<[number, string, string | null]>;
  benchmarks: Record<(typeof BENCHMARKS)[number], BenchmarkAnswer | null>;
  contributions: ContributionsAnswer;
  notes: ErrorText[];
}

/** The answer as it is sent: its notes worded in `locale`'s language. */
export function inLanguage(answer: PerformanceAnswer, locale: LocaleChoice) {
  return { ...answer, notes: answer.notes.map((note) => wordText(note, locale)) };
}

/** What each asset added to the return, and what trades, fees and income within the steps did. */
export interface ContributionsAnswer {
  /** The grid's timeframe: the benchmark's candles of the range. */
  step: Timeframe;
  assets: Array<{ asset: string; contribution: string }>;
  /** The assets' sum; null when no step could be valued. */
  total: string | null;
  /** The time-weighted return less `total`; null when either is. */
  other: string | null;
}

const fraction = (value: Decimal) => value.toDecimalPlaces(DIGITS).toFixed();
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Deposits and withdrawals within (from, to], at the market value of their minute; what cannot be valued is said. */
async function flowsOf(
  deps: PerformanceDeps,
  transactions: readonly Transaction[],
  currency: string,
  window: { from: number; to: number },
  notes: ErrorText[],
): Promise<Flow[]> {
  const flows: Flow[] = [];
  for (const t of transactions) {
    if ((t.type !== 'deposit' && t.type !== 'withdrawal') || t.timeMs <= window.from || t.timeMs > window.to)
      continue;
    const price = await deps.prices.price(t.asset, currency, t.timeMs, t.exchange);
    if (price === null) {
      notes.push(
        text('notes', t.type === 'deposit' ? 'depositUnpriced' : 'withdrawalUnpriced', {
          quantity: t.quantity,
          asset: t.asset,
          day: day(t.timeMs),
          currency,
        }),
      );
      continue;
    }
    const amount = new Decimal(t.quantity).times(price);
    flows.push({ timeMs: t.timeMs, amount: t.type === 'deposit' ? amount : amount.negated() });
  }
  return flows;
}

/** The number of `tf` candles that cover the window, within one page. */
function candlesFor(tf: Timeframe, window: { from: number; to: number }): number {
  const span = Number.isFinite(window.to - window.from) ? window.to - window.from : 500 * timeframeMs(tf);
  // Two more than the span holds: the newest candle is still open, and the range's start falls inside a candle.
  return Math.min(500, Math.max(2, Math.ceil(span / timeframeMs(tf)) + 3));
}

/**
 * Each market's candle closes by the candle's end over a window: fetched once per market for the answer; or why
 * they could not be had.
 */
type Closes = (stream: StreamId) => Promise<Map<number, number> | ErrorText>;

// An AppError by its key; any other error's own text as it was written.
function reasonOf(error: unknown): ErrorText {
  if (error instanceof AppError && error.text) return error.text;
  if (error instanceof Error) return text('notes', 'asWritten', { text: error.message });
  return text('notes', 'exchangeSilent');
}

function closesOver(deps: PerformanceDeps, tf: Timeframe, window: { from: number; to: number }): Closes {
  const ms = timeframeMs(tf);
  const pages = new Map<StreamId, Promise<Map<number, number> | ErrorText>>();
  return (stream) => {
    let page = pages.get(stream);
    if (!page) {
      page = deps.candles
        .candles(stream, tf, { limit: candlesFor(tf, window) })
        .then((answer) => new Map(answer.candles.map((c) => [c[0] + ms, c[4]])), reasonOf);
      pages.set(stream, page);
    }
    return page;
  };
}

async function benchmark(
  deps: PerformanceDeps,
  closesOf: Closes,
  asset: string,
  currency: string,
  range: PerformanceRange,
  window: { from: number; to: number },
  notes: ErrorText[],
): Promise<BenchmarkAnswer | null> {
  const exchange = deps.exchanges().find((id) => deps.hasMarket(id, `${asset}/${currency}`));
  if (!exchange) {
    notes.push(text('notes', 'noBenchmarkMarket', { asset, currency }));
    return null;
  }
  const stream = streamId(exchange, `${asset}/${currency}`);
  const ms = timeframeMs(BENCHMARK_TF[range]);
  const closes = await closesOf(stream);
  if (!(closes instanceof Map)) {
    notes.push(text('notes', 'noBenchmarkLine', { asset, reason: closes }));
    return null;
  }
  // A candle's close is the price at its end.
  const inWindow = [...closes]
    .filter(([t]) => t >= window.from && t <= window.to + ms)
    .map(([t, close]) => [t, new Decimal(String(close))] as const);
  const points = holdingReturn(inWindow).map(([t, r]): [number, string] => [t, fraction(r)]);
  return { stream, points };
}

/**
 * Each asset's contribution over the range on the grid of the range's candle ends, priced at those candles'
 * closes (converted at the closes of the conversion's markets); an asset or market without candles is named.
 */
async function contributionsOf(
  deps: PerformanceDeps,
  closesOf: Closes,
  userId: number,
  transactions: readonly Transaction[],
  currency: string,
  range: PerformanceRange,
  window: { from: number; to: number },
  twr: Decimal | null,
  notes: ErrorText[],
): Promise<ContributionsAnswer> {
  const tf = BENCHMARK_TF[range];
  const ms = timeframeMs(tf);
  const pricing = assetPricing(await deps.valuation(userId, currency, transactions));
  const closes = new Map<StreamId, Map<number, number>>();
  for (const stream of pricingStreams(pricing)) {
    const loaded = await closesOf(stream);
    // A market without candles prices nothing: its assets are named below as unpriced.
    if (loaded instanceof Map) closes.set(stream, loaded);
  }
  const price = (asset: string, t: number) =>
    priceAt(pricing.get(asset), (stream) => closes.get(stream)?.get(t));
  // The candle ends within the range, the first at or after its start.
  const grid: number[] = [];
  for (let t = Math.ceil(window.from / ms) * ms; t <= window.to; t += ms) grid.push(t);
  const result = contributions(transactions, grid, price);
  if (result.unpriced.length > 0)
    notes.push(
      text('notes', 'unpricedContributions', {
        timeframe: tf,
        assets: result.unpriced.join(', '),
        currency,
      }),
    );
  return {
    step: tf,
    assets: result.assets.map((a) => ({ asset: a.asset, contribution: fraction(a.contribution) })),
    total: result.total === null ? null : fraction(result.total),
    other: result.total === null || twr === null ? null : fraction(twr.minus(result.total)),
  };
}

/** The performance of `userId`'s portfolio over `range`, in `currency`. */
export async function performanceAnswer(
  deps: PerformanceDeps,
  userId: number,
  currency: string,
  range: PerformanceRange,
): Promise<PerformanceAnswer> {
  const notes: ErrorText[] = [];
  const now = deps.now();
  const start = now - SPAN[range];
  const all = await deps.history.history(userId, currency);
  const points = all
    .filter((p) => p.timeMs >= start)
    .map((p) => ({ timeMs: p.timeMs, value: new Decimal(p.value) }));
  const first = points[0];
  const last = points.at(-1);
  // One value measures no return: said, not shown as 0 %.
  if (!first || !last || points.length < 2) {
    notes.push(text('notes', points.length === 1 ? 'oneValue' : 'noValues'));
    return {
      currency,
      range,
      from: first?.timeMs ?? null,
      to: last?.timeMs ?? null,
      twr: null,
      points: points.map((p): [number, string, null] => [p.timeMs, p.value.toFixed(), null]),
      benchmarks: { BTC: null, ETH: null },
      contributions: { step: BENCHMARK_TF[range], assets: [], total: null, other: null },
      notes,
    };
  }
  const window = { from: first.timeMs, to: last.timeMs };
  const transactions = await deps.transactions(userId);
  const flows = await flowsOf(deps, transactions, currency, window, notes);
  const result = timeWeightedReturn(points, flows);
  const benchmarks = { BTC: null, ETH: null } as PerformanceAnswer['benchmarks'];
  const closesOf = closesOver(deps, BENCHMARK_TF[range], window);
  for (const asset of BENCHMARKS)
    benchmarks[asset] = await benchmark(deps, closesOf, asset, currency, range, window, notes);
  const parts = await contributionsOf(
    deps,
    closesOf,
    userId,
    transactions,
    currency,
    range,
    window,
    result.twr,
    notes,
  );
  return {
    currency,
    range,
    from: window.from,
    to: window.to,
    twr: result.twr === null ? null : fraction(result.twr),
    points: result.curve.map((p) => [p.timeMs, p.value.toFixed(), p.twr === null ? null : fraction(p.twr)]),
    benchmarks,
    contributions: parts,
    notes,
  };
}
