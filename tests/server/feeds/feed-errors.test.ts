import ccxt from 'ccxt';
import { describe, expect, it } from 'vitest';
import { classifyError, errorMessage } from '../../../server/feeds/feed-errors';

describe('classifyError', () => {
  it.each([
    ['ExchangeClosedByUser', new ccxt.ExchangeClosedByUser('closed'), 'closed'],
    ['NetworkError', new ccxt.NetworkError('drop'), 'network'],
    ['RequestTimeout', new ccxt.RequestTimeout('t'), 'network'],
    ['ExchangeNotAvailable (503)', new ccxt.ExchangeNotAvailable('503'), 'network'],
    ['DDoSProtection (429)', new ccxt.DDoSProtection('429'), 'network'],
    ['RateLimitExceeded', new ccxt.RateLimitExceeded('slow down'), 'network'],
    ['BadSymbol', new ccxt.BadSymbol('binance does not have market symbol X/Y'), 'bad-symbol'],
    ['BadResponse', new ccxt.BadResponse('junk'), 'junk'],
    ['TypeError from parsing HTML', new TypeError("Cannot use 'in' operator"), 'junk'],
    ['a thrown string', 'oops', 'junk'],
    ['NotSupported', new ccxt.NotSupported('no'), 'exchange'],
    ['ExchangeError', new ccxt.ExchangeError('x'), 'exchange'],
  ] as const)('%s -> %s', (_name, err, kind) => {
    expect(classifyError(err)).toBe(kind);
  });
});

describe('errorMessage', () => {
  it('gives one short line even when ccxt embeds an HTML page', () => {
    const err = new ccxt.ExchangeNotAvailable(
      `binance GET /api/v3/exchangeInfo 503 <html>\r\n${'<p>x</p>\n'.repeat(100)}</html>`,
    );
    const message = errorMessage(err);
    expect(message.startsWith('ExchangeNotAvailable: binance GET')).toBe(true);
    expect(message).not.toMatch(/\n/);
    expect(message.length).toBeLessThanOrEqual(201);
  });
});
