import { describe, expect, it } from 'vitest';
import { Decimal, NOT_A_DECIMAL, formatDecimal, parseDecimal } from '../../../lib/portfolio/decimal';

function reason(text: string): string | null {
  const parsed = parseDecimal(text);
  return parsed.ok ? null : parsed.reason;
}

describe('parseDecimal', () => {
  it.each(['0', '0.5', '1200', '0.000000000000000001', '9'.repeat(30) + '.' + '9'.repeat(18), '1.50'])(
    'accepts %s',
    (text) => {
      const parsed = parseDecimal(text);
      expect(parsed.ok && parsed.value.eq(new Decimal(text))).toBe(true);
    },
  );

  it.each([
    '1e3',
    '1E-3',
    '+1',
    ' 1',
    '1 ',
    '.5',
    '5.',
    '',
    'NaN',
    'Infinity',
    '0x10',
    '1,000',
    '1_000',
    '٣',
  ])('refuses %j as not a plain decimal', (text) => expect(reason(text)).toBe(NOT_A_DECIMAL));

  it('refuses leading zeros, which some tools read as octal', () => {
    expect(reason('007')).toBe(`${NOT_A_DECIMAL} (no leading zeros)`);
  });

  it('refuses negative amounts, "-0" included', () => {
    expect(reason('-3.25')).toBe('must not be negative');
    expect(reason('-0')).toBe('must not be negative');
  });

  it('refuses more than 30 digits before the point or 18 after', () => {
    expect(reason('1' + '0'.repeat(30))).toBe('at most 30 digits before the point');
    expect(reason('0.' + '0'.repeat(18) + '1')).toBe('at most 18 digits after the point');
  });
});

describe('formatDecimal', () => {
  it('writes plain notation without trailing zeros', () => {
    expect(formatDecimal(new Decimal('1.500'))).toBe('1.5');
    expect(formatDecimal(new Decimal('1e-18'))).toBe('0.000000000000000001');
    expect(formatDecimal(new Decimal('1e40'))).toBe('1' + '0'.repeat(40));
    expect(formatDecimal(new Decimal('-3.25'))).toBe('-3.25');
  });

  it('writes a negative zero as "0"', () => {
    expect(formatDecimal(new Decimal(0).negated())).toBe('0');
  });

  it('gives a parsed string back in its canonical form', () => {
    const parsed = parseDecimal('12.3400');
    expect(parsed.ok && formatDecimal(parsed.value)).toBe('12.34');
  });
});

it('adds 0.1 and 0.2 to exactly 0.3, and keeps JSON in plain notation', () => {
  const sum = new Decimal('0.1').plus('0.2');
  expect(sum.eq('0.3')).toBe(true);
  expect(JSON.stringify({ fee: new Decimal('1e-18') })).toBe('{"fee":"0.000000000000000001"}');
});
