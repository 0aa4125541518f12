import { describe, expect, it } from 'vitest';
import {
  BLANK,
  accountFor,
  draftOf,
  toInput,
  transferProblem,
} from '../../../app/transactions/_components/transaction-draft';
import type { TransactionRecord } from '../../../client/api/transactions';
import type { AccountSummary } from '../../../client/api/portfolio-accounts';
import { translatorFor } from '../../support/i18n';

const tEn = translatorFor('transactions');
const tDe = translatorFor('transactions', 'de');

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
    const draft = draftOf(TRANSFER, 'en-US');
    expect([draft.account, draft.toAccount]).toEqual(['a1', 'a2']);
    const input = toInput(draft, accountFor(draft.account, 'a2', BOTH), TRANSFER, tEn, 'en-US');
    expect(input).toMatchObject({ type: 'transfer', account: 'a1', toAccount: 'a2', time: TRANSFER.time });
  });

  it('[P1] only a transfer sends a To account, even when one was picked before the type changed', () => {
    const draft = { ...BLANK, type: 'buy' as const, time: '2026-01-02T10:00', toAccount: 'a2' };
    const input = toInput(draft, 'a1', null, tEn, 'en-US');
    expect(input).toMatchObject({ account: 'a1' });
    expect(input).not.toHaveProperty('toAccount');
    expect(toInput(draft, '', null, tEn, 'en-US')).not.toHaveProperty('account');
  });

  it('[P1] a transfer needs a second account, a destination, and another one than its source', () => {
    expect(transferProblem([MAIN], 'a1', '', tEn)).toBe('A transfer needs a second account.');
    expect(transferProblem(BOTH, 'a1', '', tEn)).toBe('Choose the account the coins go to.');
    expect(transferProblem(BOTH, 'a1', 'a1', tEn)).toBe(
      'Choose an account other than Main: a transfer moves coins to another account.',
    );
    expect(transferProblem(BOTH, 'a1', 'a2', tEn)).toBeNull();
    expect(transferProblem(BOTH, 'a1', 'a1', tDe)).toBe(
      'Wählen Sie ein anderes Konto als Main: Eine Umbuchung bewegt Coins auf ein anderes Konto.',
    );
  });
});

describe('the transaction form: amounts as the reader types them', () => {
  const typed = (quantity: string, price = '60000', fee = '0') => ({
    ...BLANK,
    time: '2026-01-02T10:00',
    quantity,
    price,
    fee,
  });

  it('sends what an English reader typed as typed: the server judges it, as before', () => {
    expect(toInput(typed(' 0.5 ', '1234.5'), 'a1', null, tEn, 'en-US')).toMatchObject({
      quantity: '0.5',
      price: '1234.5',
    });
    expect(toInput(typed('0,5'), 'a1', null, tEn, 'en-US')).toMatchObject({ quantity: '0,5' });
    expect(toInput({ ...BLANK, time: '' }, 'a1', null, tEn, 'en-US')).toEqual({
      error: 'Enter the date and time.',
      field: 'time',
    });
  });

  it('reads a German decimal comma and thousands points into the API decimal', () => {
    expect(toInput(typed('0,5', '1.234,5', '0,25'), 'a1', null, tDe, 'de-DE')).toMatchObject({
      quantity: '0.5',
      price: '1234.5',
      fee: '0.25',
    });
  });

  it('names the field of an amount that would need a guess, in German', () => {
    expect(toInput(typed('1', '1.234'), 'a1', null, tDe, 'de-DE')).toEqual({
      error: 'Preis: 1.234 kann 1234 oder 1,234 bedeuten; schreiben Sie die Zahl ohne Tausendertrennzeichen.',
      field: 'price',
    });
    expect(toInput(typed('1,234.5'), 'a1', null, tDe, 'de-DE')).toEqual({
      error: 'Menge: „1,234.5“ ist keine Zahl; schreiben Sie sie z. B. als 0,5.',
      field: 'quantity',
    });
  });

  it('shows a stored amount with the reader decimal mark, so that saving it unchanged keeps it', () => {
    const stored = { ...TRANSFER, quantity: '1.234', price: '60000.5' };
    const draft = draftOf(stored, 'de-DE');
    expect([draft.quantity, draft.price]).toEqual(['1,234', '60000,5']);
    expect(toInput(draft, 'a1', stored, tDe, 'de-DE')).toMatchObject({ quantity: '1.234', price: '60000.5' });
    expect(draftOf(stored, 'en-US').quantity).toBe('1.234');
  });
});
