/**
 * The price range a move alert measures over (P7): each minute's low and high from the live ticks, the past part
 * of a window read from the exchange's candles, and a day's worth of minutes at most.
 */
import { describe, expect, it } from 'vitest';
import { MAX_MINUTES, MoveWindows, candleSeed } from '../../server/alerts/move-windows';
import type { MoveSeed, PriceBucket } from '../../server/alerts/move-windows';
import type { CandleHistory, CandlePage } from '../../server/candles/candle-history';
import type { CandleRow } from '../../lib/protocol';
import type { Timeframe } from '../../lib/timeframes';

const BTC = 'binance:BTC/USDT';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Now, 20 s into a minute, as a tick's receive time would be. */
const NOW = Date.UTC(2026, 0, 15, 12, 0, 20);
const ago = (ms: number) => NOW - ms;

function windows(seed: MoveSeed = async () => []) {
  const logged: unknown[] = [];
  const moves = new MoveWindows({ seed, log: { debug: (...args: unknown[]) => logged.push(args) } });
  return { moves, logged };
}

/** A seed the test answers by hand, to see what happens while the exchange is being asked. */
function pendingSeed() {
  const asked: number[] = [];
  let answer: (buckets: PriceBucket[]) => void = () => {};
  const seed: MoveSeed = (_stream, windowMs) => {
    asked.push(windowMs);
    return new Promise((resolve) => (answer = resolve));
  };
  return { seed, asked, answer: (buckets: PriceBucket[]) => answer(buckets) };
}

describe('move windows from ticks', () => {
  it('[P7] the range is the lowest and highest tick of the window', async () => {
    const { moves } = windows();
    await moves.watch(BTC, HOUR);
    moves.record(BTC, 100, ago(30 * MINUTE));
    moves.record(BTC, 96.5, ago(20 * MINUTE));
    moves.record(BTC, 104, ago(19 * MINUTE + 10_000));
    moves.record(BTC, 101, NOW);
    expect(moves.range(BTC, HOUR, NOW)).toEqual({ low: 96.5, high: 104 });
    expect(moves.range(BTC, 15 * MINUTE, NOW)).toEqual({ low: 101, high: 101 });
  });

  it('[P7] nothing is known of a stream not watched, or watched without a tick yet', async () => {
    const { moves } = windows();
    moves.record(BTC, 100, NOW);
    expect(moves.range(BTC, HOUR, NOW)).toBeNull();
    await moves.watch(BTC, HOUR);
    expect(moves.range(BTC, HOUR, NOW)).toBeNull();
  });

  it('[P7] prices that are no price are ignored', async () => {
    const { moves } = windows();
    await moves.watch(BTC, HOUR);
    for (const bad of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) moves.record(BTC, bad, ago(MINUTE));
    moves.record(BTC, 100, Number.NaN);
    expect(moves.range(BTC, HOUR, NOW)).toBeNull();
    moves.record(BTC, 100, NOW);
    expect(moves.range(BTC, HOUR, NOW)).toEqual({ low: 100, high: 100 });
  });

  it('[P7] a low 61 minutes ago is outside the hour; one 59 minutes ago is inside', async () => {
    const { moves } = windows();
    await moves.watch(BTC, HOUR);
    moves.record(BTC, 80, ago(61 * MINUTE));
    moves.record(BTC, 100, ago(30 * MINUTE));
    moves.record(BTC, 101, NOW);
    expect(moves.range(BTC, HOUR, NOW)).toEqual({ low: 100, high: 101 });
    moves.record(BTC, 90, ago(59 * MINUTE));
    expect(moves.range(BTC, HOUR, NOW)).toEqual({ low: 90, high: 101 });
    // Two minutes later the 59-minute-old low is more than an hour old.
    expect(moves.range(BTC, HOUR, NOW + 2 * MINUTE)).toEqual({ low: 100, high: 101 });
  });

  it('[P7] a tick that arrives late still counts in its own minute', async () => {
    const { moves } = windows();
    await moves.watch(BTC, HOUR);
    moves.record(BTC, 100, ago(10 * MINUTE));
    moves.record(BTC, 101, NOW);
    moves.record(BTC, 95, ago(5 * MINUTE));
    expect(moves.range(BTC, HOUR, NOW)).toEqual({ low: 95, high: 101 });
    expect(moves.range(BTC, 3 * MINUTE, NOW)).toEqual({ low: 101, high: 101 });
  });
});

describe('watching', () => {
  it('[P7] widening a watch keeps the ticks from then on for the wider window, and reads its past', async () => {
    const seed = pendingSeed();
    const { moves } = windows(seed.seed);
    const watching = moves.watch(BTC, 5 * MINUTE);
    seed.answer([]);
    await watching;
    for (let m = 90; m >= 60; m--) moves.record(BTC, 200 - m, ago(m * MINUTE));
    // Only the last five minutes were kept: the hour's low is no older than that.
    expect(moves.range(BTC, HOUR, ago(60 * MINUTE))?.low).toBeGreaterThanOrEqual(135);

    const widening = moves.watch(BTC, HOUR);
    expect(seed.asked).toEqual([5 * MINUTE, HOUR]);
    seed.answer([]);
    await widening;
    for (let m = 59; m >= 0; m--) moves.record(BTC, 200 - m, ago(m * MINUTE));
    expect(moves.range(BTC, HOUR, NOW)).toEqual({ low: 140, high: 200 });

    // A narrower watch afterwards keeps the wider window.
    await moves.watch(BTC, 5 * MINUTE);
    expect(seed.asked).toHaveLength(2);
    moves.record(BTC, 200, NOW + 30 * MINUTE);
    expect(moves.range(BTC, HOUR, NOW + 30 * MINUTE)?.low).toBe(170);
  });

  it('[P7] unwatch forgets the stream: its range, its later ticks, and a seed still on its way', async () => {
    const seed = pendingSeed();
    const { moves } = windows(seed.seed);
    const watching = moves.watch(BTC, HOUR);
    moves.record(BTC, 100, NOW);
    moves.unwatch(BTC);
    seed.answer([{ time: ago(30 * MINUTE), low: 50, high: 150 }]);
    await watching;
    expect(moves.range(BTC, HOUR, NOW)).toBeNull();
    moves.record(BTC, 101, NOW);
    expect(moves.range(BTC, HOUR, NOW)).toBeNull();
    expect(moves.minutesKept(BTC)).toBe(0);

    const again = moves.watch(BTC, HOUR);
    seed.answer([]);
    await again;
    moves.record(BTC, 102, NOW);
    expect(moves.range(BTC, HOUR, NOW)).toEqual({ low: 102, high: 102 });
  });
});

describe('seeding', () => {
  it('[P7] the past of the window comes from the seed, merged with the ticks', async () => {
    const seed = pendingSeed();
    const { moves } = windows(seed.seed);
    const watching = moves.watch(BTC, HOUR);
    // Ticks while the exchange is asked are kept.
    moves.record(BTC, 100, NOW);
    seed.answer([
      { time: ago(70 * MINUTE), low: 10, high: 500 },
      { time: ago(45 * MINUTE), low: 90, high: 110 },
      { time: ago(MINUTE), low: 99, high: 120 },
      // Not prices: skipped.
      { time: ago(2 * MINUTE), low: 0, high: 1_000 },
      { time: ago(3 * MINUTE), low: Number.NaN, high: 1_000 },
    ]);
    await watching;
    expect(moves.range(BTC, HOUR, NOW)).toEqual({ low: 90, high: 120 });
    expect(moves.range(BTC, 5 * MINUTE, NOW)).toEqual({ low: 99, high: 120 });
  });

  it('[P7] a seed that fails is logged and the window fills from the ticks', async () => {
    const { moves, logged } = windows(() => Promise.reject(new Error('exchange down')));
    await expect(moves.watch(BTC, HOUR)).resolves.toBeUndefined();
    expect(JSON.stringify(logged)).toContain('exchange down');
    moves.record(BTC, 100, ago(10 * MINUTE));
    moves.record(BTC, 103, NOW);
    expect(moves.range(BTC, HOUR, NOW)).toEqual({ low: 100, high: 103 });
  });

  it('[P7] a seed that throws at once does not reject either', async () => {
    const { moves } = windows(() => {
      throw new Error('no candles');
    });
    await expect(moves.watch(BTC, HOUR)).resolves.toBeUndefined();
    moves.record(BTC, 100, NOW);
    expect(moves.range(BTC, HOUR, NOW)).toEqual({ low: 100, high: 100 });
  });
});

describe('memory', () => {
  it('[P7] a day and more of ticks keeps at most a day of minutes, and the day still counts', async () => {
    const { moves } = windows();
    await moves.watch(BTC, 24 * HOUR);
    const start = ago(26 * HOUR);
    for (let at = start; at <= NOW; at += 20_000) moves.record(BTC, 100, at);
    moves.record(BTC, 70, ago(23 * HOUR));
    moves.record(BTC, 60, ago(25 * HOUR));
    expect(moves.minutesKept(BTC)).toBeLessThanOrEqual(MAX_MINUTES);
    expect(moves.minutesKept(BTC)).toBeGreaterThanOrEqual(MAX_MINUTES - 1);
    expect(moves.range(BTC, 24 * HOUR, NOW)).toEqual({ low: 70, high: 100 });
  });

  it('[P7] a shorter window keeps only its own minutes', async () => {
    const { moves } = windows();
    await moves.watch(BTC, HOUR);
    for (let at = ago(5 * HOUR); at <= NOW; at += 20_000) moves.record(BTC, 100, at);
    expect(moves.minutesKept(BTC)).toBeLessThanOrEqual(61);
  });

  it('[P7] a window asked for longer than a day is kept for a day', async () => {
    const asked: number[] = [];
    const { moves } = windows(async (_stream, windowMs) => {
      asked.push(windowMs);
      return [];
    });
    await moves.watch(BTC, 48 * HOUR);
    expect(asked).toEqual([24 * HOUR]);
    for (let at = ago(30 * HOUR); at <= NOW; at += MINUTE) moves.record(BTC, 100, at);
    expect(moves.minutesKept(BTC)).toBeLessThanOrEqual(MAX_MINUTES);
  });
});

describe('candleSeed', () => {
  /** A candle history that answers from the given rows and notes what it was asked. */
  function history(rows: CandleRow[], open: CandleRow | null = null) {
    const asked: Array<{ stream: string; tf: Timeframe; limit: number }> = [];
    const candles: Pick<CandleHistory, 'candles'> = {
      candles: async (stream, tf, { limit }): Promise<CandlePage> => {
        asked.push({ stream, tf, limit });
        return { candles: rows.slice(-limit), more: true, open };
      },
    };
    return { candles, asked };
  }

  it('[P7] an hour is read in one-minute candles, covering the window', async () => {
    const rows: CandleRow[] = [
      [ago(2 * MINUTE + 20_000), 100, 104, 98, 101, 3],
      [ago(MINUTE + 20_000), 101, 102, 99.5, 100, 2],
    ];
    const fake = history(rows, [ago(20_000), 100, 100.5, 99.9, 100.2, 1]);
    const buckets = await candleSeed(fake.candles)(BTC, HOUR);
    expect(fake.asked).toEqual([{ stream: BTC, tf: '1m', limit: 61 }]);
    expect(buckets).toEqual([
      { time: ago(2 * MINUTE + 20_000), low: 98, high: 104 },
      { time: ago(MINUTE + 20_000), low: 99.5, high: 102 },
      { time: ago(20_000), low: 99.9, high: 100.5 },
    ]);
  });

  it('[P7] longer windows are read in coarser candles, about 300 at most', async () => {
    const fake = history([]);
    const seed = candleSeed(fake.candles);
    await seed(BTC, 4 * HOUR);
    await seed(BTC, 24 * HOUR);
    expect(fake.asked.map(({ tf, limit }) => [tf, limit])).toEqual([
      ['1m', 241],
      ['5m', 289],
    ]);
  });

  it('[P7] a coarse candle counts from its open: one opening before the day does not count, one within it does', async () => {
    const open5m = (time: number) => time - (time % (5 * MINUTE));
    const rows: CandleRow[] = [
      [open5m(ago(24 * HOUR)), 100, 300, 50, 100, 1],
      [open5m(ago(24 * HOUR)) + 5 * MINUTE, 100, 120, 80, 100, 1],
    ];
    const { moves } = windows(candleSeed(history(rows).candles));
    await moves.watch(BTC, 24 * HOUR);
    moves.record(BTC, 100, NOW);
    expect(moves.range(BTC, 24 * HOUR, NOW)).toEqual({ low: 80, high: 120 });
  });

  it('[P7] an exchange that refuses candles leaves the window to the ticks', async () => {
    const refusing: Pick<CandleHistory, 'candles'> = {
      candles: () => Promise.reject(new Error('timeframe not offered')),
    };
    const { moves, logged } = windows(candleSeed(refusing));
    await moves.watch(BTC, HOUR);
    expect(logged).toHaveLength(1);
    moves.record(BTC, 100, NOW);
    expect(moves.range(BTC, HOUR, NOW)).toEqual({ low: 100, high: 100 });
  });
});
