import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../lib/portfolio/decimal';
import { holdingReturn, timeWeightedReturn } from '../../../lib/portfolio/performance';
import type { Flow, ValuePoint } from '../../../lib/portfolio/performance';

const DAY = 86_400_000;
const price = fc.integer({ min: 1, max: 1_000_000 }).map((n) => new Decimal(n).dividedBy(100));
const quantity = fc.integer({ min: 1, max: 10_000 }).map((n) => new Decimal(n).dividedBy(1000));
const close = (a: Decimal | null, b: Decimal | null) =>
  a !== null && b !== null && a.minus(b).abs().lessThan('1e-20');

describe('time-weighted return (P11)', () => {
  it('[P11] a constant value returns nothing', () => {
    fc.assert(
      fc.property(price, fc.integer({ min: 2, max: 30 }), (value, n) => {
        const points = Array.from({ length: n }, (_, i) => ({ timeMs: i * DAY, value }));
        expect(timeWeightedReturn(points, []).twr?.isZero()).toBe(true);
      }),
    );
  });

  it('[P11] deposits and withdrawals at any time, with no change of price, do not change the return', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(price, fc.integer({ min: -50, max: 50 })), { minLength: 2, maxLength: 40 }),
        quantity,
        (days, start) => {
          // One asset; each day its price moves, then some units come in or go out at that day's price.
          let held = start;
          const points: ValuePoint[] = [];
          const flows: Flow[] = [];
          const withoutFlows: ValuePoint[] = [];
          days.forEach(([p, units], i) => {
            const moved = Decimal.max(new Decimal(units).dividedBy(100), held.negated().plus('0.001'));
            if (i > 0) flows.push({ timeMs: i * DAY, amount: moved.times(p) });
            if (i > 0) held = held.plus(moved);
            points.push({ timeMs: i * DAY, value: held.times(p) });
            withoutFlows.push({ timeMs: i * DAY, value: start.times(p) });
          });
          expect(close(timeWeightedReturn(points, flows).twr, timeWeightedReturn(withoutFlows, []).twr)).toBe(
            true,
          );
        },
      ),
    );
  });

  /**
   * Only BTC, `first` of it at the start and each day's deposit at that day's price: made at the day's point
   * (`end` of the interval before) or a second after it (`start` of the interval after).
   */
  function btcOnly(days: Array<[Decimal, Decimal]>, first: Decimal, at: 'end' | 'start') {
    let held = first;
    const points: ValuePoint[] = [];
    const flows: Flow[] = [];
    days.forEach(([p, deposit], i) => {
      if (at === 'end' && i > 0) {
        held = held.plus(deposit);
        flows.push({ timeMs: i * DAY, amount: deposit.times(p) });
      }
      points.push({ timeMs: i * DAY, value: held.times(p) });
      if (at === 'start' && i < days.length - 1) {
        held = held.plus(deposit);
        flows.push({ timeMs: i * DAY + 1000, amount: deposit.times(p) });
      }
    });
    return {
      twr: timeWeightedReturn(points, flows),
      btc: holdingReturn(days.map(([p], i) => [i * DAY, p] as const)),
    };
  }
  const btcDays = fc.array(fc.tuple(price, quantity), { minLength: 2, maxLength: 40 });

  it('[P11] a portfolio holding only BTC, whatever it deposits, returns what holding BTC returned', () => {
    fc.assert(
      fc.property(btcDays, quantity, (days, first) => {
        const { twr, btc } = btcOnly(days, first, 'end');
        expect(close(twr.twr, btc.at(-1)?.[1] ?? null)).toBe(true);
        twr.curve.forEach((point, i) => expect(close(point.twr, btc[i]?.[1] ?? null)).toBe(true));
      }),
    );
  });

  it('[P11] a deposit just after a point counts from that point: the day it was in is its holder’s', () => {
    fc.assert(
      fc.property(btcDays, quantity, (days, first) => {
        const { twr, btc } = btcOnly(days, first, 'start');
        expect(close(twr.twr, btc.at(-1)?.[1] ?? null)).toBe(true);
      }),
    );
  });

  it('[P11] starts when something is first held: the first deposit is not a gain', () => {
    const points = [
      { timeMs: 0, value: new Decimal(0) },
      { timeMs: DAY, value: new Decimal(1000) },
      { timeMs: 2 * DAY, value: new Decimal(1100) },
    ];
    const flows = [{ timeMs: DAY, amount: new Decimal(1000) }];
    const result = timeWeightedReturn(points, flows);
    expect(result.curve.map((p) => p.twr?.toString() ?? null)).toEqual([null, '0', '0.1']);
    expect(result.twr?.toString()).toBe('0.1');
  });
});
