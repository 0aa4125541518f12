/**
 * Backfills each user's value history: their value at the end of every past day since their first transaction,
 * from the exchanges' daily closes (ccxt fetchOHLCV). Runs in the background, one user at a time, again after
 * any change of transactions or currency, and once a day for the day that ended.
 */
import type { Logger } from 'pino';
import { assetPricing, dailyValues, pricingStreams } from './past-values';
import type { LocaleChoice } from '../../lib/i18n/locales';
import { formatDecimal } from '../../lib/portfolio/decimal';
import type { StreamId } from '../../lib/protocol';
import { DAY_MS, dayStart } from '../feeds/candles';
import type { CandleSource } from '../feeds/candles';
import { text, wordText } from '../errors';
import type { ErrorText } from '../errors';
import type { ValueHistoryStore } from '../store/value-history-store';
import type { PortfolioService } from './portfolio-service';

/** Days looked back at most: ten years. */
export const MAX_BACKFILL_DAYS = 3650;

/** Decimals kept of a backfilled value: a daily close times a quantity needs no more. */
const VALUE_DECIMALS = 8;

/** Where a user's backfill stands, as GET /api/v1/portfolio/history shows it (`statusIn` words its message). */
export interface BackfillStatus {
  state: 'none' | 'pending' | 'running' | 'done' | 'failed';
  /** Days valued by the last run. */
  days: number;
  /** Why some or all days could not be valued; null when all were. */
  message: ErrorText | null;
}

/** The status as it is sent: its message worded in `locale`'s language. */
export function statusIn(status: BackfillStatus, locale: LocaleChoice) {
  return { ...status, message: status.message && wordText(status.message, locale) };
}

/** Messages joined "a; b; c", first to last. */
function listOf(reasons: readonly ErrorText[]): ErrorText | null {
  const [first, ...rest] = reasons;
  if (!first) return null;
  const tail = listOf(rest);
  return tail ? text('notes', 'reasonList', { first, rest: tail }) : first;
}

export interface BackfillDeps {
  portfolio: Pick<PortfolioService, 'list' | 'valuationMarkets'>;
  currency(userId: number): Promise<string>;
  users(): Promise<number[]>;
  candles: CandleSource;
  store: Pick<ValueHistoryStore, 'replaceDaily'>;
  log: Logger;
  now?: () => number;
  /** Wait after a change before working, so an import or a burst of edits costs one run. */
  debounceMs?: number;
  /**
   * False on the instances of a cluster that do not run the feeds: the runs for every user (at start, when a day
   * ends) are the feed leader's, which calls scheduleAll() when it takes over. A change still runs where it came.
   */
  active?: () => boolean;
}

export class ValueBackfill {
  private readonly queue = new Set<number>();
  private readonly statuses = new Map<number, BackfillStatus>();
  private timer: NodeJS.Timeout | null = null;
  private daily: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private lastDay = 0;
  private closed = false;
  private readonly now: () => number;

  constructor(private readonly deps: BackfillDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Backfills every user now, then checks hourly for a day that ended. */
  start(): void {
    const active = this.deps.active ?? (() => true);
    this.lastDay = dayStart(this.now());
    if (active()) this.scheduleAll();
    this.daily = setInterval(() => {
      const today = dayStart(this.now());
      if (today === this.lastDay) return;
      this.lastDay = today;
      if (active()) this.scheduleAll();
    }, 3_600_000);
    this.daily.unref();
  }

  /** Queues every user's backfill. */
  scheduleAll(): void {
    this.deps.users().then(
      (users) => users.forEach((user) => this.schedule(user)),
      (err: unknown) => this.deps.log.warn({ err }, 'could not list the users to backfill'),
    );
  }

  /** Queues a user's backfill (again). */
  schedule(userId: number): void {
    if (this.closed) return;
    this.queue.add(userId);
    const status = this.statuses.get(userId);
    this.statuses.set(userId, {
      days: status?.days ?? 0,
      message: status?.message ?? null,
      state: 'pending',
    });
    if (this.timer || this.running) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.drain().finally(() => (this.running = null));
    }, this.deps.debounceMs ?? 1_000);
    this.timer.unref();
  }

  status(userId: number): BackfillStatus {
    return this.statuses.get(userId) ?? { state: 'none', days: 0, message: null };
  }

  /** Resolves once nothing is queued or running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.timer || this.running || this.queue.size > 0) {
      await (this.running ?? new Promise((r) => setTimeout(r, 50)));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.queue.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.daily) clearInterval(this.daily);
    await this.running;
  }

  private async drain(): Promise<void> {
    for (const userId of this.queue) {
      this.queue.delete(userId);
      if (this.closed) return;
      this.statuses.set(userId, { ...this.status(userId), state: 'running' });
      try {
        this.statuses.set(userId, await this.run(userId));
      } catch (err) {
        this.deps.log.warn({ err, user: userId }, 'portfolio backfill failed');
        this.statuses.set(userId, {
          state: 'failed',
          days: 0,
          message: text('notes', 'backfillFailed'),
        });
      }
    }
  }

  private async run(userId: number): Promise<BackfillStatus> {
    const transactions = await this.deps.portfolio.list(userId);
    const currency = await this.deps.currency(userId);
    const now = this.now();
    const today = dayStart(now);
    const first = Math.min(...transactions.map((t) => t.timeMs));
    if (transactions.length === 0 || dayStart(first) >= today) {
      await this.deps.store.replaceDaily(userId, []);
      return { state: 'none', days: 0, message: null };
    }
    const fromDay = Math.max(dayStart(first), today - MAX_BACKFILL_DAYS * DAY_MS);
    const markets = await this.deps.portfolio.valuationMarkets(userId, currency);
    const pricing = assetPricing(markets);
    const unpriced = [...pricing].flatMap(([asset, how]) => (how ? [] : [asset]));
    const streams = pricingStreams(pricing);
    const closes = new Map<StreamId, Map<number, number>>();
    const noHistory: string[] = [];
    for (const stream of streams) {
      const found = await this.deps.candles.dailyCloses(stream, fromDay, now).catch((err: unknown) => {
        this.deps.log.warn({ err, stream }, 'could not fetch daily closes');
        return new Map<number, number>();
      });
      if (found.size === 0) noHistory.push(stream);
      closes.set(stream, found);
    }
    const days: number[] = [];
    for (let day = fromDay; day < today; day += DAY_MS) days.push(day);
    const values = dailyValues(transactions, days, pricing, (stream, day) => closes.get(stream)?.get(day));
    await this.deps.store.replaceDaily(
      userId,
      values.map((v) => ({
        timeMs: v.timeMs,
        currency,
        value: formatDecimal(v.value.toDecimalPlaces(VALUE_DECIMALS)),
      })),
    );
    const reasons = listOf([
      ...(unpriced.length > 0
        ? [text('notes', 'unpricedAssets', { assets: unpriced.join(', '), currency })]
        : []),
      ...(noHistory.length > 0 ? [text('notes', 'noDailyHistory', { streams: noHistory.join(', ') })] : []),
      ...(values.length < days.length && noHistory.length === 0 && unpriced.length === 0
        ? [
            // Day counts as digits alone, as the English always wrote them.
            text('notes', 'daysWithoutClose', {
              missing: String(days.length - values.length),
              days: String(days.length),
            }),
          ]
        : []),
    ]);
    return {
      state: 'done',
      days: values.length,
      message: reasons && text('notes', 'backfillGaps', { reasons }),
    };
  }
}
