import { describe, expect, it } from 'vitest';
import { dailyValues } from '../../../server/portfolio/past-values';
import type { AssetPricing } from '../../../server/portfolio/past-values';
import { tx } from '../../lib/portfolio/build';

const DAY = 86_400_000;
const D0 = Date.UTC(2024, 0, 1);
const days = (n: number) => Array.from({ length: n }, (_, i) => D0 + i * DAY);
const direct = (stream: string): AssetPricing => ({
  stream,
  conversion: { from: 'USDT', to: 'USDT', legs: [] },
});

/** Closes by stream, one per day from D0. */
function closes(table: Record<string, Array<number | undefined>>) {
  return (stream: string, day: number) => table[stream]?.[(day - D0) / DAY];
}

const shown = (values: ReturnType<typeof dailyValues>) =>
  values.map((v) => [(v.timeMs - D0) / DAY, v.value.toString()]);

describe('backfilled daily values', () => {
  it('values what was held at each day end at that day close (worked by hand)', () => {
    const transactions = [
      tx('buy', 'a', '0.5', '40000', { day: 0 }),
      tx('buy', 'b', '0.25', '42000', { day: 1 }),
      // Sold on day 3: the end of day 3 holds 0.5.
      tx('sell', 'c', '0.25', '45000', { day: 3 }),
      tx('buy', 'd', '10', '2', { day: 2, asset: 'ETH' }),
    ];
    const pricing = new Map([
      ['BTC', direct('x:BTC/USDT')],
      ['ETH', direct('x:ETH/USDT')],
    ]);
    const close = closes({
      'x:BTC/USDT': [41000, 43000, 44000, 46000],
      'x:ETH/USDT': [2000, 2100, 2200, 2300],
    });
    expect(shown(dailyValues(transactions, days(4), pricing, close))).toEqual([
      // Each value stands at the end of its day, the next midnight.
      [1, '20500'], // 0.5 × 41000
      [2, '32250'], // 0.75 × 43000
      [3, '55000'], // 0.75 × 44000 + 10 × 2200
      [4, '46000'], // 0.5 × 46000 + 10 × 2300
    ]);
  });

  it('leaves out a day when something held has no close, rather than value it short', () => {
    const transactions = [
      tx('buy', 'a', '1', '100', { day: 0 }),
      tx('buy', 'b', '1', '1', { day: 0, asset: 'DOGE' }),
    ];
    const pricing = new Map([
      ['BTC', direct('x:BTC/USDT')],
      ['DOGE', direct('x:DOGE/USDT')],
    ]);
    const close = closes({ 'x:BTC/USDT': [100, 110, 120], 'x:DOGE/USDT': [1, undefined, 3] });
    expect(shown(dailyValues(transactions, days(3), pricing, close))).toEqual([
      [1, '101'],
      [3, '123'],
    ]);
    // An asset with no market at all leaves every day out while it is held.
    const unpriced = new Map([...pricing, ['DOGE', null]]);
    expect(dailyValues(transactions, days(3), unpriced, close)).toEqual([]);
  });

  it('converts at the same day close of each leg, inverse legs divided', () => {
    const transactions = [tx('buy', 'a', '2', '50000', { day: 0 })];
    const inEur = new Map<string, AssetPricing>([
      [
        'BTC',
        {
          stream: 'x:BTC/USDT',
          conversion: { from: 'USDT', to: 'EUR', legs: [{ stream: 'x:EUR/USDT', inverse: true }] },
        },
      ],
    ]);
    const close = closes({ 'x:BTC/USDT': [54000, 54000], 'x:EUR/USDT': [1.08, 1.2] });
    const values = dailyValues(transactions, days(2), inEur, close);
    // The rate 1 / 1.08 carries 18 significant digits (lib/portfolio/conversion.ts).
    expect(values.map((v) => v.value.toDecimalPlaces(8).toString())).toEqual([
      '100000', // 2 × 54000 / 1.08
      '90000', // 2 × 54000 / 1.2
    ]);
  });

  it('counts a fee paid in the asset out of the quantity, and values an emptied portfolio at 0', () => {
    const transactions = [
      tx('buy', 'a', '1', '100', { day: 0, fee: '0.1', feeCurrency: 'BTC' }),
      tx('sell', 'b', '0.9', '100', { day: 1 }),
    ];
    const pricing = new Map([['BTC', direct('x:BTC/USDT')]]);
    const close = closes({ 'x:BTC/USDT': [200, 300] });
    expect(shown(dailyValues(transactions, days(2), pricing, close))).toEqual([
      [1, '180'],
      [2, '0'],
    ]);
  });

  it('has nothing to say before the first transaction', () => {
    const transactions = [tx('buy', 'a', '1', '100', { day: 2 })];
    const pricing = new Map([['BTC', direct('x:BTC/USDT')]]);
    const close = closes({ 'x:BTC/USDT': [1, 2, 3] });
    expect(shown(dailyValues(transactions, days(3), pricing, close))).toEqual([[3, '3']]);
  });

  it('[P3] values cash (an asset quoted in itself, as a sync books USDT) at 1 of itself every day, with no market', () => {
    const transactions = [
      tx('deposit', 'a', '1000', '1', { day: 0, asset: 'USDT' }),
      tx('buy', 'b', '0.01', '40000', { day: 1 }),
      tx('sell', 'c', '400', '1', { day: 1, asset: 'USDT' }),
    ];
    const cash: AssetPricing = { stream: null, conversion: { from: 'USDT', to: 'USDT', legs: [] } };
    const pricing = new Map([
      ['USDT', cash],
      ['BTC', direct('x:BTC/USDT')],
    ]);
    const close = closes({ 'x:BTC/USDT': [39000, 41000] });
    expect(shown(dailyValues(transactions, days(2), pricing, close))).toEqual([
      [1, '1000'],
      [2, '1010'],
    ]);
  });
});
