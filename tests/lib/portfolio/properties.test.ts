import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, ZERO } from '../../../lib/portfolio/decimal';
import { deriveHoldings, validateTransactions } from '../../../lib/portfolio/holdings';
import type { AssetHolding } from '../../../lib/portfolio/holdings';
import { COST_BASIS_METHODS } from '../../../lib/portfolio/lots';
import type { CostBasisMethod } from '../../../lib/portfolio/lots';
import { valuePortfolio } from '../../../server/portfolio/valuation';
import { holdings, sell, text } from './build';
import { history, prices } from './history-arbitrary';
import type { Expected } from './history-arbitrary';

/** Fixed so a run is reproducible; FC_SEED=<n> explores other histories. */
const RUNS = { numRuns: 200, seed: Number(process.env.FC_SEED ?? 20_240_501) };

function sum(values: Decimal[]): Decimal {
  return values.reduce((total, v) => total.plus(v), ZERO);
}

function expectedOf(expected: Map<string, Expected>, asset: string): Expected {
  const e = expected.get(asset);
  if (!e) throw new Error(`no expectation for ${asset}`);
  return e;
}

describe.each(COST_BASIS_METHODS)('%s, over random valid histories', (method: CostBasisMethod) => {
  it('the remaining lots add up exactly to the holding: acquired − fees in the asset − disposed', () => {
    fc.assert(
      fc.property(history(), ({ transactions, expected }) => {
        for (const h of holdings(transactions, method)) {
          expect(text(sum(h.lots.map((l) => l.quantity)))).toBe(text(h.quantity));
          expect(text(h.quantity)).toBe(text(expectedOf(expected, h.asset).held));
          expect(h.lots.every((l) => l.quantity.gt(0))).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('each account holds what it was given, and the totals are the sums over the accounts', () => {
    fc.assert(
      fc.property(history(), ({ transactions, held }) => {
        const result = deriveHoldings(transactions, method);
        if (!result.ok) throw new Error(result.error.message);
        for (const { account, holdings: list } of result.accounts)
          for (const h of list) {
            expect(text(h.quantity)).toBe(text(held.get(`${account}:${h.asset}`) ?? ZERO));
            expect(h.lots.every((l) => l.account === account)).toBe(true);
          }
        for (const h of result.holdings) {
          const parts = result.accounts.flatMap((a) => a.holdings.filter((x) => x.asset === h.asset));
          for (const pick of [
            (x: AssetHolding) => x.quantity,
            (x: AssetHolding) => x.costBasis,
            (x: AssetHolding) => x.realizedPnl,
          ])
            expect(text(pick(h))).toBe(text(sum(parts.map(pick))));
          expect(h.lots).toHaveLength(sum(parts.map((x) => new Decimal(x.lots.length))).toNumber());
        }
      }),
      RUNS,
    );
  });

  it('cost is conserved: held + removed by sells and transfer fees + removed by withdrawals = acquisition cost', () => {
    fc.assert(
      fc.property(history(), ({ transactions, expected }) => {
        for (const h of holdings(transactions, method)) {
          const removed = sum(h.realized.map((e) => e.costRemoved));
          const accounted = h.costBasis.plus(removed).plus(h.withdrawnCost);
          expect(text(accounted)).toBe(text(expectedOf(expected, h.asset).acquisitionCost));
        }
      }),
      RUNS,
    );
  });

  it('realized + unrealized P&L = market value + proceeds + withdrawn cost − acquisition cost, exactly', () => {
    fc.assert(
      fc.property(history(), prices, ({ transactions, expected }, current) => {
        const list = holdings(transactions, method);
        const valuation = valuePortfolio(list, current, 'USDT');
        expect(valuation.complete).toBe(true);
        for (const a of valuation.assets) {
          const h = list.find((x) => x.asset === a.asset) as AssetHolding;
          const e = expectedOf(expected, a.asset);
          const pnl = a.realizedPnl.plus(a.unrealizedPnl);
          expect(text(pnl)).toBe(
            text(a.marketValue.plus(e.proceeds).plus(h.withdrawnCost).minus(e.acquisitionCost)),
          );
        }
      }),
      RUNS,
    );
  });
});

it('without withdrawals, every method gives the same total realized + unrealized P&L (they differ only in timing)', () => {
  fc.assert(
    fc.property(history(['buy', 'deposit', 'sell']), prices, ({ transactions }, current) => {
      const totals = COST_BASIS_METHODS.map((method) => {
        const { totals: t } = valuePortfolio(holdings(transactions, method), current, 'USDT');
        return text(t.realizedPnl.plus(t.unrealizedPnl));
      });
      expect(new Set(totals).size).toBe(1);
    }),
    RUNS,
  );
});

it('a sell one smallest unit above the holding is always refused, and anything generated is accepted', () => {
  fc.assert(
    fc.property(history(), ({ transactions, expected }) => {
      expect(validateTransactions(transactions)).toEqual({ ok: true });
      const held = expectedOf(expected, 'BTC').held;
      const tooMuch = sell('over', text(held.plus('0.000000000000000001')), '1', { day: 100 });
      const result = deriveHoldings([...transactions, tooMuch], 'fifo');
      expect(result.ok ? null : [result.error.transactionId, result.error.code]).toEqual([
        'over',
        'insufficient-holding',
      ]);
    }),
    RUNS,
  );
});
