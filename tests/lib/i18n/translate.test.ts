import { describe, expect, it } from 'vitest';
import { createTranslator, formatMessage } from '../../../lib/i18n/translate';

const en = { language: 'en' as const, formatLocale: 'en-US' };
const de = { language: 'de' as const, formatLocale: 'de-DE' };

describe('turning a message into text', () => {
  it('fills placeholders, writing numbers in the reader locale', () => {
    expect(formatMessage('{count} of {total} rows', { count: 1234, total: 'all' }, en)).toBe(
      '1,234 of all rows',
    );
    expect(formatMessage('{count} von {total} Zeilen', { count: 1234, total: 'allen' }, de)).toBe(
      '1.234 von allen Zeilen',
    );
  });

  it("picks the plural form by the language's rules", () => {
    const rows = { one: '{count} row', other: '{count} rows' };
    expect(formatMessage(rows, { count: 1 }, en)).toBe('1 row');
    expect(formatMessage(rows, { count: 0 }, en)).toBe('0 rows');
    expect(formatMessage(rows, { count: 2.5 }, en)).toBe('2.5 rows');
    expect(formatMessage({ one: '{count} Zeile', other: '{count} Zeilen' }, { count: 1 }, de)).toBe(
      '1 Zeile',
    );
  });

  it('shows a missing value or key rather than nothing', () => {
    expect(formatMessage('Hello {name}', {}, en)).toBe('Hello {name}');
    const t = createTranslator({ ns: { known: 'Known' } } as Record<string, Record<string, string>>, en);
    expect(t('ns', 'known')).toBe('Known');
    expect(t('ns', 'unknown')).toBe('ns.unknown');
  });
});
