import { describe, expect, it } from 'vitest';
import { importSummary } from '../../../app/transactions/_components/import-summary';
import type { ImportResult } from '../../../client/api/transactions-csv';
import { translatorFor } from '../../support/i18n';

const tEn = translatorFor('transactions');
const tDe = translatorFor('transactions', 'de');

const result = (over: Partial<ImportResult>): ImportResult => ({
  format: 'binance',
  imported: 0,
  skipped: 0,
  ignored: 0,
  warnings: [],
  ...over,
});

describe('the sentence of a CSV import', () => {
  it('counts transactions of Livefolio’s own file, one and many', () => {
    expect(importSummary(result({ format: 'livefolio', imported: 1 }), 'a.csv', tEn)).toBe(
      'Imported 1 transaction from a.csv.',
    );
    expect(importSummary(result({ format: 'livefolio', imported: 3 }), 'a.csv', tEn)).toBe(
      'Imported 3 transactions from a.csv.',
    );
  });

  it('names an exchange file’s format and account, and what it skipped or left out', () => {
    const account = { id: 'a1', name: 'Binance' };
    expect(importSummary(result({ imported: 2, skipped: 1, ignored: 4, account }), 'b.csv', tEn)).toBe(
      'Imported 2 rows from b.csv (Binance trade history) into Binance; 1 row already booked skipped; ' +
        '4 rows that move nothing left out.',
    );
    expect(importSummary(result({ format: 'kraken', imported: 1 }), 'k.csv', tEn)).toBe(
      'Imported 1 row from k.csv (Kraken ledgers export).',
    );
  });

  it('orders and pluralises in German, its numbers in the German way', () => {
    const account = { id: 'a1', name: 'Binance' };
    expect(importSummary(result({ imported: 1234, skipped: 1, account }), 'b.csv', tDe)).toBe(
      '1.234 Zeilen aus b.csv (Binance-Handelshistorie) in Binance importiert; ' +
        '1 bereits gebuchte Zeile übersprungen.',
    );
    expect(importSummary(result({ format: 'livefolio', imported: 1 }), 'a.csv', tDe)).toBe(
      '1 Transaktion aus a.csv importiert.',
    );
  });
});
