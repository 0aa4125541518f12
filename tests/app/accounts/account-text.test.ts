import { describe, expect, it } from 'vitest';
import {
  deletedText,
  deleteQuestionText,
  transactionsText,
} from '../../../app/accounts/_components/account-text';
import { translatorFor } from '../../support/i18n';

const t = translatorFor('accounts');
const tDe = translatorFor('accounts', 'de');

describe('account text', () => {
  it('counts an account’s transactions, singular, plural and none', () => {
    expect(transactionsText(t, 0)).toBe('No transactions');
    expect(transactionsText(t, 1)).toBe('1 transaction');
    expect(transactionsText(t, 1_234)).toBe('1,234 transactions');
    expect(transactionsText(tDe, 1)).toBe('1 Transaktion');
    expect(transactionsText(tDe, 1_234)).toBe('1.234 Transaktionen');
  });

  it('asks before a delete and reports it, naming the transactions that go with it', () => {
    expect(deleteQuestionText(t, 'Ledger', 0)).toBe('Delete Ledger?');
    expect(deleteQuestionText(t, 'Ledger', 1)).toBe('Delete Ledger and its 1 transaction?');
    expect(deleteQuestionText(t, 'Ledger', 3)).toBe('Delete Ledger and its 3 transactions?');
    expect(deletedText(t, 'Ledger', 0)).toBe('Deleted Ledger.');
    expect(deletedText(t, 'Ledger', 3)).toBe('Deleted Ledger and its 3 transactions.');
    expect(deleteQuestionText(tDe, 'Ledger', 3)).toBe('Ledger mit 3 Transaktionen löschen?');
    expect(deletedText(tDe, 'Bank', 1)).toBe('Bank mit 1 Transaktion gelöscht.');
  });
});
