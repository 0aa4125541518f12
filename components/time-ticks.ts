/**
 * The time axis's ticks: every k-th candle on a grid counted from 1970, so that a label stays on its candle while
 * the chart pans, with k the first of a few round multiples that leaves at most `most` ticks.
 */
const MULTIPLES = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256];

export function timeTicks(times: readonly number[], step: number, most: number): number[] {
  const k = MULTIPLES.find((m) => times.length / m <= most) ?? Math.ceil(times.length / most);
  return times.filter((t) => Math.floor(t / step) % k === 0);
}
