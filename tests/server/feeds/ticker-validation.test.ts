import { describe, expect, it } from 'vitest';
import {
  MAX_AGE_MS,
  MAX_FUTURE_SKEW_MS,
  PERCENTAGE_CEILING,
  PRICE_CEILING,
  VOLUME_CEILING,
  validateTicker,
} from '../../../server/feeds/ticker-validation';

const NOW = 1_700_000_000_000;

/** A ticker as ccxt builds it for Binance's 24hrTicker event, every field present. */
function good(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    symbol: 'BTC/USDT',
    timestamp: NOW - 1_000,
    datetime: new Date(NOW - 1_000).toISOString(),
    high: 68_721.65,
    low: 66_731.05,
    bid: 67_598.18,
    bidVolume: 1.2,
    ask: 67_598.19,
    askVolume: 0.4,
    vwap: 67_807.8,
    open: 68_262.12,
    close: 67_598.19,
    last: 67_598.19,
    previousClose: 68_262.12,
    change: -663.93,
    percentage: -0.973,
    average: 67_930.15,
    baseVolume: 22_384.51,
    quoteVolume: 1_517_845_569.99,
    info: { e: '24hrTicker', c: '67598.19', b: '67598.18', a: '67598.19' },
    ...overrides,
  };
}

function reasonOf(raw: unknown, now = NOW, options = {}): string {
  const result = validateTicker(raw, now, options);
  if (result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result.fields)}`);
  return result.reason;
}

describe('validateTicker', () => {
  it('accepts a complete ticker and keeps exactly the PriceFields', () => {
    expect(validateTicker(good(), NOW)).toEqual({
      ok: true,
      fields: {
        last: 67_598.19,
        bid: 67_598.18,
        ask: 67_598.19,
        high: 68_721.65,
        low: 66_731.05,
        open: 68_262.12,
        percentage: -0.973,
        baseVolume: 22_384.51,
        quoteVolume: 1_517_845_569.99,
        timestamp: NOW - 1_000,
      },
    });
  });

  it("turns ccxt's undefined (and null) into null", () => {
    const result = validateTicker(
      good({ bid: undefined, ask: null, high: undefined, percentage: undefined, baseVolume: null }),
      NOW,
    );
    expect(result.ok && result.fields).toMatchObject({
      bid: null,
      ask: null,
      high: null,
      percentage: null,
      baseVolume: null,
    });
  });

  it('uses now when the exchange gives no timestamp (Kraken)', () => {
    const result = validateTicker(good({ timestamp: undefined, datetime: undefined }), NOW);
    expect(result.ok && result.fields.timestamp).toBe(NOW);
  });

  describe('shape', () => {
    it.each([
      ['a string (an HTML body)', '<html><body>502 Bad Gateway</body></html>'],
      ['null', null],
      ['an array', [1, 2]],
      ['a number', 42],
    ])('rejects %s instead of an object', (_name, raw) => {
      expect(reasonOf(raw)).toMatch(/^not an object/);
    });

    it('rejects a missing or non-string symbol', () => {
      expect(reasonOf(good({ symbol: undefined }))).toMatch(/^symbol: /);
      expect(reasonOf(good({ symbol: 5 }))).toMatch(/^symbol: not a string \(got 5\)/);
      expect(reasonOf(good({ symbol: '' }))).toMatch(/^symbol: /);
    });
  });

  describe('prices', () => {
    const PRICES = ['last', 'bid', 'ask', 'high', 'low', 'open'] as const;

    it.each(PRICES)('rejects %s as a string (HTML glued in), naming the field', (field) => {
      expect(reasonOf(good({ [field]: '<html>' }))).toMatch(new RegExp(`^${field}: not a finite number`));
    });

    it.each(PRICES)('rejects %s = NaN, Infinity, -5 and 0', (field) => {
      // bid and ask are set together so bid <= ask cannot be the rule that fires.
      for (const bad of [NaN, Infinity, -Infinity, -5, 0]) {
        const raw = good({ [field]: bad });
        expect(reasonOf(raw)).toMatch(new RegExp(`^${field}: `));
      }
    });

    it.each(PRICES)('rejects %s at or above the ceiling (1e308)', (field) => {
      expect(reasonOf(good({ [field]: 1e308 }))).toMatch(new RegExp(`^${field}: must be < `));
      expect(reasonOf(good({ [field]: PRICE_CEILING }))).toMatch(new RegExp(`^${field}: must be < `));
    });

    it('accepts tiny positive prices (PEPE) just under the ceiling', () => {
      expect(validateTicker(good({ last: 0.00000123, bid: undefined, ask: undefined }), NOW).ok).toBe(true);
      expect(validateTicker(good({ high: PRICE_CEILING - 1 }), NOW).ok).toBe(true);
    });

    it('needs at least one of last, bid, ask', () => {
      expect(reasonOf(good({ last: undefined, bid: undefined, ask: undefined }))).toMatch(/^no price/);
      expect(validateTicker(good({ last: undefined, bid: undefined }), NOW).ok).toBe(true);
      expect(validateTicker(good({ last: undefined, ask: undefined }), NOW).ok).toBe(true);
      expect(validateTicker(good({ bid: undefined, ask: undefined }), NOW).ok).toBe(true);
    });

    it('rejects bid above ask, accepts bid == ask and a one-sided book', () => {
      expect(reasonOf(good({ bid: 101, ask: 100 }))).toBe('bid 101 above ask 100');
      expect(validateTicker(good({ bid: 100, ask: 100 }), NOW).ok).toBe(true);
      expect(validateTicker(good({ bid: 101, ask: undefined }), NOW).ok).toBe(true);
    });
  });

  describe('volumes and percentage', () => {
    it.each(['baseVolume', 'quoteVolume'])('%s must be finite, >= 0 and under the ceiling', (field) => {
      expect(reasonOf(good({ [field]: -1 }))).toMatch(new RegExp(`^${field}: must be >= 0`));
      expect(reasonOf(good({ [field]: NaN }))).toMatch(new RegExp(`^${field}: not a finite number`));
      expect(reasonOf(good({ [field]: 'lots' }))).toMatch(new RegExp(`^${field}: not a finite number`));
      expect(reasonOf(good({ [field]: VOLUME_CEILING }))).toMatch(new RegExp(`^${field}: must be < `));
      expect(validateTicker(good({ [field]: 0 }), NOW).ok).toBe(true);
    });

    it('percentage must be finite and > -100 (a price cannot fall by 100 %)', () => {
      expect(reasonOf(good({ percentage: -100 }))).toMatch(/^percentage: must be > -100/);
      expect(reasonOf(good({ percentage: NaN }))).toMatch(/^percentage: not a finite number/);
      expect(reasonOf(good({ percentage: PERCENTAGE_CEILING }))).toMatch(/^percentage: must be < /);
      expect(validateTicker(good({ percentage: -99.9 }), NOW).ok).toBe(true);
      expect(validateTicker(good({ percentage: 250 }), NOW).ok).toBe(true);
    });
  });

  describe('timestamp', () => {
    it('accepts up to 5 min in the future and 24 h in the past', () => {
      expect(validateTicker(good({ timestamp: NOW + MAX_FUTURE_SKEW_MS }), NOW).ok).toBe(true);
      expect(validateTicker(good({ timestamp: NOW - MAX_AGE_MS }), NOW).ok).toBe(true);
    });

    it('rejects further in the future or the past', () => {
      expect(reasonOf(good({ timestamp: NOW + MAX_FUTURE_SKEW_MS + 1 }))).toMatch(
        /^timestamp: .* in the future/,
      );
      expect(reasonOf(good({ timestamp: NOW - MAX_AGE_MS - 1 }))).toMatch(/^timestamp: .* old/);
      expect(reasonOf(good({ timestamp: 0 }))).toMatch(/^timestamp: .* old/);
    });

    it('rejects a timestamp that is not an integer number of ms', () => {
      expect(reasonOf(good({ timestamp: '1700000000000' }))).toMatch(/^timestamp: not a finite number/);
      expect(reasonOf(good({ timestamp: NOW - 0.5 }))).toMatch(/^timestamp: not an integer/);
    });
  });

  describe('raw message (numericInfoKeys)', () => {
    const options = { numericInfoKeys: ['c', 'b', 'v'] };

    it('rejects a raw field of the wrong type that ccxt silently turned into undefined', () => {
      // What ccxt makes of Binance's {"c":{"x":1},"b":[1,2],"v":true}: last derived from open + change.
      const raw = good({ bid: undefined, baseVolume: undefined, info: { c: { x: 1 }, b: [1, 2], v: true } });
      expect(validateTicker(raw, NOW).ok).toBe(true);
      expect(reasonOf(raw, NOW, options)).toBe('info.c: not numeric (got object)');
      expect(reasonOf(good({ info: { c: '1', b: [1, 2] } }), NOW, options)).toBe(
        'info.b: not numeric (got array)',
      );
      expect(reasonOf(good({ info: { c: '1', v: true } }), NOW, options)).toBe(
        'info.v: not numeric (got boolean)',
      );
      expect(reasonOf(good({ info: { c: '<html>' } }), NOW, options)).toMatch(
        /^info.c: not numeric \(got string/,
      );
    });

    it('accepts numeric strings, numbers and absent keys', () => {
      const info = { c: '67598.19000000', b: -1.5e-7, v: undefined, other: { nested: true } };
      expect(validateTicker(good({ info }), NOW, options).ok).toBe(true);
    });
  });

  it('keeps reasons short even for huge inputs', () => {
    const reason = reasonOf(good({ last: `<html>${'x'.repeat(10_000)}</html>` }));
    expect(reason.length).toBeLessThan(80);
  });
});
