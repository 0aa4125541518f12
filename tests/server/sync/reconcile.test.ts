import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../lib/portfolio/decimal';
import type { Transaction } from '../../../lib/portfolio/transaction';
import { reconcile } from '../../../server/sync/reconcile';
import { bookedTrade } from '../../support/fixtures';

let n = 0;
const tx = (over: Partial<Transaction>): Transaction => ({
  ...bookedTrade('binance'),
  id: `t${(n += 1)}`,
  ...over,
  timeMs: over.timeMs ?? n,
});
const balances = (entries: Record<string, string>) =>
  new Map(Object.entries(entries).map(([k, v]) => [k, new Decimal(v)]));
const shown = (m: Map<string, Decimal>) => Object.fromEntries([...m].map(([k, v]) => [k, v.toString()]));

describe('reconciliation', () => {
  it('[P9] a history that ends at the balances needs no adjustment', () => {
    const history = [
      tx({ quantity: '2' }),
      tx({ type: 'sell', quantity: '0.5', fee: '0.1', feeCurrency: 'BTC' }),
    ];
    const result = reconcile('binance', history, balances({ BTC: '1.4' }));
    expect(shown(result.openings)).toEqual({});
    expect(shown(result.closings)).toEqual({});
  });

  it('[P9] what is held with no record, and a sale of more than the records bought, open with a balance', () => {
    const history = [tx({ type: 'sell', quantity: '1' }), tx({ quantity: '0.25' })];
    const result = reconcile('binance', history, balances({ BTC: '0.5', ARB: '62.5' }));
    // 1 BTC had to be there before the sale; 0.25 more explains the balance.
    expect(shown(result.openings)).toEqual({ BTC: '1.25', ARB: '62.5' });
    expect(shown(result.closings)).toEqual({});
  });

  it('[P9] records that explain more than is held close with a withdrawal, and nothing goes below zero', () => {
    const history = [tx({ type: 'sell', quantity: '1' }), tx({ quantity: '3' })];
    const result = reconcile('binance', history, balances({ BTC: '1' }));
    expect(shown(result.openings)).toEqual({ BTC: '1' });
    expect(shown(result.closings)).toEqual({ BTC: '2' });
  });

  it('[P9] transfers count on both sides, other accounts and earlier adjustments not at all', () => {
    const history = [
      tx({ quantity: '2' }),
      tx({ type: 'transfer', quantity: '0.5', fee: '0.01', feeCurrency: 'BTC', toAccount: 'ledger' }),
      tx({ account: 'ledger', type: 'transfer', quantity: '0.2', toAccount: 'binance' }),
      tx({ account: 'ledger', quantity: '9' }),
      tx({ type: 'deposit', quantity: '7', externalId: 'opening:BTC', costUnknown: true }),
    ];
    const result = reconcile('binance', history, balances({ BTC: '1.69' }));
    expect(shown(result.openings)).toEqual({});
    expect(shown(result.closings)).toEqual({});
  });

  it('[P4][P9] without balances (an imported file), only the opening the history needs, and no closing', () => {
    const history = [tx({ quantity: '3' }), tx({ type: 'sell', quantity: '4' }), tx({ quantity: '0.5' })];
    const result = reconcile('binance', history, null);
    expect(shown(result.openings)).toEqual({ BTC: '1' });
    expect(shown(result.closings)).toEqual({});
    expect(shown(reconcile('binance', [tx({ quantity: '3' })], null).openings)).toEqual({});
  });
});
