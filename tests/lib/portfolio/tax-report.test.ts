import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZERO } from '../../../lib/portfolio/decimal';
import type { Decimal } from '../../../lib/portfolio/decimal';
import { COST_BASIS_METHODS } from '../../../lib/portfolio/lots';
import type { CostBasisMethod } from '../../../lib/portfolio/lots';
import { taxReport } from '../../../lib/portfolio/tax-report';
import { buy, holdings, sell, text, tx } from './build';
import { history } from './history-arbitrary';

const RUNS = { numRuns: 200, seed: Number(process.env.FC_SEED ?? 20_240_501) };
const ALL_TIME = { from: 0, to: Number.MAX_SAFE_INTEGER };
const DAY = 86_400_000;
const sum = (values: Decimal[]) => values.reduce((total, v) => total.plus(v), ZERO);

describe('the tax report, worked by hand', () => {
  const history = [
    buy('b1', '1', '100', { day: 0 }),
    buy('b2', '1', '200', { day: 400 }),
    tx('staking', 's1', '0.1', '250', { day: 450 }),
    sell('s2', '1.5', '300', { day: 500, fee: '3', feeCurrency: 'USDT' }),
  ];

  it('[P10] FIFO: a sale is split into the lots it drew, each with its share of the proceeds and its holding period', () => {
    const report = taxReport(holdings(history, 'fifo'), ALL_TIME);
    expect(
      report.gains.map((g) => [
        g.acquiredBy,
        text(g.quantity),
        text(g.proceeds),
        text(g.costBasis),
        text(g.gain),
        g.heldDays,
        g.term,
      ]),
    ).toEqual([
      // 447 of proceeds (450 − 3 fee), shared 1 : 0.5.
      ['b1', '1', '298', '100', '198', 500, 'long'],
      ['b2', '0.5', '149', '100', '49', 100, 'short'],
    ]);
    expect(report.income.map((i) => [i.type, text(i.quantity), text(i.value), i.currency])).toEqual([
      ['staking', '0.1', '25', 'USDT'],
    ]);
    const [year] = report.years;
    expect(
      year && [
        year.year,
        text(year.gain),
        text(year.shortTermGain),
        text(year.longTermGain),
        text(year.income),
      ],
    ).toEqual([2025, '247', '49', '198', '25']);
  });

  it('[P10] HIFO draws the dearest lot first, and income counts as a lot at its value', () => {
    const report = taxReport(holdings(history, 'hifo'), ALL_TIME);
    expect(report.gains.map((g) => [g.acquiredBy, text(g.quantity), text(g.costBasis)])).toEqual([
      // Drawn s1 (250 a unit), b2 (200), then b1 (100); listed oldest first.
      ['b1', '0.4', '40'],
      ['b2', '1', '200'],
      ['s1', '0.1', '25'],
    ]);
  });

  it('[P10] a range keeps what falls in it; the holding-period threshold is a setting', () => {
    expect(taxReport(holdings(history), { from: 0, to: Date.UTC(2025, 0, 1) }).gains).toEqual([]);
    const strict = taxReport(holdings(history), { ...ALL_TIME, longTermDays: 600 });
    expect(strict.gains.map((g) => g.term)).toEqual(['short', 'short']);
  });

  it('[P10][P8] a lot keeps the account it was acquired in through a transfer', () => {
    const moved = [
      buy('b1', '2', '100', { day: 0 }),
      tx('transfer', 't1', '2', '100', { day: 1, account: 'main', toAccount: 'cold' }),
      sell('s1', '1', '150', { day: 2, account: 'cold' }),
    ];
    const [line] = taxReport(holdings(moved), ALL_TIME).gains;
    expect(line).toMatchObject({
      acquiredIn: 'main',
      disposedFrom: 'cold',
      acquiredBy: 'b1',
      disposedBy: 's1',
    });
    expect(line?.heldDays).toBe(2);
    expect(line?.disposedAt).toBe(Date.UTC(2024, 0, 1) + 2 * DAY);
  });
});

describe.each(COST_BASIS_METHODS)(
  '[P10] the tax report under %s, over random valid histories',
  (method: CostBasisMethod) => {
    it('its gains sum exactly to the realized P&L, and every disposal is split into exactly the quantity it sold', () => {
      fc.assert(
        fc.property(history(), ({ transactions }) => {
          const held = holdings(transactions, method);
          const report = taxReport(held, ALL_TIME);
          expect(text(sum(report.gains.map((g) => g.gain)))).toBe(text(sum(held.map((h) => h.realizedPnl))));
          for (const h of held)
            for (const event of h.realized) {
              const lines = report.gains.filter(
                (g) => g.disposedBy === event.transactionId && g.asset === h.asset,
              );
              expect(text(sum(lines.map((g) => g.quantity)))).toBe(text(event.quantity));
              expect(text(sum(lines.map((g) => g.proceeds)))).toBe(text(event.proceeds));
            }
          for (const g of report.gains) {
            expect(g.quantity.gt(0)).toBe(true);
            expect(g.costBasis.gte(0)).toBe(true);
            expect(g.disposedAt).toBeGreaterThanOrEqual(g.acquiredAt);
          }
        }),
        RUNS,
      );
    });

    it('its years add up to its lines, short- and long-term together', () => {
      fc.assert(
        fc.property(history(), ({ transactions }) => {
          const report = taxReport(holdings(transactions, method), ALL_TIME);
          expect(text(sum(report.years.map((y) => y.gain)))).toBe(text(sum(report.gains.map((g) => g.gain))));
          for (const y of report.years) expect(text(y.shortTermGain.plus(y.longTermGain))).toBe(text(y.gain));
        }),
        RUNS,
      );
    });
  },
);

describe('cash in the tax report', () => {
  it('[P10] leaves out the disposals of cash (an asset quoted in itself), which never gain', () => {
    const usdt = { asset: 'USDT', quoteCurrency: 'USDT', feeCurrency: 'USDT' };
    const synced = [
      tx('deposit', 'd1', '1000', '1', { ...usdt, day: 0 }),
      buy('b1', '0.01', '40000', { day: 1 }),
      tx('sell', 'c1', '400', '1', { ...usdt, day: 1 }),
      sell('s1', '0.01', '50000', { day: 2 }),
      tx('buy', 'c2', '500', '1', { ...usdt, day: 2 }),
    ];
    const report = taxReport(holdings(synced), ALL_TIME);
    expect(report.gains.map((g) => [g.asset, text(g.gain)])).toEqual([['BTC', '100']]);
  });
});
