/** Pure shaping of the value history for drawing: time ranges, and resampling uneven points onto an even time grid. */

/** A point of the value history: [time in ms, value]. */
export type SeriesPoint = readonly [number, number];

/** The ranges the value-history chart offers, smallest first. */
export const VALUE_RANGES = ['1D', '1W', '1M', '1Y', 'ALL'] as const;

/** One of VALUE_RANGES. */
export type ValueRange = (typeof VALUE_RANGES)[number];

const DAY_MS = 86_400_000;

/** How far back each range reaches from now; a month is 30 days and a year 365. */
export const RANGE_MS: Readonly<Record<ValueRange, number>> = {
  '1D': DAY_MS,
  '1W': 7 * DAY_MS,
  '1M': 30 * DAY_MS,
  '1Y': 365 * DAY_MS,
  ALL: Infinity,
};

/**
 * The points no older than `range` before `now`, in their order; a point exactly at the range's start is in it.
 * Points newer than `now` are kept: the server's clock may run ahead of the browser's.
 */
export function pickRange<P extends SeriesPoint>(points: readonly P[], range: ValueRange, now: number): P[] {
  if (range === 'ALL') return [...points];
  const from = now - RANGE_MS[range];
  return points.filter(([time]) => time >= from);
}

/** The smallest range that holds every point ('ALL' when none smaller does, or when there are no points). */
export function defaultRange(points: readonly SeriesPoint[], now: number): ValueRange {
  if (points.length === 0) return 'ALL';
  const oldest = points.reduce((min, [time]) => Math.min(min, time), Infinity);
  return VALUE_RANGES.find((range) => oldest >= now - RANGE_MS[range]) ?? 'ALL';
}

/**
 * Turns uneven points into at most `slots` points evenly spaced in time from the first point to the last, each
 * slot taking the last value known at or before its time (carried forward), so a line drawn by index is drawn
 * to scale in time. The first slot is the first point's time and the last slot the last point's, so both real
 * ends are kept. Slots are never closer than the closest two points: finer ones would only repeat values, and
 * turn a line of evenly spaced points into steps (such points come back as they are). Points sharing one time
 * count as one: the last of them. Unsorted input is sorted first.
 */
export function resampleByTime(points: readonly SeriesPoint[], slots: number): Array<[number, number]> {
  const count = Math.floor(slots);
  if (points.length === 0 || count < 1) return [];
  const sorted = isAscending(points) ? points : [...points].sort((a, b) => a[0] - b[0]);
  const [firstTime] = sorted[0] as SeriesPoint;
  const [lastTime, lastValue] = sorted.at(-1) as SeriesPoint;
  // One slot, or no time between the ends: the latest value is the one that tells the most.
  if (count === 1 || lastTime === firstTime) return [[lastTime, lastValue]];
  const span = lastTime - firstTime;
  const used = Math.min(count, Math.ceil(span / smallestGap(sorted)) + 1);
  const out: Array<[number, number]> = [];
  let known = 0;
  for (let i = 0; i < used; i++) {
    // Dividing last keeps the error from adding up across slots, and the last slot lands exactly on the last point.
    const time = i === used - 1 ? lastTime : firstTime + (i * span) / (used - 1);
    while (known + 1 < sorted.length && (sorted[known + 1] as SeriesPoint)[0] <= time) known++;
    out.push([time, (sorted[known] as SeriesPoint)[1]]);
  }
  return out;
}

/**
 * How many of the leading points are backfilled daily values rather than recorded ones: the server dates a day's
 * value at the day's end, a UTC midnight, and a recorded value at the moment it was taken.
 */
export function dailyPointCount(points: readonly SeriesPoint[]): number {
  const index = points.findIndex(([time]) => time % DAY_MS !== 0);
  return index === -1 ? points.length : index;
}

// The smallest time between two successive points at different times; Infinity when all share one time.
function smallestGap(sorted: readonly SeriesPoint[]): number {
  let gap = Infinity;
  for (let i = 1; i < sorted.length; i++) {
    const step = (sorted[i] as SeriesPoint)[0] - (sorted[i - 1] as SeriesPoint)[0];
    if (step > 0) gap = Math.min(gap, step);
  }
  return gap;
}

function isAscending(points: readonly SeriesPoint[]): boolean {
  return points.every((point, i) => i === 0 || (points[i - 1] as SeriesPoint)[0] <= point[0]);
}

/** The recorded points with the live value at their right end, when there is a record and the live one is newer. */
export function withLiveEnd<P extends SeriesPoint>(recorded: readonly P[], live: P | null): readonly P[] {
  const newest = recorded.at(-1)?.[0];
  return live && newest !== undefined && live[0] > newest ? [...recorded, live] : recorded;
}
