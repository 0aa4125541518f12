import { describe, expect, it } from 'vitest';
import { parseNewTransaction, parseTransaction } from '../../../lib/portfolio/transaction';

const valid = {
  type: 'buy',
  asset: 'BTC',
  quantity: '0.50',
  price: '67598.19',
  quoteCurrency: 'USDT',
  fee: '0.1',
  feeCurrency: 'BNB',
  time: '2024-05-01T14:00:00+02:00',
  exchange: 'binance',
  note: 'DCA, week 18 — ✓',
};

/** `valid` without the named fields. */
function without(...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(valid).filter(([key]) => !keys.includes(key)));
}

function messageFor(input: unknown): string {
  const parsed = parseNewTransaction(input);
  expect(parsed.ok).toBe(false);
  return parsed.ok ? '' : parsed.error.message;
}

describe('a new transaction', () => {
  it('is accepted with canonical amounts and its time in epoch ms', () => {
    const parsed = parseNewTransaction(valid);
    expect(parsed).toEqual({
      ok: true,
      value: { ...valid, quantity: '0.5', timeMs: Date.UTC(2024, 4, 1, 12) },
    });
  });

  it('may leave out the exchange and the note, and may have a zero price and fee', () => {
    expect(parseNewTransaction({ ...without('exchange', 'note'), price: '0', fee: '0' }).ok).toBe(true);
  });

  it.each([
    ['a negative quantity', { quantity: '-1' }, 'quantity: must not be negative (got "-1")'],
    ['a zero quantity', { quantity: '0' }, 'quantity: must be greater than 0 (got "0")'],
    [
      'an exponent',
      { quantity: '1e3' },
      'quantity: expected a decimal number like 0.5, without exponent (got "1e3")',
    ],
    ['NaN', { price: 'NaN' }, 'price: expected a decimal number like 0.5, without exponent (got "NaN")'],
    [
      'a huge number',
      { price: '1' + '0'.repeat(30) },
      'price: at most 30 digits before the point (got "100000000000000000000000…")',
    ],
    [
      'too many decimals',
      { fee: '0.0000000000000000001' },
      'fee: at most 18 digits after the point (got "0.0000000000000000001")',
    ],
    [
      'a JSON number for an amount',
      { quantity: 0.5 },
      'quantity: expected a decimal string like "0.5", got number 0.5',
    ],
    [
      'a boolean for a ticker',
      { asset: true },
      'asset: expected an upper-case ticker like "BTC", got boolean true',
    ],
    [
      'a ticker with a space',
      { asset: 'BT C' },
      'asset: expected an upper-case ticker like "BTC" (1-20 of A-Z, 0-9, ".", "-"), got "BT C"',
    ],
    [
      'a lower-case currency',
      { quoteCurrency: 'usdt' },
      'quoteCurrency: expected an upper-case ticker like "BTC" (1-20 of A-Z, 0-9, ".", "-"), got "usdt"',
    ],
    [
      'an unknown type',
      { type: 'swap' },
      'type: expected one of buy, sell, deposit, withdrawal, transfer, staking, interest, airdrop, income, got "swap"',
    ],
    [
      'a day that does not exist',
      { time: '2023-02-29T10:00:00Z' },
      'time: expected an ISO 8601 date-time with offset or Z, like "2024-05-01T12:00:00Z", got "2023-02-29T10:00:00Z"',
    ],
    [
      'a time without offset',
      { time: '2024-05-01T12:00:00' },
      'time: expected an ISO 8601 date-time with offset or Z, like "2024-05-01T12:00:00Z", got "2024-05-01T12:00:00"',
    ],
    [
      'a time as epoch ms',
      { time: 1714557600000 },
      'time: expected an ISO 8601 date-time with offset or Z, like "2024-05-01T12:00:00Z", got number 1714557600000',
    ],
    [
      'an exchange in capitals',
      { exchange: 'Binance' },
      'exchange: expected a ccxt exchange id like "binance" (lowercase, ≤ 40), got "Binance"',
    ],
    ['a long note', { note: 'x'.repeat(501) }, 'note: at most 500 characters'],
    ['an extra key', { id: 'x1', amount: '3' }, '"id": unknown field; "amount": unknown field'],
  ])('with %s is refused, naming the field', (_what, change, message) => {
    expect(messageFor({ ...valid, ...change })).toBe(message);
  });

  it('without a required field is refused, naming it', () => {
    expect(messageFor(without('fee'))).toBe('fee: required');
  });

  it('lists every problem, not only the first', () => {
    const parsed = parseNewTransaction({ ...valid, quantity: '-1', asset: 'btc' });
    expect(parsed.ok ? [] : parsed.error.issues.map((i) => i.split(':')[0])).toEqual(['asset', 'quantity']);
  });

  it.each([null, 5, 'buy 1 BTC', []])('that is not an object (%j) is refused', (input) => {
    expect(messageFor(input)).toMatch(/^transaction: expected an object, got /);
  });
});

describe('accounts on a transaction', () => {
  const transfer = { ...valid, type: 'transfer', account: 'a1', toAccount: 'a2' };

  it('[P1] a new transaction may name its account or leave it to the server; a transfer names both', () => {
    expect(parseNewTransaction({ ...valid, account: 'a1' })).toMatchObject({
      ok: true,
      value: { account: 'a1' },
    });
    const left = parseNewTransaction(valid);
    expect(left.ok ? Object.keys(left.value) : null).not.toContain('account');
    expect(parseNewTransaction(transfer)).toMatchObject({
      ok: true,
      value: { account: 'a1', toAccount: 'a2' },
    });
  });

  it.each([
    [
      'a destination on a buy',
      { ...valid, toAccount: 'a2' },
      'toAccount: only a transfer has one (this is a buy)',
    ],
    [
      'a transfer into its own account',
      { ...transfer, toAccount: 'a1' },
      'toAccount: must be another account than account',
    ],
    ['an empty account id', { ...valid, account: '' }, 'account: must not be empty'],
    [
      'an account id that is a number',
      { ...valid, account: 7 },
      'account: expected an account id, got number 7',
    ],
  ])('[P1] %s is refused, naming the field', (_what, input, message) => {
    expect(messageFor(input)).toBe(message);
  });
});

describe('a stored transaction', () => {
  it('needs its id and its account', () => {
    expect(parseTransaction({ ...valid, id: 'tx-1', account: 'a1' }).ok).toBe(true);
    const parsed = parseTransaction({ ...valid, account: 'a1' });
    expect(parsed.ok ? '' : parsed.error.message).toBe('id: required');
    const orphan = parseTransaction({ ...valid, id: 'tx-1' });
    expect(orphan.ok ? '' : orphan.error.message).toBe('account: required');
  });

  it('is a transfer only with a destination', () => {
    const parsed = parseTransaction({ ...valid, id: 'tx-1', type: 'transfer', account: 'a1' });
    expect(parsed.ok ? '' : parsed.error.message).toBe('toAccount: required on a transfer');
  });
});
