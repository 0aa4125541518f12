import { describe, expect, it } from 'vitest';
import { deriveHoldings, quantityChange } from '../../../lib/portfolio/holdings';
import type { AccountHoldings, AssetHolding } from '../../../lib/portfolio/holdings';
import { COST_BASIS_METHODS } from '../../../lib/portfolio/lots';
import type { CostBasisMethod } from '../../../lib/portfolio/lots';
import type { Transaction } from '../../../lib/portfolio/transaction';
import { buy, refusal, sell, text, tx } from './build';
import type { Extra } from './build';

const DAY_MS = 86_400_000;
const START_MS = Date.UTC(2024, 0, 1);

/** A transfer of BTC from account `from` to account `to`. */
const transfer = (id: string, quantity: string, from: string, to: string, extra: Extra = {}) =>
  tx('transfer', id, quantity, '0', { account: from, toAccount: to, ...extra });

function booked(transactions: readonly Transaction[], method: CostBasisMethod) {
  const result = deriveHoldings(transactions, method, { accountName: (id) => `${id}-wallet` });
  if (!result.ok) throw new Error(result.error.message);
  const of = (account: string): AssetHolding => {
    const found = result.accounts.find((a: AccountHoldings) => a.account === account)?.holdings[0];
    if (!found) throw new Error(`nothing in ${account}`);
    return found;
  };
  return { total: result.holdings[0] as AssetHolding, of };
}

/** Lots as "transaction quantity @ unit cost (day acquired)". */
const lots = (h: AssetHolding) =>
  h.lots.map(
    (l) =>
      `${l.transactionId} ${text(l.quantity)} @ ${text(l.unitCost)} (day ${(l.acquiredAt - START_MS) / DAY_MS})`,
  );

/** In A: 1 BTC @ 100 on day 1, 1 @ 300 on day 2, 1 @ 200 on day 3; every method draws other lots from these. */
const threeBuys = [
  buy('b1', '1', '100', { day: 1, account: 'A' }),
  buy('b2', '1', '300', { day: 2, account: 'A' }),
  buy('b3', '1', '200', { day: 3, account: 'A' }),
];

describe('[P1] a transfer moves lots between accounts with their cost and acquisition dates', () => {
  it.each<[CostBasisMethod, string[], string[]]>([
    // the oldest first: b1 whole, half of b2
    ['fifo', ['b1 1 @ 100 (day 1)', 'b2 0.5 @ 300 (day 2)'], ['b2 0.5 @ 300 (day 2)', 'b3 1 @ 200 (day 3)']],
    // the newest first: b3 whole, half of b2
    ['lifo', ['b2 0.5 @ 300 (day 2)', 'b3 1 @ 200 (day 3)'], ['b1 1 @ 100 (day 1)', 'b2 0.5 @ 300 (day 2)']],
    // the dearest first: b2 whole, half of b3
    ['hifo', ['b2 1 @ 300 (day 2)', 'b3 0.5 @ 200 (day 3)'], ['b1 1 @ 100 (day 1)', 'b3 0.5 @ 200 (day 3)']],
    // the pool's unit cost, 600 / 3 = 200, goes with the oldest acquisition dates
    [
      'average',
      ['b1 1 @ 200 (day 1)', 'b2 0.5 @ 200 (day 2)'],
      ['b2 0.5 @ 200 (day 2)', 'b3 1 @ 200 (day 3)'],
    ],
  ])('under %s, realizing nothing', (method, arrived, left) => {
    const { total, of } = booked([...threeBuys, transfer('t1', '1.5', 'A', 'B', { day: 4 })], method);
    expect(lots(of('B'))).toEqual(arrived);
    expect(lots(of('A'))).toEqual(left);
    expect([text(of('A').quantity), text(of('B').quantity)]).toEqual(['1.5', '1.5']);
    expect(text(of('A').costBasis.plus(of('B').costBasis))).toBe('600');
    expect([text(total.quantity), text(total.costBasis), text(total.realizedPnl)]).toEqual(['3', '600', '0']);
    expect(total.realized).toEqual([]);
    // The total's lots keep the account they are in.
    expect(total.lots.map((l) => `${l.transactionId} ${l.account}`).sort()).toEqual(
      [...arrived.map((l) => `${l.split(' ')[0]} B`), ...left.map((l) => `${l.split(' ')[0]} A`)].sort(),
    );
  });

  it.each(['fifo', 'average'] as const)(
    'under %s, a moved lot keeps its place by acquisition date among the lots already there',
    (method) => {
      const { of } = booked(
        [
          buy('old', '1', '100', { day: 1, account: 'A' }),
          buy('new', '1', '500', { day: 2, account: 'B' }),
          transfer('t1', '1', 'A', 'B', { day: 3 }),
          // The oldest lot in B is the one moved in: FIFO sells it first, average keeps its date.
          sell('s1', '1', '400', { day: 4, account: 'B' }),
        ],
        method,
      );
      const realized = of('B').realized.map((e) => text(e.pnl));
      expect(realized).toEqual(method === 'fifo' ? ['300'] : ['100']);
      expect(lots(of('B'))).toEqual([method === 'fifo' ? 'new 1 @ 500 (day 2)' : 'new 1 @ 300 (day 2)']);
    },
  );
});

describe('[P1] a fee paid in the asset on a transfer', () => {
  // 1 BTC moves, then 0.5 BTC of fee leaves A at the transfer's price of 250: proceeds 125.
  const history = (price: string) => [
    ...threeBuys,
    transfer('t1', '1', 'A', 'B', { day: 4, fee: '0.5', feeCurrency: 'BTC', price }),
  ];

  it.each<[CostBasisMethod, string, string]>([
    // b1 moves; the fee takes half of b2: cost 150
    ['fifo', '150', '-25'],
    // b3 moves; the fee takes half of b2: cost 150
    ['lifo', '150', '-25'],
    // b2 moves; the fee takes half of b3: cost 100
    ['hifo', '100', '25'],
    // 1 × 200 moves; the fee takes 0.5 × 200 = 100
    ['average', '100', '25'],
  ])('under %s realizes exactly fee × price − the cost it carried', (method, feeCost, pnl) => {
    const { total, of } = booked(history('250'), method);
    expect(
      of('A').realized.map((e) => [
        e.transactionId,
        text(e.quantity),
        text(e.proceeds),
        text(e.costRemoved),
        text(e.pnl),
      ]),
    ).toEqual([['t1', '0.5', '125', feeCost, pnl]]);
    expect([text(of('A').quantity), text(of('B').quantity), text(total.quantity)]).toEqual([
      '1.5',
      '1',
      '2.5',
    ]);
    expect(text(total.costBasis.plus(feeCost))).toBe('600');
    expect(of('B').realized).toEqual([]);
  });

  it('at a price of 0, the fee’s whole cost is a realized loss', () => {
    const { of } = booked(history('0'), 'fifo');
    expect(text(of('A').realizedPnl)).toBe('-150');
  });

  it('is counted in what the source must hold, and only the fee changes the total quantity', () => {
    const t = transfer('t1', '1', 'A', 'B', { fee: '0.01', feeCurrency: 'BTC' });
    expect(text(quantityChange(t))).toBe('-0.01');
    expect(text(quantityChange(transfer('t2', '1', 'A', 'B')))).toBe('0');
    const error = refusal([buy('b1', '1', '100', { account: 'A' }), t]);
    expect(error.message).toContain('asks for 1.01 BTC (1 + 0.01 fee) but only 1 BTC is held in account "A"');
  });

  it('in another currency is unbooked, as on a withdrawal', () => {
    const { of } = booked(
      [
        buy('b1', '1', '100', { account: 'A' }),
        transfer('t1', '1', 'A', 'B', { day: 1, fee: '2', feeCurrency: 'USDT' }),
      ],
      'fifo',
    );
    expect(of('A').unbookedFees.map((f) => [f.transactionId, f.currency, text(f.amount)])).toEqual([
      ['t1', 'USDT', '2'],
    ]);
    expect([text(of('A').realizedPnl), text(of('B').costBasis)]).toEqual(['0', '100']);
  });
});

describe('[P2] holdings are per account', () => {
  it.each(COST_BASIS_METHODS)(
    'under %s, a sell after a transfer draws only from its own account',
    (method) => {
      const { of } = booked(
        [
          buy('b1', '1', '100', { day: 1, account: 'A' }),
          buy('b2', '1', '200', { day: 2, account: 'A' }),
          transfer('t1', '1', 'A', 'B', { day: 3 }),
          sell('s1', '1', '300', { day: 4, account: 'A' }),
        ],
        method,
      );
      // Whatever moved, A sells what it kept; under average both halves carry 150.
      const kept = method === 'fifo' ? '200' : method === 'average' ? '150' : '100';
      expect(of('A').realized.map((e) => text(e.costRemoved))).toEqual([kept]);
      expect([text(of('A').quantity), text(of('B').quantity)]).toEqual(['0', '1']);
    },
  );

  it.each(COST_BASIS_METHODS)(
    'under %s, a sell above its account’s holding is refused, naming the account',
    (method) => {
      const result = deriveHoldings(
        [
          buy('b1', '1', '100', { day: 1, account: 'A' }),
          buy('b2', '1', '100', { day: 1, account: 'B' }),
          sell('s1', '1.5', '300', { day: 2, account: 'A' }),
        ],
        method,
        { accountName: (id) => (id === 'A' ? 'Ledger' : 'Kraken') },
      );
      expect(result.ok ? null : result.error).toMatchObject({
        code: 'insufficient-holding',
        transactionId: 's1',
        message:
          'Transaction s1 (sell of BTC at 2024-01-03T00:00:00.000Z): asks for 1.5 BTC but only 1 BTC is held in account "Ledger" at that time',
      });
    },
  );

  it('refuses a transfer out of an account before anything arrived there', () => {
    const error = refusal([
      buy('b1', '1', '100', { day: 2, account: 'A' }),
      transfer('t1', '1', 'A', 'B', { day: 1 }),
    ]);
    expect([error.code, error.transactionId]).toEqual(['insufficient-holding', 't1']);
    expect(error.message).toContain('(transfer of BTC at 2024-01-02T00:00:00.000Z)');
  });

  it('keeps one quote currency per asset across accounts', () => {
    const error = refusal([
      buy('b1', '1', '100', { account: 'A' }),
      buy('b2', '1', '90', { day: 1, account: 'B', quoteCurrency: 'EUR' }),
    ]);
    expect([error.code, error.transactionId]).toEqual(['mixed-quote-currency', 'b2']);
  });
});
