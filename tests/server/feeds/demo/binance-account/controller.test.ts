import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../../../lib/portfolio/decimal';
import { createCandleHistory } from '../../../../../server/feeds/demo/candles';
import { generateHistory } from '../../../../../server/feeds/demo/binance-account/history';
import type { NewTrade } from '../../../../../server/feeds/demo/binance-account/index';
import { createPriceBook } from '../../../../../server/feeds/demo/binance-account/prices';
import { DEMO_MARKETS } from '../../../../../server/feeds/demo/markets';
import { useDemo } from '../helpers';
import { keyedClient } from './signed-client';

const { demo } = useDemo(13);

const DAY = 86_400_000;

describe("the demo account's controller", () => {
  it('draws the same history from the same seed and end, another from another seed', () => {
    const prices = createPriceBook(createCandleHistory(13), DEMO_MARKETS);
    const end = Date.UTC(2026, 0, 15, 12);
    const draw = (seed: number) => generateHistory({ seed, end, markets: DEMO_MARKETS, prices });
    const history = draw(13);
    expect(draw(13)).toEqual(history);
    expect(draw(14).trades.map((t) => t.id)).not.toEqual(history.trades.map((t) => t.id));
    const times = [...history.trades.map((t) => t.time), ...history.deposits.map((d) => d.insertTime)];
    expect(Math.max(...times)).toBeLessThan(end);
    expect(Math.min(...times)).toBeGreaterThan(end - 183 * DAY);
    expect(new Set(history.trades.map((t) => t.symbol))).toEqual(
      new Set(['BTC/USDT', 'ETH/USDT', 'SOL/USDT', 'BNB/USDT', 'ETH/BTC']),
    );
    expect(new Set(history.trades.map((t) => t.side))).toEqual(new Set(['buy', 'sell']));
  });

  it('a second sync picks up only the trades and deposits added since the first', async () => {
    const ex = await keyedClient(demo());
    const before = await ex.fetchMyTrades('SOL/USDT');
    const lastTrade = before.at(-1)?.timestamp ?? 0;
    const deposits = await ex.fetchDeposits();
    const lastDeposit = Math.max(...deposits.map((d) => d.timestamp ?? 0));
    const usdtBefore = new Decimal(demo().account.balances()['USDT'] ?? 0);

    const added = demo().account.addTrade({
      symbol: 'SOL/USDT',
      side: 'buy',
      amount: '1.5',
      feeInBnb: false,
    });
    const deposit = demo().account.addDeposit({ coin: 'USDT', amount: '250.5' });

    const newTrades = await ex.fetchMyTrades('SOL/USDT', lastTrade + 1);
    expect(newTrades.map((t) => Number(t.id))).toEqual([added.id]);
    expect(newTrades[0]).toMatchObject({ side: 'buy', amount: 1.5, fee: { currency: 'SOL', cost: 0.0015 } });
    expect(added.id).toBeGreaterThan(Number(before.at(-1)?.id));
    const newDeposits = await ex.fetchDeposits(undefined, lastDeposit + 1);
    expect(newDeposits.map((d) => d.id)).toEqual([deposit.id]);
    expect(newDeposits[0]).toMatchObject({ currency: 'USDT', amount: 250.5, network: 'TRC20', status: 'ok' });
    const usdtAfter = usdtBefore.minus(added.quoteQty).plus('250.5');
    expect((await ex.fetchBalance())['USDT']?.free).toBe(usdtAfter.toNumber());
  });

  it('refuses a bad or unaffordable trade with a RangeError and books nothing', async () => {
    const account = demo().account;
    const count = account.trades().length;
    const balances = account.balances();
    const refused = [
      { symbol: 'NOPE/USDT', side: 'buy', amount: '1' },
      { symbol: 'BTC/USDT', side: 'hold', amount: '1' },
      { symbol: 'BTC/USDT', side: 'buy', amount: '-1' },
      { symbol: 'BTC/USDT', side: 'buy', amount: '0' },
      { symbol: 'BTC/USDT', side: 'buy', amount: '1e-3' },
      { symbol: 'BTC/USDT', side: 'buy', amount: '0.000001' },
      { symbol: 'BTC/USDT', side: 'buy', amount: '0.001', price: '67000.001' },
      { symbol: 'BTC/USDT', side: 'buy', amount: '1000' },
      { symbol: 'ETH/BTC', side: 'sell', amount: '9999' },
      { symbol: 'BTC/USDT', side: 'buy', amount: '0.001', time: Date.now() + DAY },
      { symbol: 'BTC/USDT', side: 'buy', amount: '0.001', time: 0 },
    ] as const;
    // As a caller without types might send them: the controller checks at run time, not only in the types.
    for (const trade of refused) {
      expect(() => account.addTrade(trade as unknown as NewTrade), JSON.stringify(trade)).toThrow(RangeError);
    }
    expect(() => account.addTrade({ symbol: 'BTC/USDT', side: 'buy', amount: '1000' })).toThrow(
      /needs .* USDT/,
    );
    expect(account.trades()).toHaveLength(count);
    expect(account.balances()).toEqual(balances);
  });

  it('refuses a bad deposit with a RangeError and books nothing', () => {
    const account = demo().account;
    const count = account.deposits().length;
    expect(() => account.addDeposit({ coin: 'NOPE', amount: '1' })).toThrow(/not a coin/);
    expect(() => account.addDeposit({ coin: 'USDT', amount: '1', network: 'SOL' })).toThrow(/no network SOL/);
    expect(() => account.addDeposit({ coin: 'EUR', amount: '1' })).toThrow(RangeError);
    expect(() => account.addDeposit({ coin: 'USDT', amount: 'lots' })).toThrow(/decimal/);
    expect(() => account.addDeposit({ coin: 'USDT', amount: '0.000000001' })).toThrow(/8 decimals/);
    expect(account.deposits()).toHaveLength(count);
  });
  it('books an added asset dividend, a credit or a debit, and refuses a bad or uncovered one', () => {
    const account = demo().account;
    const before = new Decimal(account.balances()['USDT'] ?? 0);
    const credit = account.addDividend({
      asset: 'USDT',
      amount: '1.25',
      enInfo: 'Simple Earn Flexible Interest',
    });
    expect(credit).toMatchObject({ asset: 'USDT', amount: '1.25000000', direction: 1 });
    account.addDividend({ asset: 'USDT', amount: '0.25', enInfo: 'Interest correction', direction: -1 });
    expect(account.balances()['USDT']).toBe(before.plus(1).toFixed());
    const count = account.dividends().length;
    expect(() => account.addDividend({ asset: 'NOPE', amount: '1', enInfo: 'x' })).toThrow(/not a coin/);
    expect(() => account.addDividend({ asset: 'USDT', amount: '1', enInfo: ' ' })).toThrow(/enInfo/);
    expect(() => account.addDividend({ asset: 'OP', amount: '1000000', enInfo: 'x', direction: -1 })).toThrow(
      /cannot debit/,
    );
    expect(account.dividends()).toHaveLength(count);
    expect(account.balances()['USDT']).toBe(before.plus(1).toFixed());
  });
});
