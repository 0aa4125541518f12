import { describe, expect, it } from 'vitest';
import { decimalMark, localDecimal, readAmount } from '../../../app/transactions/_components/amount-input';

const read = (text: string, locale = 'de-DE') => readAmount(text, locale);
const ok = (text: string) => ({ ok: true, text });
const MALFORMED = { ok: false, problem: 'malformed' };

describe('amounts typed in the reader locale', () => {
  it('keeps what a point-decimal locale typed, for the server to judge as before', () => {
    expect(read(' 0.5 ', 'en-US')).toEqual(ok('0.5'));
    expect(read('0,5', 'en-US')).toEqual(ok('0,5'));
    expect(read('1.234', 'de-CH')).toEqual(ok('1.234'));
  });

  it('reads a decimal comma, and a point as well', () => {
    expect(read('0,5')).toEqual(ok('0.5'));
    expect(read('1,234')).toEqual(ok('1.234'));
    expect(read('0.5')).toEqual(ok('0.5'));
    expect(read('0.123')).toEqual(ok('0.123'));
    expect(read('1.2345')).toEqual(ok('1.2345'));
    expect(read('1234.567')).toEqual(ok('1234.567'));
    expect(read('42')).toEqual(ok('42'));
    expect(read('')).toEqual(ok(''));
  });

  it('reads thousands separators only where they are placed every three digits', () => {
    expect(read('1.234,5')).toEqual(ok('1234.5'));
    expect(read('1.234.567')).toEqual(ok('1234567'));
    expect(read('12.345.678,9')).toEqual(ok('12345678.9'));
    expect(read('1\u00a0234,5', 'de-AT')).toEqual(ok('1234.5'));
    expect(read('1 234 567', 'fr-FR')).toEqual(ok('1234567'));
  });

  it('refuses to guess: one point before three digits is a thousand or a fraction', () => {
    expect(read('1.234')).toEqual({ ok: false, problem: 'ambiguous', whole: '1234', fraction: '1,234' });
    expect(read('12.500')).toEqual({ ok: false, problem: 'ambiguous', whole: '12500', fraction: '12,500' });
  });

  it('calls malformed what no reading fits, rather than reading part of it', () => {
    for (const text of ['1,234.5', '1,2,3', '12.34,5', '1.234 567', ',5', '1e3', 'abc', '1..2', '-']) {
      expect(read(text), text).toEqual(MALFORMED);
    }
  });

  it('keeps a sign for the server to refuse with its own reason', () => {
    expect(read('-0,5')).toEqual(ok('-0.5'));
  });

  it('writes an API decimal with the reader decimal mark', () => {
    expect(decimalMark('de-DE')).toBe(',');
    expect(decimalMark('en-US')).toBe('.');
    expect(localDecimal('60000.5', 'de-DE')).toBe('60000,5');
    expect(localDecimal('60000.5', 'en-US')).toBe('60000.5');
  });
});
