import { describe, expect, it } from 'vitest';
import { parseCoinbase } from '../../../server/import/coinbase';
import { statedKey } from '../../../server/import/parsed-file';
import { fileOf, fixture, plain, refusal } from './parse-file';

const HEADER =
  'ID,Timestamp,Transaction Type,Asset,Quantity Transacted,Price Currency,Price at Transaction,Subtotal,Total (inclusive of fees and/or spread),Fees and/or Spread,Notes';
const parse = (rows: string[]) => parseCoinbase(fileOf([HEADER, ...rows].join('\n'), 'coinbase'));
const sample = () => parseCoinbase(fileOf(fixture('coinbase-transaction-history.csv'), 'coinbase'));

describe('the Coinbase transaction history', () => {
  it('[P4] reads the rows under the preamble, each type as what it books', () => {
    const parsed = sample();
    const byLine = new Map(parsed.records.map((r) => [r.lines[0], plain(r)]));
    expect([...byLine.keys()]).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
    const kinds = parsed.records.map((r) => (r.kind === 'income' ? r.record.type : r.kind));
    expect(kinds).toEqual(
      // Withdrawal, Staking Income, Learning Reward, Rewards Income, Advanced Trade Sell, Sell, Convert, Send,
      // Staking Income, Advanced Trade Buy ×2, Receive, Buy, Deposit.
      [
        'withdrawal',
        'staking',
        'income',
        'staking',
        'trade',
        'trade',
        'trade',
        'withdrawal',
        'staking',
        'trade',
        'trade',
        'deposit',
        'trade',
        'deposit',
      ],
    );
    // A Buy in the price currency: Subtotal is the cost, the fee on top. An Advanced Trade in USDC: the amount
    // times the rate is the cost, what the total differs by the fee. A Convert: what was given, sold for what it
    // became.
    const trades = Object.fromEntries([17, 15, 9, 11].map((line) => [line, byLine.get(line)]));
    const trade = (symbol: string, side: string, amount: string, cost: string, fee: unknown) => ({
      kind: 'trade',
      record: { symbol, side, amount, cost, fee },
    });
    expect(trades).toMatchObject({
      17: trade('BTC/USD', 'buy', '0.01', '950', { amount: '9.5', currency: 'USD' }),
      15: trade('ETH/USDC', 'buy', '0.5', '1650', { amount: '1.65', currency: 'USDC' }),
      9: trade('SOL/USDC', 'sell', '1.5', '292.5', { amount: '0.44', currency: 'USDC' }),
      11: trade('ETH/BTC', 'sell', '0.1', '0.0035', null),
    });
    expect(byLine.get(17)).toMatchObject({ record: { id: '67953c2ee051620001ef102d' } });
    // Quantities Coinbase writes negative are amounts that left.
    expect(byLine.get(12)).toMatchObject({
      kind: 'withdrawal',
      record: { currency: 'BTC', amount: '0.002' },
    });
  });

  it('[P4] keeps the prices the file states, in its price currency, and none for a row without one', () => {
    const { prices } = sample();
    expect(plain(prices.get(statedKey('ETH', Date.UTC(2025, 0, 18))))).toEqual({
      price: '3350',
      currency: 'USD',
    });
    expect(prices.get(statedKey('SOL', Date.UTC(2025, 1, 8, 9)))).toBeUndefined();
  });

  it('[P4] reads the older report (Spot Price columns, no ID, plain money) and hashes its rows for ids', () => {
    const older = [
      'Timestamp,Transaction Type,Asset,Quantity Transacted,Spot Price Currency,Spot Price at Transaction,Subtotal,Total (inclusive of fees),Fees,Notes',
      '2021-03-05T14:02:11Z,Buy,BTC,0.01,EUR,40000.00,400.00,405.99,5.99,Bought 0.0100 BTC for €405.99 EUR',
      '2021-03-05T14:02:11Z,Buy,BTC,0.01,EUR,40000.00,400.00,405.99,5.99,Bought 0.0100 BTC for €405.99 EUR',
    ].join('\n');
    const ids = () => parseCoinbase(fileOf(older, 'coinbase')).records.map((r) => r.record.id);
    const [first, second] = ids();
    expect(first).toMatch(/^h[0-9a-f]{24}$/);
    expect(second).toBe(`${first}#2`);
    expect(ids()).toEqual([first, second]);
    expect(plain(parseCoinbase(fileOf(older, 'coinbase')).records[0]?.record)).toMatchObject({
      symbol: 'BTC/EUR',
      cost: '400',
      fee: { amount: '5.99', currency: 'EUR' },
    });
  });

  it.each([
    [
      'an unknown type',
      'x1,2025-01-06 12:00:00 UTC,Retail Staking Transfer,ETH,1,USD,$1,$1,$1,$0,',
      /Transaction Type: "Retail Staking Transfer" is not one Livefolio books/,
    ],
    [
      'a Convert that does not say into what',
      'x1,2025-01-06 12:00:00 UTC,Convert,ETH,1,USD,$1,$1,$1,$0,Converted',
      /Notes: a Convert must say what it became/,
    ],
    [
      'a Buy without a subtotal',
      'x1,2025-01-06 12:00:00 UTC,Buy,BTC,1,USD,$1,,$1,$0,Bought 1 BTC for 1 USD',
      /Subtotal: a buy needs what it cost/,
    ],
    [
      'money that is not an amount',
      'x1,2025-01-06 12:00:00 UTC,Buy,BTC,1,USD,$1,1 dollar,$1,$0,',
      /Subtotal: not an amount/,
    ],
    [
      'a quantity of 0',
      'x1,2025-01-06 12:00:00 UTC,Receive,BTC,0,USD,$1,$0,$0,$0,',
      /Quantity Transacted: expected a decimal other than 0/,
    ],
    [
      'an asset that is no ticker',
      'x1,2025-01-06 12:00:00 UTC,Receive,bitcoin,1,USD,$1,$1,$1,$0,',
      /Asset: expected an upper-case ticker/,
    ],
    [
      'a time that is not one',
      'x1,yesterday,Receive,BTC,1,USD,$1,$1,$1,$0,',
      /Timestamp: expected a UTC time/,
    ],
  ])('[P4] refuses %s, naming the line', (_name, row, message) => {
    expect(refusal(() => parse([row]))).toMatch(new RegExp(`\\nline 2: .*${message.source}`));
  });
});
