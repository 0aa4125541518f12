import { describe, expect, it } from 'vitest';
import {
  BLANK,
  accountFor,
  draftOf,
  toInput,
  transferProblem,
} from '../../../app/transactions/_components/transaction-draft';
import type { TransactionRecord } from '../../../client/api/portfolio';
import type { AccountSummary } from '../../../client/api/portfolio-accounts';

const account = (id: string, name: string): AccountSummary => ({
  id,
  name,
  kind: 'manual',
  createdAt: 1,
  transactions: 0,
});
const MAIN = account('a1', 'Main');
const LEDGER = account('a2', 'Ledger');
const BOTH = [MAIN, LEDGER];

const TRANSFER: TransactionRecord = {
  id: 't1',
  type: 'transfer',
  asset: 'BTC',
  quantity: '0.2',
  price: '60000',
  quoteCurrency: 'USDT',
  fee: '0',
  feeCurrency: 'BTC',
  time: '2026-01-02T10:00:00.000Z',
  timeMs: Date.parse('2026-01-02T10:00:00.000Z'),
  account: 'a1',
  toAccount: 'a2',
};

describe('the transaction form: which accounts a transaction names', () => {
  it('[P1] books in the account chosen, else the one the page lists, else the oldest', () => {
    expect(accountFor('a2', 'a1', BOTH)).toBe('a2');
    expect(accountFor('', 'a2', BOTH)).toBe('a2');
    expect(accountFor('', null, BOTH)).toBe('a1');
    // An id that is not (or no longer) one of the accounts is never sent.
    expect(accountFor('gone', 'also-gone', BOTH)).toBe('a1');
    // Accounts not loaded yet: none sent, the server books in the oldest.
    expect(accountFor('', 'a2', [])).toBe('');
  });

  it('[P1] an edited transfer starts with its own two accounts and sends both', () => {
    const draft = draftOf(TRANSFER);
    expect([draft.account, draft.toAccount]).toEqual(['a1', 'a2']);
    const input = toInput(draft, accountFor(draft.account, 'a2', BOTH), TRANSFER);
    expect(input).toMatchObject({ type: 'transfer', account: 'a1', toAccount: 'a2', time: TRANSFER.time });
  });

  it('[P1] only a transfer sends a To account, even when one was picked before the type changed', () => {
    const draft = { ...BLANK, type: 'buy' as const, time: '2026-01-02T10:00', toAccount: 'a2' };
    const input = toInput(draft, 'a1', null);
    expect(input).toMatchObject({ account: 'a1' });
    expect(input).not.toHaveProperty('toAccount');
    expect(toInput(draft, '', null)).not.toHaveProperty('account');
  });

  it('[P1] a transfer needs a second account, a destination, and another one than its source', () => {
    expect(transferProblem([MAIN], 'a1', '')).toMatch(/second account/);
    expect(transferProblem(BOTH, 'a1', '')).toMatch(/Choose the account/);
    expect(transferProblem(BOTH, 'a1', 'a1')).toMatch(/an account other than Main/);
    expect(transferProblem(BOTH, 'a1', 'a2')).toBeNull();
  });
});
