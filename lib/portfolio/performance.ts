/**
 * Time-weighted return (docs/protocol.md P11): the portfolio's growth with money moved in or out taken away, so
 * that a deposit is not performance. Between two value points the return is (value at the end − the flows
 * nearer its end) / (value at the start + the flows nearer its start) − 1: a flow counts as made at the end of
 * the interval it falls in that it is nearer to. The returns chain. An interval that starts at no value (before
 * anything was held) has no return and is left out.
 */
import { Decimal, ZERO } from './decimal';

/** The portfolio's value at a time, in its currency. */
export interface ValuePoint {
  timeMs: number;
  value: Decimal;
}

/** Money moved into (positive) or out of (negative) the portfolio at a time, valued in its currency. */
export interface Flow {
  timeMs: number;
  amount: Decimal;
}

/** The return since the first point at each point (null until something was held), and over the whole series. */
export interface TimeWeighted {
  curve: Array<{ timeMs: number; value: Decimal; twr: Decimal | null }>;
  twr: Decimal | null;
}

const ONE = new Decimal(1);

/** The time-weighted return of `points` (any order) with `flows`; flows at or before the first point are in it. */
export function timeWeightedReturn(points: readonly ValuePoint[], flows: readonly Flow[]): TimeWeighted {
  const sorted = [...points].sort((a, b) => a.timeMs - b.timeMs);
  const moves = [...flows].sort((a, b) => a.timeMs - b.timeMs);
  const curve: TimeWeighted['curve'] = [];
  let growth: Decimal | null = null;
  let next = 0;
  sorted.forEach((point, i) => {
    const previous = sorted[i - 1];
    let atStart = ZERO;
    let atEnd = ZERO;
    while (next < moves.length && (moves[next] as Flow).timeMs <= point.timeMs) {
      const flow = moves[next] as Flow;
      if (previous && flow.timeMs - previous.timeMs <= point.timeMs - flow.timeMs)
        atStart = atStart.plus(flow.amount);
      else if (previous) atEnd = atEnd.plus(flow.amount);
      next += 1;
    }
    const base = previous ? previous.value.plus(atStart) : ZERO;
    if (base.greaterThan(0)) growth = (growth ?? ONE).times(point.value.minus(atEnd).dividedBy(base));
    else if (point.value.greaterThan(0) && growth === null) growth = ONE;
    curve.push({ timeMs: point.timeMs, value: point.value, twr: growth === null ? null : growth.minus(1) });
  });
  return { curve, twr: curve.at(-1)?.twr ?? null };
}

/** A price series as the change since its first price: what holding it over the same time returned. */
export function holdingReturn(prices: ReadonlyArray<readonly [number, Decimal]>): Array<[number, Decimal]> {
  const first = prices[0]?.[1];
  if (!first || !first.greaterThan(0)) return [];
  return prices.map(([timeMs, price]) => [timeMs, price.dividedBy(first).minus(1)]);
}
