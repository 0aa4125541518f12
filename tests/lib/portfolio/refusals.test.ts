import { describe, expect, it } from 'vitest';
import { validateTransactions } from '../../../lib/portfolio/holdings';
import { COST_BASIS_METHODS } from '../../../lib/portfolio/lots';
import { buy, refusal, sell, tx } from './build';

describe('a disposal above the holding', () => {
  const history = [buy('b1', '1', '10000', { day: 1 }), sell('s1', '1.5', '30000', { day: 2 })];

  it.each(COST_BASIS_METHODS)(
    'is refused under %s, naming the transaction, the asset, the held and the asked',
    (method) => {
      expect(refusal(history, method)).toMatchObject({
        code: 'insufficient-holding',
        transactionId: 's1',
        message:
          'Transaction s1 (sell of BTC at 2024-01-03T00:00:00.000Z): asks for 1.5 BTC but only 1 BTC is held in account "main" at that time',
      });
    },
  );

  it('counts a fee paid in the asset as part of what is asked', () => {
    const error = refusal([
      buy('b1', '1', '100'),
      sell('s1', '1', '100', { fee: '0.001', feeCurrency: 'BTC' }),
    ]);
    expect(error.message).toContain('asks for 1.001 BTC (1 + 0.001 fee) but only 1 BTC is held');
    // The figures apart, for the server to word the refusal in the reader's language (docs/locales.md, L6).
    expect(error.values).toEqual({
      id: 's1',
      type: 'sell',
      asset: 'BTC',
      time: expect.any(String),
      quantity: '1',
      fee: '0.001',
      leaving: '1.001',
      held: '1',
      account: '"main"',
      feeInAsset: 'yes',
    });
  });

  it('is refused for a withdrawal too, and judged at its time, not at the end', () => {
    const error = refusal([
      tx('deposit', 'd1', '1', '100', { day: 1 }),
      tx('withdrawal', 'w1', '2', '100', { day: 2 }),
      tx('deposit', 'd2', '5', '100', { day: 3 }),
    ]);
    expect([error.code, error.transactionId]).toEqual(['insufficient-holding', 'w1']);
  });
});

it('refuses an asset quoted in two currencies, naming both transactions', () => {
  const error = refusal([buy('b1', '1', '100'), buy('b2', '1', '90', { quoteCurrency: 'EUR', day: 1 })]);
  expect(error).toMatchObject({
    code: 'mixed-quote-currency',
    transactionId: 'b2',
    message:
      'Transaction b2 (buy of BTC at 2024-01-02T00:00:00.000Z): BTC is quoted in EUR here but in USDT by transaction b1; one quote currency per asset',
  });
});

it('refuses a buy whose fee in the asset is all of what it received', () => {
  const error = refusal([buy('b1', '0.001', '100', { fee: '0.001', feeCurrency: 'BTC' })]);
  expect(error.code).toBe('fee-exceeds-quantity');
  expect(error.message).toContain('the fee of 0.001 BTC leaves nothing of the 0.001 BTC received');
});

describe('checking a history before storing a change', () => {
  const stored = [buy('b1', '1', '100', { day: 1 }), sell('s1', '0.5', '200', { day: 3 })];

  it('accepts a new sell that fits what is held', () => {
    expect(validateTransactions([...stored, sell('new', '0.5', '300', { day: 4 })])).toEqual({ ok: true });
  });

  it('refuses a new sell dated before the buy it would need', () => {
    const check = validateTransactions([...stored, sell('new', '0.6', '300', { day: 0 })]);
    expect(check.ok ? null : [check.error.transactionId, check.error.code]).toEqual([
      'new',
      'insufficient-holding',
    ]);
  });

  it('refuses an edit that shrinks a buy below a later sell', () => {
    const edited = stored.map((t) => (t.id === 'b1' ? buy('b1', '0.4', '100', { day: 1 }) : t));
    const check = validateTransactions(edited);
    expect(check.ok ? null : check.error.message).toContain('asks for 0.5 BTC but only 0.4 BTC is held');
  });
});
