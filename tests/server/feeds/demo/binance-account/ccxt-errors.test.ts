import ccxt from 'ccxt';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEMO_BINANCE_SECRET,
  DEMO_BINANCE_TRADING_SECRET,
} from '../../../../../server/feeds/demo/binance-account/index';
import { binanceClient, settle, useDemo } from '../helpers';
import { keyedClient, signedGet } from './signed-client';

const { demo } = useDemo(5);

afterEach(() => {
  demo().account.faults.down(false);
  demo().account.faults.clearRateLimit();
});

/** The error a promise rejected with; fails the test when it resolved. */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  const outcome = await settle(promise);
  if (outcome.ok) throw new Error('expected a rejection');
  expect(outcome.error).toBeInstanceOf(Error);
  const error = outcome.error as Error;
  // Whatever went wrong, no secret travels in what ccxt reports.
  expect(error.message).not.toContain(DEMO_BINANCE_SECRET);
  expect(error.message).not.toContain(DEMO_BINANCE_TRADING_SECRET);
  return error;
}

describe("the demo's signed-endpoint errors, as ccxt's error classes", () => {
  it('a wrong secret is an AuthenticationError carrying -1022', async () => {
    const ex = await keyedClient(demo(), { secret: DEMO_BINANCE_TRADING_SECRET, load: false });
    const error = await rejection(ex.fetchBalance());
    expect(error).toBeInstanceOf(ccxt.AuthenticationError);
    expect(error.message).toContain('-1022');
  });

  it('an unknown key is an AuthenticationError carrying -2015; a malformed one carries -2014', async () => {
    const unknown = await keyedClient(demo(), { key: 'Z'.repeat(64), load: false });
    const refused = await rejection(unknown.fetchBalance());
    expect(refused).toBeInstanceOf(ccxt.AuthenticationError);
    expect(refused.message).toContain('-2015');
    const malformed = await keyedClient(demo(), { key: 'not a key', load: false });
    const error = await rejection(malformed.fetchBalance());
    expect(error).toBeInstanceOf(ccxt.AuthenticationError);
    expect(error.message).toContain('-2014');
  });

  it('a clock 2 minutes ahead is InvalidNonce (-1021) until ccxt measures the difference from /api/v3/time', async () => {
    const ex = await keyedClient(demo());
    ex.milliseconds = () => Date.now() + 120_000;
    const error = await rejection(ex.fetchBalance());
    expect(error).toBeInstanceOf(ccxt.InvalidNonce);
    expect(error.message).toContain('-1021');
    await ex.loadTimeDifference();
    expect((await ex.fetchBalance()).info).toMatchObject({ accountType: 'SPOT' });
  });

  it('an unknown symbol on the wire is BadSymbol (-1121); a missing one BadRequest (-1102)', async () => {
    const ex = await keyedClient(demo());
    const bad = await rejection(ex.privateGetMyTrades({ symbol: 'NOPEUSDT' }));
    expect(bad).toBeInstanceOf(ccxt.BadSymbol);
    expect(bad.message).toContain('-1121');
    const missing = await rejection(ex.privateGetMyTrades({}));
    expect(missing).toBeInstanceOf(ccxt.BadRequest);
    expect(missing.message).toContain('-1102');
  });

  it('the exchange down is ExchangeNotAvailable (503) on signed endpoints only, until switched back', async () => {
    const ex = await keyedClient(demo());
    const market = await binanceClient(demo());
    demo().account.faults.down();
    expect(await rejection(ex.fetchBalance())).toBeInstanceOf(ccxt.ExchangeNotAvailable);
    expect((await market.fetchTicker('BTC/USDT')).last).toBeGreaterThan(0);
    demo().account.faults.down(false);
    expect((await ex.fetchBalance()).info).toMatchObject({ accountType: 'SPOT' });
  });

  it('the rate limit is DDoSProtection (429, -1003) with Retry-After, for as many requests as asked', async () => {
    const ex = await keyedClient(demo());
    demo().account.faults.rateLimit(7, 2);
    const error = await rejection(ex.fetchBalance());
    expect(error).toBeInstanceOf(ccxt.DDoSProtection);
    expect(error.message).toContain('-1003');
    const raw = await signedGet(demo().url, '/api/v3/account');
    expect(raw.status).toBe(429);
    expect(raw.headers.get('retry-after')).toBe('7');
    expect(raw.body).toMatchObject({ code: -1003 });
    expect((await ex.fetchBalance()).info).toMatchObject({ accountType: 'SPOT' });
  });

  it('the exchange-wide httpErrors switch reaches the signed endpoints too (ExchangeNotAvailable)', async () => {
    const ex = await keyedClient(demo());
    demo().faults.httpErrors(502, 1);
    expect(await rejection(ex.fetchBalance())).toBeInstanceOf(ccxt.ExchangeNotAvailable);
    expect((await ex.fetchBalance()).info).toMatchObject({ accountType: 'SPOT' });
  });

  it('refuses a bad fault setting with a RangeError and keeps the switch as it was', async () => {
    expect(() => demo().account.faults.rateLimit(0)).toThrow(RangeError);
    expect(() => demo().account.faults.rateLimit(5, 1.5)).toThrow(RangeError);
    expect((await signedGet(demo().url, '/api/v3/account')).status).toBe(200);
  });
});
