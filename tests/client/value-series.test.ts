import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dailyPointCount,
  defaultRange,
  pickRange,
  resampleByTime,
  withLiveEnd,
} from '../../client/value-series';
import type { SeriesPoint } from '../../client/value-series';

const DAY = 86_400_000;
const MIN = 60_000;

/** Fixed so a run is reproducible; FC_SEED=<n> explores other series. */
const RUNS = { numRuns: 300, seed: Number(process.env.FC_SEED ?? 20_260_301) };

describe('resampleByTime', () => {
  it('spaces uneven points evenly in time, each slot taking the last value at or before it', () => {
    const points: SeriesPoint[] = [
      [0, 10],
      [10, 20],
      [11, 30],
      [40, 40],
    ];
    // Slots at 0, 10, 20, 30, 40: at 20 and 30 the latest value is the one of t = 11.
    expect(resampleByTime(points, 5)).toEqual([
      [0, 10],
      [10, 20],
      [20, 30],
      [30, 30],
      [40, 40],
    ]);
  });

  it('carries a value forward across a long gap instead of drawing a slope', () => {
    const points: SeriesPoint[] = [
      [0, 1],
      [10, 2],
      [50, 3],
    ];
    // Slots every 10 (the closest two points' gap): 20, 30 and 40 carry the value of t = 10.
    expect(resampleByTime(points, 10)).toEqual([
      [0, 1],
      [10, 2],
      [20, 2],
      [30, 2],
      [40, 2],
      [50, 3],
    ]);
  });

  it('gives daily points their share of the width and squeezes the dense recorded ones', () => {
    const end = 2 * DAY + 10 * MIN;
    const points: SeriesPoint[] = [
      [0, 100],
      [DAY, 110],
      [2 * DAY, 120],
      [2 * DAY + 5 * MIN, 121],
      [end, 122],
    ];
    // By index the two days would take half the line; by time they take all of it but the last 10 minutes.
    expect(resampleByTime(points, 3)).toEqual([
      [0, 100],
      [end / 2, 110],
      [end, 122],
    ]);
  });

  it('uses fewer slots than asked when the points are coarser, keeping both real ends', () => {
    const points: SeriesPoint[] = [
      [0, 5],
      [30, 7],
      [90, 9],
    ];
    // Seven slots would be 15 apart; the closest points are 30 apart, so four slots do: 0, 30, 60, 90.
    expect(resampleByTime(points, 7)).toEqual([
      [0, 5],
      [30, 7],
      [60, 7],
      [90, 9],
    ]);
  });

  it('gives back evenly spaced points as they are: a month of daily closes is not drawn as steps', () => {
    const days: SeriesPoint[] = Array.from({ length: 30 }, (_, i) => [20_000 * DAY + i * DAY, 100 + (i % 7)]);
    expect(resampleByTime(days, 90)).toEqual(days);
  });

  it('places slots between whole milliseconds when the span does not divide', () => {
    const out = resampleByTime(
      [
        [0, 1],
        [1, 5],
        [10, 2],
      ],
      4,
    );
    expect(out.map(([t]) => t)).toEqual([0, 10 / 3, 20 / 3, 10]);
    expect(out.map(([, v]) => v)).toEqual([1, 5, 5, 2]);
  });

  it('returns nothing for no points or no slots, and a single point as it is', () => {
    expect(resampleByTime([], 120)).toEqual([]);
    expect(resampleByTime([[5, 1]], 0)).toEqual([]);
    expect(resampleByTime([[5, 1]], 120)).toEqual([[5, 1]]);
  });

  it('keeps the latest value when one slot is asked for or all points share one time', () => {
    const points: SeriesPoint[] = [
      [0, 1],
      [50, 2],
      [100, 3],
    ];
    expect(resampleByTime(points, 1)).toEqual([[100, 3]]);
    expect(
      resampleByTime(
        [
          [7, 1],
          [7, 2],
        ],
        10,
      ),
    ).toEqual([[7, 2]]);
  });

  it('sorts points that arrive out of order', () => {
    expect(
      resampleByTime(
        [
          [20, 3],
          [0, 1],
          [10, 2],
        ],
        3,
      ),
    ).toEqual([
      [0, 1],
      [10, 2],
      [20, 3],
    ]);
  });

  it('outputs at most `slots` evenly spaced, ascending times from the first point to the last, valued from the input', () => {
    // Clusters of dense points far apart, as daily values followed by 5-minute recordings come.
    const time = fc.oneof(
      fc.integer({ min: 1_600_000_000_000, max: 1_800_000_000_000 }),
      fc.integer({ min: 1_780_000_000_000, max: 1_780_000_600_000 }),
    );
    const value = fc.double({ min: -1e9, max: 1e9, noNaN: true });
    const series = fc
      .array(fc.tuple(time, value), { minLength: 2, maxLength: 200 })
      .map((points) => points.sort((a, b) => a[0] - b[0]));
    fc.assert(
      fc.property(series, fc.integer({ min: 2, max: 300 }), (points, slots) => {
        const out = resampleByTime(points, slots);
        const first = points[0] as SeriesPoint;
        const last = points.at(-1) as SeriesPoint;
        expect(out.length).toBeLessThanOrEqual(slots);
        expect(out[0]?.[0]).toBe(first[0]);
        expect(out.at(-1)).toEqual([last[0], last[1]]);
        if (first[0] === last[0]) return;
        const step = (last[0] - first[0]) / (out.length - 1);
        const values = new Set(points.map(([, v]) => v));
        out.forEach(([t, v], i) => {
          expect(Math.abs(t - (first[0] + i * step))).toBeLessThan(0.01);
          if (i > 0) expect(t).toBeGreaterThan((out[i - 1] as SeriesPoint)[0]);
          expect(values.has(v)).toBe(true);
          // Carry-forward: the value of the latest point at or before the slot.
          expect(v).toBe(points.filter(([pt]) => pt <= t).at(-1)?.[1]);
        });
      }),
      RUNS,
    );
  });
  it('gives back any evenly spaced series of no more points than slots unchanged', () => {
    const even = fc
      .record({
        start: fc.integer({ min: 1_600_000_000_000, max: 1_800_000_000_000 }),
        step: fc.integer({ min: 1, max: 30 * DAY }),
        values: fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 2, maxLength: 120 }),
      })
      .map(({ start, step, values }) => values.map((v, i): SeriesPoint => [start + i * step, v]));
    fc.assert(
      fc.property(even, fc.integer({ min: 0, max: 200 }), (points, extra) => {
        expect(resampleByTime(points, points.length + extra)).toEqual(points);
      }),
      RUNS,
    );
  });
});

describe('pickRange', () => {
  const now = 400 * DAY;
  const points: SeriesPoint[] = [
    [0, 1],
    [now - 365 * DAY - 1, 2],
    [now - 365 * DAY, 3],
    [now - 30 * DAY, 4],
    [now - 7 * DAY - 1, 5],
    [now - DAY, 6],
    [now - 1, 7],
    [now + 5_000, 8],
  ];
  const values = (range: Parameters<typeof pickRange>[1]) => pickRange(points, range, now).map(([, v]) => v);

  it('keeps a point exactly at the range start and drops the one a millisecond older', () => {
    expect(values('1D')).toEqual([6, 7, 8]);
    expect(values('1W')).toEqual([6, 7, 8]);
    expect(values('1M')).toEqual([4, 5, 6, 7, 8]);
    expect(values('1Y')).toEqual([3, 4, 5, 6, 7, 8]);
  });

  it('keeps everything for ALL, and points ahead of the clock for every range', () => {
    expect(values('ALL')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(pickRange([[now + DAY, 1]], '1D', now)).toEqual([[now + DAY, 1]]);
  });

  it('returns nothing from no points', () => {
    expect(pickRange([], '1D', now)).toEqual([]);
    expect(pickRange([], 'ALL', now)).toEqual([]);
  });
});

describe('defaultRange', () => {
  const now = 1_000 * DAY;

  it('is the smallest range that holds the oldest point, edges included', () => {
    expect(defaultRange([[now - 20 * 60 * MIN, 1]], now)).toBe('1D');
    expect(defaultRange([[now - DAY, 1]], now)).toBe('1D');
    expect(defaultRange([[now - DAY - 1, 1]], now)).toBe('1W');
    expect(
      defaultRange(
        [
          [now - 40 * DAY, 1],
          [now - MIN, 2],
        ],
        now,
      ),
    ).toBe('1Y');
  });

  it('counts from now, so points that stopped days ago get the range that still holds them', () => {
    expect(
      defaultRange(
        [
          [now - 6 * DAY, 1],
          [now - 5 * DAY, 2],
        ],
        now,
      ),
    ).toBe('1W');
  });

  it('is ALL past a year, and with no points', () => {
    expect(defaultRange([[now - 366 * DAY, 1]], now)).toBe('ALL');
    expect(defaultRange([], now)).toBe('ALL');
  });
});

describe('dailyPointCount', () => {
  it('counts the leading points at UTC midnights, where the server dates daily values', () => {
    const points: SeriesPoint[] = [
      [20_000 * DAY, 1],
      [20_001 * DAY, 2],
      [20_001 * DAY + 123, 3],
      [20_001 * DAY + 5 * MIN + 123, 4],
    ];
    expect(dailyPointCount(points)).toBe(2);
    expect(dailyPointCount(points.slice(2))).toBe(0);
    expect(dailyPointCount(points.slice(0, 2))).toBe(2);
    expect(dailyPointCount([])).toBe(0);
  });
});

describe('withLiveEnd', () => {
  const records: SeriesPoint[] = [
    [1_000, 10],
    [2_000, 11],
  ];

  it('[P6] ends the line at the live value, so one record already draws a line', () => {
    expect(withLiveEnd(records, [2_500, 12])).toEqual([...records, [2_500, 12]]);
    expect(withLiveEnd([[1_000, 10]], [1_500, 12])).toHaveLength(2);
  });

  it('[P6] adds nothing without a record, a live value, or when the newest record is as new', () => {
    expect(withLiveEnd([], [2_500, 12])).toEqual([]);
    expect(withLiveEnd(records, null)).toBe(records);
    expect(withLiveEnd(records, [2_000, 12])).toBe(records);
  });
});
