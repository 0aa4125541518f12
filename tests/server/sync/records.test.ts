import { describe, expect, it } from 'vitest';
import { ENGLISH, wordText } from '../../../server/errors';
import { readBalances, readMove, readTrade } from '../../../server/sync/records';
import type { SyncError } from '../../../server/sync/sync-error';

const GERMAN = { language: 'de' as const, formatLocale: 'de-DE' };

const markets = new Map([['BTC/USDT', { base: 'BTC', quote: 'USDT' }]]);
const trade = (over: Record<string, unknown> = {}) => ({
  id: '12',
  timestamp: 1_700_000_000_000,
  symbol: 'BTC/USDT',
  side: 'buy',
  amount: 0.1,
  price: 40_000,
  cost: 4_000,
  fee: { cost: 0.0001, currency: 'BNB' },
  ...over,
});
const move = (over: Record<string, unknown> = {}) => ({
  id: 'd1',
  timestamp: 1_700_000_000_000,
  currency: 'USDT',
  amount: 100,
  status: 'ok',
  fee: { cost: 1, currency: 'USDT' },
  ...over,
});

describe('records an exchange sends (P9)', () => {
  it('reads a sound trade exactly, its numbers as the shortest decimals of the floats ccxt gives', () => {
    const read = readTrade(trade({ amount: 1e-7, price: 0.1 + 0.2 }), markets, 'Binance');
    expect([
      read.base,
      read.quote,
      read.side,
      read.amount.toFixed(),
      read.price.toFixed(),
      read.cost.toFixed(),
    ]).toEqual(['BTC', 'USDT', 'buy', '0.0000001', '0.30000000000000004', '4000']);
    expect(read.fee).toEqual({ amount: expect.anything(), currency: 'BNB' });
    // No cost given: amount × price.
    expect(readTrade(trade({ cost: null }), markets, 'Binance').cost.toFixed()).toBe('4000');
    // A zero fee is no fee.
    expect(readTrade(trade({ fee: { cost: 0, currency: 'BNB' } }), markets, 'Binance').fee).toBeNull();
  });

  it.each([
    [{ fee: { cost: -0.1, currency: 'BNB' } }, /fee.cost must not be negative/],
    [{ amount: 1e308 }, /amount is absurdly large/],
    [{ amount: 0 }, /amount/],
    [{ price: Number.NaN }, /price/],
    [{ side: 'short' }, /side/],
    [{ timestamp: undefined }, /timestamp has no valid time/],
    [{ fee: { cost: 1, currency: 'b$d' } }, /currency is not a currency code/],
    [{ symbol: 'DOGE/EUR' }, /unknown market "DOGE\/EUR"/],
  ])('refuses a trade with %j, naming what is wrong', (over, message) => {
    expect(() => readTrade(trade(over), markets, 'Binance')).toThrow(message);
    try {
      readTrade(trade(over), markets, 'Binance');
    } catch (error) {
      expect(error).toMatchObject({
        code: 'BAD_EXCHANGE_DATA',
        message: expect.stringMatching(/^Binance sent/),
      });
    }
  });

  it('keeps only completed deposits and withdrawals, and refuses unsound ones', () => {
    expect(readMove(move(), 'deposit', 'Binance')).toMatchObject({ id: 'd1', currency: 'USDT' });
    expect(readMove(move({ status: 'pending' }), 'deposit', 'Binance')).toBeNull();
    expect(readMove(move({ status: 'failed' }), 'withdrawal', 'Binance')).toBeNull();
    expect(() => readMove(move({ amount: -5 }), 'deposit', 'Binance')).toThrow(/amount/);
    expect(() => readMove(move({ currency: '' }), 'withdrawal', 'Binance')).toThrow(/currency/);
    expect(() => readMove(move({ fee: { cost: -1, currency: 'USDT' } }), 'withdrawal', 'Binance')).toThrow(
      /must not be negative/,
    );
  });

  it('reads balances, leaving out empty ones, and refuses a negative, absurd or unnamed one', () => {
    const read = readBalances({ BTC: 0.5, USDT: 0, ETH: undefined, SOL: null }, 'Binance');
    expect(Object.fromEntries([...read].map(([k, v]) => [k, v.toFixed()]))).toEqual({ BTC: '0.5' });
    expect(() => readBalances({ BTC: -1 }, 'Binance')).toThrow(/BTC balance/);
    expect(() => readBalances({ BTC: 1e300 }, 'Binance')).toThrow(/absurdly large/);
    expect(() => readBalances({ 'not a coin': 1 }, 'Binance')).toThrow(/unknown currency/);
    expect(() => readBalances(undefined, 'Binance')).toThrow(/no totals/);
  });

  it("[L6] says what is wrong by its keys: English as before, German for a German reader, zod's own words as zod wrote them", () => {
    const refusal = (read: () => unknown) => {
      try {
        read();
      } catch (error) {
        return error as SyncError;
      }
      throw new Error('not refused');
    };
    const fee = refusal(() => readTrade(trade({ fee: { cost: -1, currency: 'BNB' } }), markets, 'Binance'));
    expect(wordText(fee.text, ENGLISH)).toBe(fee.message);
    expect(fee.message).toBe(
      'Binance sent a trade (12) that cannot be right (fee.cost must not be negative); nothing was changed. ' +
        'If it persists, the exchange changed its answers: please report it.',
    );
    expect(wordText(fee.text, GERMAN)).toBe(
      'Binance hat Daten gesendet, die nicht stimmen können: ein Trade (12) – fee.cost darf nicht negativ sein; ' +
        'es wurde nichts geändert. Wenn das wieder vorkommt, hat die Börse ihre Antworten geändert: Bitte ' +
        'melden Sie es.',
    );
    const balance = refusal(() => readBalances({ BTC: 1e300 }, 'Binance'));
    expect(wordText(balance.text, GERMAN)).toMatch(/: der Saldo von BTC – Datensatz ist unsinnig groß;/);
    const side = refusal(() => readTrade(trade({ amount: 'x' }), markets, 'Binance'));
    expect(wordText(side.text, GERMAN)).toMatch(/ein Trade \(12\) – amount Invalid input/);
  });
});
