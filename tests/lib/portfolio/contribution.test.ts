import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contributions } from '../../../lib/portfolio/contribution';
import { Decimal } from '../../../lib/portfolio/decimal';
import { holdingReturn } from '../../../lib/portfolio/performance';
import { tx } from './build';

const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);
const price = fc.integer({ min: 1, max: 1_000_000 }).map((n) => new Decimal(n).dividedBy(100));
const units = fc.integer({ min: 1, max: 10_000 }).map((n) => String(n / 1000));
const ASSETS = ['BTC', 'ETH', 'SOL'] as const;

/** Days of prices per asset; a grid time is a day's start, priced at that day's entry. */
const market = fc.integer({ min: 2, max: 30 }).chain((days) =>
  fc.record({
    BTC: fc.array(price, { minLength: days, maxLength: days }),
    ETH: fc.array(price, { minLength: days, maxLength: days }),
    SOL: fc.array(price, { minLength: days, maxLength: days }),
  }),
);
const grid = (days: number) => Array.from({ length: days }, (_, i) => START + i * DAY);
const priceOf = (prices: Record<string, Decimal[]>) => (asset: string, t: number) =>
  asset === 'USDT' ? new Decimal(1) : (prices[asset]?.[Math.round((t - START) / DAY)] ?? null);

/** Deposits of the three assets and of cash, each on a day before the last, some time into that day. */
const deposits = fc.array(
  fc.tuple(fc.constantFrom(...ASSETS, 'USDT'), units, fc.integer({ min: 0, max: 28 })),
  { minLength: 1, maxLength: 12 },
);
const booked = (list: Array<[string, string, number]>, days: number) =>
  list.map(([asset, quantity, day], i) =>
    tx('deposit', `d${i}`, quantity, '1', { asset, day: Math.min(day, days - 2) + 0.5 }),
  );
const near = (a: Decimal, b: Decimal) => a.minus(b).abs().lessThan('1e-30');

describe('contributions to the return (P11)', () => {
  it('[P11] the assets’ contributions add up to the return of the holdings', () => {
    fc.assert(
      fc.property(market, deposits, (prices, list) => {
        const days = prices.BTC.length;
        const result = contributions(booked(list, days), grid(days), priceOf(prices));
        if (result.total === null) return;
        const sum = result.assets.reduce((s, a) => s.plus(a.contribution), new Decimal(0));
        expect(near(sum, result.total)).toBe(true);
      }),
    );
  });

  it('[P11] a portfolio of only BTC, deposits and all: BTC contributes what holding BTC returned', () => {
    fc.assert(
      fc.property(
        market,
        fc.array(fc.tuple(units, fc.integer({ min: 0, max: 28 }))),
        units,
        (prices, more, first) => {
          const days = prices.BTC.length;
          const list: Array<[string, string, number]> = [
            ['BTC', first, -1],
            ...more.map(([q, d]): [string, string, number] => ['BTC', q, d]),
          ];
          const result = contributions(booked(list, days), grid(days), priceOf(prices));
          const btc = holdingReturn(prices.BTC.map((p, i) => [START + i * DAY, p] as const)).at(-1)?.[1];
          expect(result.assets.map((a) => a.asset)).toEqual(['BTC']);
          expect(btc && near(result.assets[0]?.contribution as Decimal, btc)).toBe(true);
        },
      ),
    );
  });

  it('[P11] cash contributes nothing, and holding twice as much of everything changes no contribution', () => {
    fc.assert(
      fc.property(market, deposits, (prices, list) => {
        const days = prices.BTC.length;
        const once = contributions(booked(list, days), grid(days), priceOf(prices));
        const doubled = list.map(([a, q, d]): [string, string, number] => [a, String(Number(q) * 2), d]);
        const twice = contributions(booked(doubled, days), grid(days), priceOf(prices));
        expect(twice.assets.map((a) => [a.asset, a.contribution.toFixed(20)])).toEqual(
          once.assets.map((a) => [a.asset, a.contribution.toFixed(20)]),
        );
        for (const a of once.assets) if (a.asset === 'USDT') expect(a.contribution.isZero()).toBe(true);
      }),
    );
  });

  it('[P11] an asset without a price at a grid time is named and left out of that step only', () => {
    const list = booked(
      [
        ['BTC', '1', -1],
        ['SOL', '10', -1],
      ],
      3,
    );
    const prices = {
      BTC: [100, 110, 121].map((n) => new Decimal(n)),
      SOL: [new Decimal(10), new Decimal(20)],
    };
    const result = contributions(list, grid(3), priceOf(prices));
    expect(result.unpriced).toEqual(['SOL']);
    // Step 1: 100 + 100 of value, BTC +10 and SOL +100 (10 × 10); step 2: SOL has no price, BTC alone (+11 on 110).
    expect(result.total?.toString()).toBe(
      new Decimal(310).dividedBy(200).times(121).dividedBy(110).minus(1).toString(),
    );
    expect(result.assets.map((a) => a.asset)).toEqual(['SOL', 'BTC']);
  });
});
