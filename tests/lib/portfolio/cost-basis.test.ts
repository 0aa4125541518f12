import { describe, expect, it } from 'vitest';
import type { CostBasisMethod } from '../../../lib/portfolio/lots';
import type { Transaction } from '../../../lib/portfolio/transaction';
import { buy, holding, sell, text } from './build';

/** Buy 1 BTC @ 10,000, buy 1 @ 20,000, sell 1.5 @ 30,000: proceeds 1.5 × 30,000 = 45,000. */
const twoBuys = [
  buy('b1', '1', '10000', { day: 1 }),
  buy('b2', '1', '20000', { day: 2 }),
  sell('s1', '1.5', '30000', { day: 3 }),
];

/** Buy 1 @ 10,000, 1 @ 30,000, 1 @ 20,000, sell 1.5 @ 25,000: proceeds 37,500; every method differs here. */
const threeBuys = [
  buy('b1', '1', '10000', { day: 1 }),
  buy('b2', '1', '30000', { day: 2 }),
  buy('b3', '1', '20000', { day: 3 }),
  sell('s1', '1.5', '25000', { day: 4 }),
];

/** What a method leaves: realized P&L, cost basis held, and the remaining lots as "id quantity @ unit cost". */
function booked(method: CostBasisMethod, transactions: readonly Transaction[]): [string, string, string] {
  const h = holding(transactions, method);
  const lots = h.lots.map((l) => `${l.transactionId} ${text(l.quantity)} @ ${text(l.unitCost)}`).join(', ');
  return [text(h.realizedPnl), text(h.costBasis), lots];
}

describe('cost-basis methods on two buys and a sell', () => {
  it.each<[string, CostBasisMethod, string, string, string]>([
    // removed 1 × 10,000 + 0.5 × 20,000 = 20,000; realized 45,000 − 20,000 = 25,000; held 0.5 × 20,000
    ['FIFO sells the oldest lot first', 'fifo', '25000', '10000', 'b2 0.5 @ 20000'],
    // removed 1 × 20,000 + 0.5 × 10,000 = 25,000; realized 45,000 − 25,000 = 20,000; held 0.5 × 10,000
    ['LIFO sells the newest lot first', 'lifo', '20000', '5000', 'b1 0.5 @ 10000'],
    // the dearest lot is also the newest here: the same as LIFO
    ['HIFO sells the dearest lot first', 'hifo', '20000', '5000', 'b1 0.5 @ 10000'],
    // unit cost (10,000 + 20,000) / 2 = 15,000; removed 1.5 × 15,000 = 22,500; realized 45,000 − 22,500 = 22,500;
    // held 0.5 × 15,000 = 7,500; the remaining quantity keeps the newest acquisition time
    ['average cost sells at the pool’s unit cost', 'average', '22500', '7500', 'b2 0.5 @ 15000'],
  ])('%s', (_title, method, realized, costBasis, lots) => {
    expect(booked(method, twoBuys)).toEqual([realized, costBasis, lots]);
  });
});

describe('cost-basis methods where each gives another answer', () => {
  it.each<[string, CostBasisMethod, string, string, string]>([
    // removed 10,000 + 0.5 × 30,000 = 25,000; realized 37,500 − 25,000 = 12,500; held 15,000 + 20,000
    ['FIFO', 'fifo', '12500', '35000', 'b2 0.5 @ 30000, b3 1 @ 20000'],
    // removed 20,000 + 0.5 × 30,000 = 35,000; realized 37,500 − 35,000 = 2,500; held 10,000 + 15,000
    ['LIFO', 'lifo', '2500', '25000', 'b1 1 @ 10000, b2 0.5 @ 30000'],
    // removed 30,000 + 0.5 × 20,000 = 40,000; realized 37,500 − 40,000 = −2,500; held 10,000 + 10,000
    [
      'HIFO realizes a loss by selling the 30,000 lot first',
      'hifo',
      '-2500',
      '20000',
      'b1 1 @ 10000, b3 0.5 @ 20000',
    ],
    // unit cost 60,000 / 3 = 20,000; removed 1.5 × 20,000 = 30,000; realized 7,500; held 1.5 × 20,000
    ['average cost', 'average', '7500', '30000', 'b2 0.5 @ 20000, b3 1 @ 20000'],
  ])('%s', (_title, method, realized, costBasis, lots) => {
    expect(booked(method, threeBuys)).toEqual([realized, costBasis, lots]);
  });
});

describe('lot order details', () => {
  it('HIFO takes the older of two lots at the same unit cost', () => {
    const h = holding([buy('b1', '1', '100'), buy('b2', '1', '100'), sell('s1', '1', '100')], 'hifo');
    expect(h.lots.map((l) => l.transactionId)).toEqual(['b2']);
  });

  it('HIFO ranks lots by unit cost including the fee paid in the quote currency', () => {
    // b1 costs (100 + 10) / 1 = 110 a unit, b2 105: b1 goes first; realized 120 − 110 = 10
    const h = holding(
      [buy('b1', '1', '100', { fee: '10' }), buy('b2', '1', '105'), sell('s1', '1', '120')],
      'hifo',
    );
    expect(text(h.realizedPnl)).toBe('10');
    expect(h.lots.map((l) => l.transactionId)).toEqual(['b2']);
  });

  it('average cost carries the pool’s unit cost through later buys', () => {
    const h = holding(
      [
        buy('b1', '1', '10'),
        buy('b2', '3', '30'), // pool 4 BTC, cost 10 + 90 = 100, unit 25
        sell('s1', '2', '40'), // removed 2 × 25 = 50; realized 80 − 50 = 30; pool 2 BTC, cost 50
        buy('b3', '2', '15'), // pool 4 BTC, cost 50 + 30 = 80, unit 20
        sell('s2', '4', '20'), // removed all 80; realized 80 − 80 = 0
      ],
      'average',
    );
    expect(h.realized.map((e) => [text(e.costRemoved), text(e.pnl)])).toEqual([
      ['50', '30'],
      ['80', '0'],
    ]);
    expect(text(h.realizedPnl)).toBe('30');
    expect([text(h.quantity), text(h.costBasis), h.lots.length]).toEqual(['0', '0', 0]);
  });

  it('average cost rounds a third once, at the 36th place, and a full exit realizes exactly proceeds − cost', () => {
    const h = holding(
      [
        buy('b1', '1', '1'),
        buy('b2', '1', '1'),
        buy('b3', '1', '2'), // pool 3 BTC, cost 4
        sell('s1', '1', '2'), // removed 4 / 3, rounded half to even at 36 places
        sell('s2', '2', '2'), // removed what is left of the 4
      ],
      'average',
    );
    const third = '1.' + '3'.repeat(36);
    expect(h.realized.map((e) => text(e.costRemoved))).toEqual([third, '2.' + '6'.repeat(35) + '7']);
    // total realized: proceeds 6 − cost 4 = 2, exactly
    expect(text(h.realizedPnl)).toBe('2');
    expect(text(h.costBasis)).toBe('0');
  });

  it('a partial sale of one lot keeps that lot’s unit cost, up to the last of 36 places', () => {
    // lot of 3 for 3 × 3 + 1 = 10: selling 1 removes 10 / 3 rounded at 36 places; 2 remain for the rest of the 10
    const h = holding([buy('b1', '3', '3', { fee: '1' }), sell('s1', '1', '5')], 'fifo');
    expect(h.realized.map((e) => text(e.costRemoved))).toEqual(['3.' + '3'.repeat(36)]);
    expect(text(h.costBasis)).toBe('6.' + '6'.repeat(35) + '7');
    // 6.6…67 / 2 = 3.3…335, a tie at the 37th place that rounds half to even: …34
    expect(h.lots.map((l) => text(l.unitCost))).toEqual(['3.' + '3'.repeat(35) + '4']);
  });
});
