import { describe, expect, it } from 'vitest';
import { amountAndCode, decimal, money, utcTime } from '../../../server/import/cells';

const text = (value: { toString(): string } | null) => (value === null ? null : value.toString());

describe('reading an exchange’s cells', () => {
  it('[P4] reads UTC times as exchanges write them, and no date that does not exist', () => {
    const t = Date.UTC(2024, 2, 5, 14, 2, 11);
    for (const form of [
      '2024-03-05 14:02:11',
      '2024-03-05 14:02:11 UTC',
      '2024-03-05T14:02:11Z',
      '2024-03-05 14:02:11+00:00',
    ])
      expect(utcTime(form)).toBe(t);
    expect(utcTime('2024-03-05 14:02:11.4321')).toBe(t + 432);
    for (const wrong of [
      '2023-02-29 00:00:00',
      '2024-03-05 24:00:00',
      '05/03/2024 14:02',
      '2024-03-05 14:02:11+01:00',
      '',
    ])
      expect(utcTime(wrong)).toBeNull();
  });

  it('[P4] reads plain decimals with thousands separators, never an exponent', () => {
    expect(['1,234.50', '-0.5', '12'].map((s) => text(decimal(s)))).toEqual(['1234.5', '-0.5', '12']);
    for (const wrong of ['1e3', '1,23.4', '.5', '1.2.3', 'NaN', '']) expect(decimal(wrong)).toBeNull();
  });

  it('[P4] reads Coinbase’s money with its currency sign and minus on either side', () => {
    expect(['-€597.49846', '$-5', '£1,234.56', '12.5', 'CA$3'].map((s) => text(money(s)))).toEqual([
      '-597.49846',
      '-5',
      '1234.56',
      '12.5',
      '3',
    ]);
    for (const wrong of ['-$-5', '5 USD', '$', '']) expect(money(wrong)).toBeNull();
  });

  it('[P4] splits an amount from its currency, a code that starts with a digit only when expected', () => {
    const split = (s: string, likely: string[] = []) => {
      const found = amountAndCode(s, likely);
      return found && [found.amount.toString(), found.code];
    };
    expect(split('0.00001BNB')).toEqual(['0.00001', 'BNB']);
    expect(split('10.51INCH', ['1INCH'])).toEqual(['10.5', '1INCH']);
    expect(split('10.51INCH')).toEqual(['10.51', 'INCH']);
    expect(split('0.1')).toBeNull();
  });
});
