import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../lib/portfolio/decimal';
import { BookingError, bookRecord, inBookingOrder } from '../../../server/sync/book-records';
import type { BookableRecord, BookingContext } from '../../../server/sync/book-records';

const T = Date.UTC(2025, 2, 1, 12, 0);
const d = (text: string) => new Decimal(text);
const ctx = (prices: Record<string, string> = {}): BookingContext => ({
  account: 'acc',
  exchange: 'kraken',
  exchangeName: 'Kraken',
  home: 'USD',
  priceAt: async (asset) => (prices[asset] ? d(prices[asset]) : null),
});

describe('booking records', () => {
  it('[P1][P4] income is an acquisition at its minute’s price under the exchange’s id, its fee taken from it', async () => {
    const [leg, ...rest] = await bookRecord(
      {
        kind: 'income',
        record: {
          id: 'L1',
          type: 'staking',
          currency: 'DOT',
          amount: d('0.5'),
          fee: { amount: d('0.01'), currency: 'DOT' },
          timeMs: T,
        },
      },
      ctx({ DOT: '6.25' }),
    );
    expect(rest).toEqual([]);
    expect(leg).toMatchObject({
      type: 'staking',
      asset: 'DOT',
      quantity: '0.5',
      price: '6.25',
      quoteCurrency: 'USD',
      fee: '0.01',
      feeCurrency: 'DOT',
      externalId: 'staking:L1',
      account: 'acc',
      exchange: 'kraken',
      timeMs: T,
    });
  });

  it('[P1][P4] income without a price cannot be booked, and says which', async () => {
    const income: BookableRecord = {
      kind: 'income',
      record: { id: 'L2', type: 'interest', currency: 'XTZ', amount: d('1'), fee: null, timeMs: T },
    };
    const refusal = await bookRecord(income, ctx()).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(BookingError);
    expect(refusal).toMatchObject({ reason: 'no-price' });
    expect((refusal as Error).message).toMatch(/No XTZ\/USD price is known at 2025-03-01T12:00:00.000Z/);
  });

  it('[P9] a trade whose fee eats it whole cannot be right', async () => {
    const trade: BookableRecord = {
      kind: 'trade',
      record: {
        id: 'T1',
        symbol: 'BTC/USD',
        base: 'BTC',
        quote: 'USD',
        side: 'sell',
        amount: d('0.001'),
        price: d('60000'),
        cost: d('60'),
        fee: { amount: d('60'), currency: 'USD' },
        timeMs: T,
      },
    };
    await expect(bookRecord(trade, ctx())).rejects.toMatchObject({ reason: 'fee-too-large' });
  });

  it('[P9] within one moment what arrives is booked before the trades, withdrawals after', () => {
    const move = (id: string, timeMs: number) => ({
      id,
      currency: 'USD',
      amount: d('1'),
      fee: null,
      timeMs,
    });
    const records: BookableRecord[] = [
      { kind: 'withdrawal', record: move('w', T) },
      { kind: 'deposit', record: move('late', T + 1) },
      { kind: 'deposit', record: move('d', T) },
      {
        kind: 'income',
        record: { id: 'i', type: 'staking', currency: 'USD', amount: d('1'), fee: null, timeMs: T },
      },
    ];
    expect(inBookingOrder(records).map((r) => r.record.id)).toEqual(['d', 'i', 'w', 'late']);
  });
});
