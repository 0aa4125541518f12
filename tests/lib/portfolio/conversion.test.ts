import { describe, expect, it } from 'vitest';
import { conversionRate, findConversion } from '../../../lib/portfolio/conversion';

// The demo exchange's pairs that matter here: BTC/USDT, EUR/USDT, BTC/EUR, ETH/BTC.
const MARKETS = new Set(['BTC/USDT', 'EUR/USDT', 'BTC/EUR', 'ETH/BTC', 'USDC/USDT']);
const find = (symbol: string) => (MARKETS.has(symbol) ? `binance:${symbol}` : null);

describe('currency conversion through markets', () => {
  it('takes a direct pair, else its inverse, else two legs through a bridge', () => {
    expect(findConversion('EUR', 'USDT', find)?.legs).toEqual([
      { stream: 'binance:EUR/USDT', inverse: false },
    ]);
    expect(findConversion('USDT', 'EUR', find)?.legs).toEqual([
      { stream: 'binance:EUR/USDT', inverse: true },
    ]);
    expect(findConversion('USDT', 'USDT', find)?.legs).toEqual([]);
    expect(findConversion('ETH', 'EUR', find)?.legs).toEqual([
      { stream: 'binance:ETH/BTC', inverse: false },
      { stream: 'binance:BTC/EUR', inverse: false },
    ]);
  });

  it('finds no path rather than assume one (USDT is not USD)', () => {
    expect(findConversion('USDT', 'USD', find)).toBeNull();
  });

  it('multiplies along the path and divides for an inverse leg, exactly', () => {
    const last: Record<string, number> = {
      'binance:EUR/USDT': 1.08,
      'binance:ETH/BTC': 0.05,
      'binance:BTC/EUR': 62000,
    };
    const rate = (from: string, to: string) =>
      conversionRate(findConversion(from, to, find)!, (s) => last[s])?.toString();
    expect(rate('EUR', 'USDT')).toBe('1.08');
    // 1 / 1.08 to 18 significant digits.
    expect(rate('USDT', 'EUR')).toBe('0.925925925925925926');
    expect(rate('ETH', 'EUR')).toBe('3100');
  });

  it('has no rate while a leg has no usable price', () => {
    const path = findConversion('USDT', 'EUR', find)!;
    for (const bad of [undefined, null, 0, -1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(conversionRate(path, () => bad)).toBeNull();
  });
});
