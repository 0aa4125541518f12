/**
 * The low and high of each minute of the markets move alerts watch (docs/protocol.md P7), kept as far back as
 * their longest window, so that every tick can be measured against its window's range at once.
 */
import type { Logger } from 'pino';
import type { StreamId } from '../../lib/protocol';
import { candleOpen, timeframeMs } from '../../lib/timeframes';
import type { Timeframe } from '../../lib/timeframes';
import type { CandleHistory } from '../candles/candle-history';
import { errorMessage } from '../feeds/feed-errors';
import type { WindowRange } from './conditions';

const MINUTE = 60_000;

/** The most minutes kept per stream: a day, the longest window an alert has. */
export const MAX_MINUTES = 1_440;

/** A market's lowest and highest price over a period: a minute of ticks, or a candle entered at its open. */
export interface PriceBucket {
  time: number;
  low: number;
  high: number;
}

/** Reads a stream's past `windowMs` from elsewhere (the exchange's candles), oldest first. */
export type MoveSeed = (stream: StreamId, windowMs: number) => Promise<PriceBucket[]>;

export interface MoveWindowsOptions {
  seed: MoveSeed;
  log: Pick<Logger, 'debug'>;
}

interface Watched {
  /** The longest window asked for, at most a day. */
  keepMs: number;
  /** By the minute's start, oldest first: pruning stops at the first minute it keeps. */
  minutes: Map<number, PriceBucket>;
  /** The latest minute held, and the latest time seen; windows are pruned back from the latter. */
  lastMinute: number;
  reach: number;
}

/**
 * Per watched stream, each minute's low and high. The caller names each stream with the longest window its
 * waiting move alerts look at (`watch`, which only widens) and drops it when none is left (`unwatch`); ticks of
 * other streams are ignored.
 */
export class MoveWindows {
  private readonly watched = new Map<StreamId, Watched>();

  constructor(private readonly options: MoveWindowsOptions) {}

  /**
   * Keeps `stream`'s minutes for `windowMs` at least, and reads the part of the window already past from the seed
   * when the stream is new or the window wider than before. Never rejects: a seed that fails is logged and the
   * window fills from the ticks.
   */
  async watch(stream: StreamId, windowMs: number): Promise<void> {
    if (!(windowMs > 0)) return;
    const keepMs = Math.min(windowMs, MAX_MINUTES * MINUTE);
    const current = this.watched.get(stream);
    if (current && current.keepMs >= keepMs) return;
    const watched = current ?? { keepMs, minutes: new Map(), lastMinute: -Infinity, reach: -Infinity };
    watched.keepMs = keepMs;
    this.watched.set(stream, watched);
    try {
      const past = await this.options.seed(stream, keepMs);
      // Unwatched while the candles were read, `watched` is no one's any more: the prices are lost with it.
      merge(watched, past);
    } catch (err) {
      this.options.log.debug(
        { stream, err: errorMessage(err) },
        'move window not seeded, filling from ticks',
      );
    }
  }

  /** Forgets `stream` and its minutes. */
  unwatch(stream: StreamId): void {
    this.watched.delete(stream);
  }

  /** Enters a live price of a watched stream into its minute; other streams, and prices ≤ 0, are ignored. */
  record(stream: StreamId, price: number, at: number): void {
    const watched = this.watched.get(stream);
    if (!watched || !Number.isFinite(price) || price <= 0 || !Number.isFinite(at)) return;
    const minute = candleOpen('1m', at);
    const bucket = watched.minutes.get(minute);
    if (bucket) {
      bucket.low = Math.min(bucket.low, price);
      bucket.high = Math.max(bucket.high, price);
    } else if (minute > watched.lastMinute) {
      watched.minutes.set(minute, { time: minute, low: price, high: price });
      watched.lastMinute = minute;
    } else {
      // A late tick for a minute that had none: rare, so the order is restored by sorting.
      merge(watched, [{ time: minute, low: price, high: price }]);
    }
    watched.reach = Math.max(watched.reach, at);
    prune(watched);
  }

  /**
   * The lowest and highest price over the minutes that overlap [now − windowMs, now]; null when none is known.
   * A day's window leaves out its farthest minute, which it covers only in part (MAX_MINUTES).
   */
  range(stream: StreamId, windowMs: number, now: number): WindowRange | null {
    const watched = this.watched.get(stream);
    if (!watched) return null;
    const from = candleOpen('1m', now - windowMs);
    let low = Infinity;
    let high = -Infinity;
    for (const [minute, bucket] of watched.minutes) {
      if (minute < from || minute > now) continue;
      low = Math.min(low, bucket.low);
      high = Math.max(high, bucket.high);
    }
    return low <= high ? { low, high } : null;
  }

  /** The minutes held for `stream` (0 when unwatched): for metrics and tests of the memory bound. */
  minutesKept(stream: StreamId): number {
    return this.watched.get(stream)?.minutes.size ?? 0;
  }
}

/** Enters buckets in any order (min and max are the same whichever came first), then restores the order. */
function merge(watched: Watched, buckets: readonly PriceBucket[]): void {
  let entered = false;
  for (const { time, low, high } of buckets) {
    if (!Number.isFinite(time) || !(low > 0) || !(high >= low) || !Number.isFinite(high)) continue;
    const minute = candleOpen('1m', time);
    const bucket = watched.minutes.get(minute);
    if (bucket) {
      bucket.low = Math.min(bucket.low, low);
      bucket.high = Math.max(bucket.high, high);
    } else watched.minutes.set(minute, { time: minute, low, high });
    watched.lastMinute = Math.max(watched.lastMinute, minute);
    watched.reach = Math.max(watched.reach, minute);
    entered = true;
  }
  if (!entered) return;
  watched.minutes = new Map([...watched.minutes].sort(([a], [b]) => a - b));
  prune(watched);
}

/** Drops the minutes no window asked at the latest time seen or after can overlap, and those past MAX_MINUTES. */
function prune(watched: Watched): void {
  const from = Math.max(
    candleOpen('1m', watched.reach - watched.keepMs),
    watched.lastMinute - (MAX_MINUTES - 1) * MINUTE,
  );
  for (const minute of watched.minutes.keys()) {
    if (minute >= from) break;
    watched.minutes.delete(minute);
  }
}

/** The seed's timeframes, finest first, with the longest window each reads in ~300 candles. */
const SEED_TIMEFRAMES: ReadonlyArray<readonly [Timeframe, number]> = [
  ['1m', 5 * 3_600_000],
  ['5m', 25 * 3_600_000],
  ['15m', 75 * 3_600_000],
];

/** The finest timeframe that covers `windowMs` in ~300 candles. */
export function seedTimeframe(windowMs: number): Timeframe {
  return (SEED_TIMEFRAMES.find(([, longest]) => windowMs <= longest) ?? ['15m'])[0];
}

/**
 * A seed from the exchange's candles: the closed ones covering the window, and the open one when the exchange
 * sent it. A candle coarser than a minute is entered as one bucket at its open minute, so the far edge of a long
 * window is only as fine as its candles: the oldest candle counts whole when it opens within the window, not at
 * all when it opens before.
 */
export function candleSeed(history: Pick<CandleHistory, 'candles'>): MoveSeed {
  return async (stream, windowMs) => {
    const tf = seedTimeframe(windowMs);
    // One more than the window holds: the newest closed candle ends up to a candle before now.
    const limit = Math.ceil(windowMs / timeframeMs(tf)) + 1;
    const page = await history.candles(stream, tf, { limit });
    const rows = page.open ? [...page.candles, page.open] : page.candles;
    return rows.map(([time, , high, low]) => ({ time, low, high }));
  };
}
