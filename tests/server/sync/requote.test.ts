/** One quote currency per asset (P2) when a sync or an import values in another currency than the portfolio. */
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../lib/portfolio/decimal';
import type { SyncedTransaction } from '../../../lib/portfolio/transaction';
import { RequoteError, requoteAll, requoted } from '../../../server/sync/requote';
import type { RateAt } from '../../../server/sync/requote';
import { connectBinance, settled } from '../../support/connections';
import { bookedTrade } from '../../support/fixtures';
import { autoClose, send } from '../../support/stack';
import type { Loose } from '../../support/stack';

const leg = (over: Partial<SyncedTransaction> = {}): SyncedTransaction => ({
  ...bookedTrade('a', { price: '3400.5', fee: '1.7', feeCurrency: 'USDT' }),
  asset: 'ETH',
  externalId: 'trade:ETH/USDT:1',
  ...over,
});

// 1 USDT is 0.9 EUR; nothing else is known.
const rates: RateAt = async (from, to) => (from === 'USDT' && to === 'EUR' ? new Decimal('0.9') : null);

describe('requoting a leg into the portfolio’s currency', () => {
  it('[P2] leaves a leg alone when the portfolio quotes its asset in the same currency, or not at all', async () => {
    const same = leg();
    expect(await requoted(same, new Map([['ETH', 'USDT']]), rates)).toBe(same);
    expect(await requoted(same, new Map([['BTC', 'EUR']]), rates)).toBe(same);
  });

  it('[P2] prices the leg and its fee in the portfolio’s currency at the rate', async () => {
    const moved = await requoted(leg(), new Map([['ETH', 'EUR']]), rates);
    expect(moved).toMatchObject({ price: '3060.45', quoteCurrency: 'EUR', fee: '1.53', feeCurrency: 'EUR' });
    expect(moved.quantity).toBe('1');
  });

  it('[P2] keeps a fee in a third currency as it is, and cash quoted in itself at exactly 1', async () => {
    const bnbFee = await requoted(leg({ fee: '0.01', feeCurrency: 'BNB' }), new Map([['ETH', 'EUR']]), rates);
    expect(bnbFee).toMatchObject({ fee: '0.01', feeCurrency: 'BNB', quoteCurrency: 'EUR' });
    const cash = leg({ asset: 'EUR', price: '1.1111' });
    expect(await requoted(cash, new Map([['EUR', 'EUR']]), rates)).toMatchObject({
      price: '1',
      quoteCurrency: 'EUR',
    });
  });

  it('[P2] names each record no rate can move, and keeps the others', async () => {
    const records = [{ legs: [leg()] }, { legs: [leg({ asset: 'SOL' })] }];
    const quotes = new Map([
      ['ETH', 'EUR'],
      ['SOL', 'GBP'],
    ]);
    const done = await requoteAll(records, quotes, rates, () => 'line 3');
    expect(done.booked).toHaveLength(1);
    expect(done.problems).toEqual([
      expect.stringMatching(
        /^line 3: SOL is quoted in GBP in your portfolio, and no USDT\/GBP rate is known at /,
      ),
    ]);
    const failing: RateAt = async () => {
      throw new Error('exchange down');
    };
    await expect(requoteAll(records, quotes, failing, () => 'x')).rejects.toThrow('exchange down');
    expect(new RequoteError('x')).toBeInstanceOf(Error);
  });
});

describe('a sync into a portfolio that quotes an asset otherwise', () => {
  const { start } = autoClose();

  it('[P2][P9] books the synced ETH in the EUR the portfolio quotes it in, at the exchange’s EUR/USDT candles', async () => {
    const stack = await start({ env: { SYNC_INTERVAL_MINUTES: '0' } });
    const manual = {
      type: 'buy',
      asset: 'ETH',
      quantity: '1',
      price: '3000',
      quoteCurrency: 'EUR',
      fee: '0',
      feeCurrency: 'EUR',
      time: '2024-01-01T00:00:00Z',
    };
    expect((await send(stack, 'POST', '/api/v1/transactions', manual)).status).toBe(201);
    const added = await connectBinance(stack);
    expect(added.status).toBe(201);
    const done = await settled(stack, added.body.connection.id as string);
    expect(done.lastError).toBeNull();
    expect(done.state).toBe('ok');
    const { transactions } = (await send(stack, 'GET', `/api/v1/transactions?account=${done.account.id}`))
      .body;
    const eth = (transactions as Loose[]).filter((t) => t.asset === 'ETH');
    expect(eth.length).toBeGreaterThan(0);
    expect(eth.every((t) => t.quoteCurrency === 'EUR')).toBe(true);
    expect((transactions as Loose[]).some((t) => t.asset === 'BTC' && t.quoteCurrency === 'USDT')).toBe(true);
  });
});
