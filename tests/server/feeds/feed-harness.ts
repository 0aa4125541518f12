/** Test helpers for exchange feeds: a recording FeedSink whose conditions can be awaited. */
import pino from 'pino';
import type { FeedState, FeedStatus } from '../../../lib/protocol';
import type { FeedSink, MarketInfo, PriceFields } from '../../../server/feeds/types';

export interface Tick {
  symbol: string;
  fields: PriceFields;
  receivedAt: number;
}

/** Records every sink call; until() resolves as soon as a condition holds, checked after each call. */
export class RecordingSink implements FeedSink {
  readonly ticks: Tick[] = [];
  readonly invalids: Array<{ symbol: string | null; reason: string }> = [];
  readonly statuses: FeedStatus[] = [];
  readonly marketLoads: Array<readonly MarketInfo[]> = [];
  private readonly checks = new Set<() => void>();

  ticker(symbol: string, fields: PriceFields, receivedAt: number): void {
    this.ticks.push({ symbol, fields, receivedAt });
    this.changed();
  }

  invalid(symbol: string | null, reason: string): void {
    this.invalids.push({ symbol, reason });
    this.changed();
  }

  status(status: FeedStatus): void {
    this.statuses.push(status);
    this.changed();
  }

  markets(markets: readonly MarketInfo[]): void {
    this.marketLoads.push(markets);
    this.changed();
  }

  /** The states reported, in order, without repeats. */
  states(): FeedState[] {
    const out: FeedState[] = [];
    for (const s of this.statuses) if (out[out.length - 1] !== s.state) out.push(s.state);
    return out;
  }

  lastStatus(): FeedStatus | undefined {
    return this.statuses[this.statuses.length - 1];
  }

  ticksFor(symbol: string, from = 0): Tick[] {
    return this.ticks.slice(from).filter((t) => t.symbol === symbol);
  }

  /** Resolves when `condition` holds (now or after a later sink call); rejects after `timeoutMs`. */
  until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!condition()) return;
        this.checks.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.checks.delete(check);
        reject(
          new Error(
            `timed out after ${timeoutMs} ms waiting for ${what}; states: ${this.states().join(' -> ')}`,
          ),
        );
      }, timeoutMs);
      this.checks.add(check);
    });
  }

  /** Resolves once a status with `state` is reported after the call (or already is the latest). */
  untilState(state: FeedState, timeoutMs: number, from = 0): Promise<void> {
    return this.until(
      () => this.statuses.slice(from).some((s) => s.state === state),
      timeoutMs,
      `state ${state}`,
    );
  }

  private changed(): void {
    for (const check of [...this.checks]) check();
  }
}

/** A logger for tests: silent unless FEED_TEST_LOG=debug (or another pino level) is set. */
export function testLogger(): pino.Logger {
  return pino({ level: process.env.FEED_TEST_LOG ?? 'silent' });
}

/** Observes that nothing happens for `ms`: only for asserting an absence, which no event can signal. */
export function quietFor(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** True when every price field the demo always sends is present and consistent. */
export function isComplete(fields: PriceFields): boolean {
  const { last, bid, ask, high, low, open, baseVolume, quoteVolume } = fields;
  const prices = [last, bid, ask, high, low, open];
  return (
    prices.every((p) => p !== null && Number.isFinite(p) && p > 0 && p < 1e12) &&
    bid! <= ask! &&
    baseVolume !== null &&
    baseVolume >= 0 &&
    quoteVolume !== null &&
    quoteVolume >= 0
  );
}
