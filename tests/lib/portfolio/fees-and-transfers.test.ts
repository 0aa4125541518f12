import { describe, expect, it } from 'vitest';
import { buy, holding, holdings, refusal, sell, text, tx } from './build';

describe('fees', () => {
  it('a fee in the quote currency raises a buy’s cost and lowers a sell’s proceeds', () => {
    const h = holding([
      buy('b1', '2', '100', { fee: '2' }), // cost 2 × 100 + 2 = 202, unit 101
      sell('s1', '1', '150', { fee: '1.5' }), // proceeds 150 − 1.5 = 148.5; removed 101; realized 47.5
    ]);
    expect(h.realized.map((e) => [text(e.proceeds), text(e.costRemoved), text(e.pnl)])).toEqual([
      ['148.5', '101', '47.5'],
    ]);
    expect([text(h.quantity), text(h.costBasis)]).toEqual(['1', '101']);
  });

  it('a fee paid in the bought asset reduces the quantity received, not the cost', () => {
    const h = holding([
      buy('b1', '1', '100', { fee: '0.001', feeCurrency: 'BTC' }), // receives 0.999 BTC for 100
      sell('s1', '0.999', '200'), // proceeds 199.8; removed 100; realized 99.8
    ]);
    expect(text(h.realizedPnl)).toBe('99.8');
    expect([text(h.quantity), text(h.costBasis)]).toEqual(['0', '0']);
  });

  it('a fee paid in the sold asset leaves the lots with the sale', () => {
    const h = holding([
      buy('b1', '2', '100'),
      sell('s1', '1', '150', { fee: '0.01', feeCurrency: 'BTC' }), // 1.01 BTC leave: removed 101; realized 150 − 101
    ]);
    expect(h.realized.map((e) => [text(e.quantity), text(e.costRemoved), text(e.pnl)])).toEqual([
      ['1.01', '101', '49'],
    ]);
    expect(text(h.quantity)).toBe('0.99');
  });

  it('a fee in a third currency is listed, not converted into the cost', () => {
    const h = holding([buy('b1', '1', '100', { fee: '0.05', feeCurrency: 'BNB' })]);
    expect(text(h.costBasis)).toBe('100');
    expect(h.unbookedFees.map((f) => [f.transactionId, f.currency, text(f.amount)])).toEqual([
      ['b1', 'BNB', '0.05'],
    ]);
  });
});

describe('deposits and withdrawals', () => {
  const eth = { asset: 'ETH', quoteCurrency: 'USD' } as const;

  it('a deposit adds a lot at its stated unit value and a withdrawal removes cost without realizing anything', () => {
    const h = holding(
      [
        tx('deposit', 'd1', '2', '1000', { ...eth, day: 1 }), // 2 ETH at cost 2,000
        tx('withdrawal', 'w1', '0.5', '3000', { ...eth, day: 2 }), // removes 0.5 × 1,000 = 500 of cost
      ],
      'fifo',
      'ETH',
    );
    expect([text(h.quantity), text(h.costBasis), text(h.withdrawnCost), text(h.realizedPnl)]).toEqual([
      '1.5',
      '1500',
      '500',
      '0',
    ]);
    expect(h.realized).toEqual([]);
  });

  it('a withdrawal fee in the asset leaves with it; one in the quote currency is listed as unbooked', () => {
    const h = holding([
      tx('deposit', 'd1', '1', '100'),
      tx('withdrawal', 'w1', '0.5', '100', { fee: '0.01', feeCurrency: 'BTC' }), // 0.51 BTC leave, cost 51
      tx('withdrawal', 'w2', '0.1', '100', { fee: '2' }), // 0.1 BTC leave, cost 10; the 2 USDT fee is unbooked
    ]);
    expect([text(h.quantity), text(h.withdrawnCost), text(h.realizedPnl)]).toEqual(['0.39', '61', '0']);
    expect(h.unbookedFees.map((f) => [f.transactionId, f.currency, text(f.amount)])).toEqual([
      ['w2', 'USDT', '2'],
    ]);
  });
});

describe('exact decimals', () => {
  it('0.1 + 0.2 BTC hold exactly 0.3 BTC at exactly 0.3 cost', () => {
    const h = holding([buy('b1', '0.1', '1'), buy('b2', '0.2', '1')]);
    expect([text(h.quantity), text(h.costBasis)]).toEqual(['0.3', '0.3']);
  });

  it('keeps 1e-18 of a coin and 1e-36 of cost, in plain notation', () => {
    const wei = '0.000000000000000001';
    const h = holding([buy('b1', '1', '2'), sell('s1', '0.999999999999999999', '2'), buy('b2', wei, wei)]);
    expect(text(h.quantity)).toBe('0.000000000000000002');
    // cost: 2 × 1e-18 left of b1, plus 1e-18 × 1e-18
    expect(text(h.costBasis)).toBe('0.000000000000000002' + '0'.repeat(17) + '1');
    expect(text(h.realizedPnl)).toBe('0');
  });
});

describe('time order', () => {
  it('books transactions by time, not by the order given', () => {
    const h = holding([sell('s1', '1', '200', { day: 2 }), buy('b1', '1', '100', { day: 1 })]);
    expect(text(h.realizedPnl)).toBe('100');
  });

  it('compares times as instants, whatever their offsets', () => {
    // 01:00 at +02:00 is 23:00 UTC the day before, so the buy comes first though its text sorts later
    const h = holding([
      sell('s1', '1', '200', { time: '2024-01-01T00:00:00Z' }),
      buy('b1', '1', '100', { time: '2024-01-01T01:00:00+02:00' }),
    ]);
    expect(text(h.realizedPnl)).toBe('100');
  });

  it('keeps the given order for transactions at the same time', () => {
    expect(text(holding([buy('b1', '1', '100'), sell('s1', '1', '200')]).quantity)).toBe('0');
    expect(refusal([sell('s1', '1', '200'), buy('b1', '1', '100')]).transactionId).toBe('s1');
  });
});

it('reports each asset on its own, sorted by ticker', () => {
  const list = holdings([
    tx('buy', 'e1', '3', '2000', { asset: 'ETH' }),
    buy('b1', '1', '100'),
    tx('buy', 'a1', '10', '1', { asset: 'ADA' }),
  ]);
  expect(list.map((h) => [h.asset, text(h.quantity), text(h.costBasis)])).toEqual([
    ['ADA', '10', '10'],
    ['BTC', '1', '100'],
    ['ETH', '3', '6000'],
  ]);
});
