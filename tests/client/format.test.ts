import { describe, expect, it } from 'vitest';
import {
  decimalsOf,
  describeStream,
  direction,
  exchangeName,
  formatAge,
  formatClock,
  formatCompact,
  formatPercent,
  formatPrice,
  niceTicks,
  priceDecimals,
} from '../../client/format';
import type { Ticker } from '../../lib/protocol';
import { tickerAt } from '../support/fixtures';

function ticker(prices: Partial<Ticker>): Ticker {
  return { ...tickerAt(0), last: null, ...prices };
}

describe('decimalsOf', () => {
  it('counts the decimals of the shortest representation', () => {
    expect(decimalsOf(65000)).toBe(0);
    expect(decimalsOf(65000.5)).toBe(1);
    expect(decimalsOf(0.000123)).toBe(6);
    expect(decimalsOf(-2.75)).toBe(2);
  });

  it('reads exponent notation and caps absurd values', () => {
    expect(decimalsOf(1e-7)).toBe(7);
    expect(decimalsOf(1.25e-7)).toBe(9);
    expect(decimalsOf(1e21)).toBe(0);
    expect(decimalsOf(1e-30)).toBe(12);
    expect(decimalsOf(Number.NaN)).toBe(0);
  });
});

describe('priceDecimals', () => {
  it('[M5] infers the market precision from the finest price the server sent', () => {
    // last happens to end in a zero at the 2nd decimal; bid shows the precision is 2.
    expect(priceDecimals(ticker({ last: 65000.1, bid: 65000.05, ask: 65000.2 }))).toBe(2);
    expect(priceDecimals(ticker({ last: 0.00001234, bid: 0.0000123 }))).toBe(8);
  });

  it('falls back to two decimals without any price', () => {
    expect(priceDecimals(undefined)).toBe(2);
    expect(priceDecimals(ticker({}))).toBe(2);
  });

  it('keeps whole-number markets whole', () => {
    expect(priceDecimals(ticker({ last: 3400, bid: 3399, ask: 3401 }))).toBe(0);
  });
});

describe('formatPrice', () => {
  it('prints exactly the market decimals, with thousands separators', () => {
    expect(formatPrice(65000.1, 2)).toBe('65,000.10');
    expect(formatPrice(0.0000123, 8)).toBe('0.00001230');
    expect(formatPrice(3400, 0)).toBe('3,400');
  });

  it('shows a dash for an unknown price and never a negative zero', () => {
    expect(formatPrice(null, 2)).toBe('—');
    expect(formatPrice(undefined, 2)).toBe('—');
    expect(formatPrice(-0, 2)).toBe('0.00');
  });
});

describe('formatPercent and direction', () => {
  it('signs changes with a plus or a true minus sign', () => {
    expect(formatPercent(1.234)).toBe('+1.23%');
    expect(formatPercent(-0.45)).toBe('\u22120.45%');
    expect(formatPercent(0)).toBe('0.00%');
    expect(formatPercent(-0.001)).toBe('0.00%');
    expect(formatPercent(null)).toBe('—');
  });

  it('calls a change that rounds to zero flat', () => {
    expect(direction(0.5)).toBe('up');
    expect(direction(-0.5)).toBe('down');
    expect(direction(0.004)).toBe('flat');
    expect(direction(null)).toBe('flat');
  });
});

describe('formatCompact', () => {
  it('keeps three significant digits with a unit', () => {
    expect(formatCompact(950)).toBe('950');
    expect(formatCompact(12.5)).toBe('12.5');
    expect(formatCompact(12_345)).toBe('12.3K');
    expect(formatCompact(4_567_890)).toBe('4.57M');
    expect(formatCompact(1_204_000_000)).toBe('1.20B');
    expect(formatCompact(null)).toBe('—');
  });

  it('promotes a value that rounds up to the next unit', () => {
    expect(formatCompact(999_600)).toBe('1.00M');
    expect(formatCompact(999.6)).toBe('1.00K');
  });
});

describe('formatAge', () => {
  it('uses the largest whole unit', () => {
    expect(formatAge(0)).toBe('0 s');
    expect(formatAge(3_400)).toBe('3 s');
    expect(formatAge(59_999)).toBe('59 s');
    expect(formatAge(61_000)).toBe('1 min');
    expect(formatAge(5 * 3_600_000)).toBe('5 h');
    expect(formatAge(50 * 3_600_000)).toBe('2 d');
  });

  it('shows 0 s when the server clock runs ahead of the browser', () => {
    expect(formatAge(-2_000)).toBe('0 s');
  });
});

describe('formatClock', () => {
  it('prints local 24-hour time with zero padding', () => {
    const at = new Date(2026, 0, 2, 9, 5, 7).getTime();
    expect(formatClock(at)).toBe('09:05:07');
    expect(formatClock(at, false)).toBe('09:05');
  });
});

describe('describeStream and exchangeName', () => {
  it('[S1] splits a stream id for display', () => {
    expect(describeStream('binance:BTC/USDT')).toEqual({ exchange: 'binance', symbol: 'BTC/USDT' });
    expect(describeStream('not a stream')).toEqual({ exchange: '', symbol: 'not a stream' });
    expect(exchangeName('kraken')).toBe('Kraken');
  });
});

describe('niceTicks', () => {
  it('puts ticks on round values that cover the data', () => {
    expect(niceTicks(67_590.52, 67_637.41)).toEqual([67_590, 67_600, 67_610, 67_620, 67_630, 67_640]);
    expect(niceTicks(0.1234, 0.1251)).toEqual([0.123, 0.1235, 0.124, 0.1245, 0.125, 0.1255]);
  });

  it('never uses a step finer than the market precision', () => {
    expect(niceTicks(100.01, 100.02, 5, 0.01)).toEqual([100.01, 100.02]);
    expect(niceTicks(3400, 3401, 5, 1)).toEqual([3400, 3401]);
  });

  it('opens a flat series into a visible range', () => {
    const ticks = niceTicks(50, 50);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks[0]).toBeLessThan(50);
    expect(ticks.at(-1)).toBeGreaterThan(50);
  });
});
