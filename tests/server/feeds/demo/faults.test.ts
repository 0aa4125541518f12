import ccxt from 'ccxt';
import type { Ticker } from 'ccxt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDemoExchange } from '../../../../server/feeds/demo/index';
import type { DemoExchange } from '../../../../server/feeds/demo/index';
import { binanceClient, book, closeClients, settle, within } from './helpers';
import type { DemoClient } from './helpers';

let demo: DemoExchange;

// A fresh exchange per test: a fault left behind, or a lingering subscriber spending a garbage
// fault, must not leak into the next test.
beforeEach(async () => {
  demo = await startDemoExchange({ seed: 3, tickMs: 50 });
});
afterEach(async () => {
  await closeClients();
  await demo.close();
});

const BTC = ['BTC/USDT'];
const watchBtc = (ex: DemoClient) =>
  ex.watchTickers(BTC, { name: 'ticker' }).then((tickers) => tickers['BTC/USDT'] as Ticker);

describe('demo exchange faults, as ccxt sees them', () => {
  it('stall: the socket stays open and silent, REST answers freeze, resume delivers again', async () => {
    const ex = await binanceClient(demo);
    await watchBtc(ex);
    await demo.faults.stall();
    const pending = watchBtc(ex);
    expect(await within(pending, 2000)).toBe('timeout');
    expect(demo.connections()).toBe(1);
    const [a, b] = [await ex.fetchTicker('BTC/USDT'), await ex.fetchTicker('BTC/USDT')];
    expect(b.last).toBe(a.last);
    expect(b.timestamp).toBe(a.timestamp);
    demo.faults.resume();
    const resumed = await within(pending, 2000);
    expect(resumed).not.toBe('timeout');
  });

  it('stall: closing the ccxt exchange is the way out of a silent watch (ExchangeClosedByUser)', async () => {
    const ex = await binanceClient(demo);
    await watchBtc(ex);
    await demo.faults.stall();
    const pending = settle(watchBtc(ex));
    await ex.close();
    const outcome = await pending;
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error).toBeInstanceOf(ccxt.ExchangeClosedByUser);
  });

  it('dropConnections: a pending watch rejects with NetworkError; the next watch reconnects', async () => {
    const ex = await binanceClient(demo);
    await watchBtc(ex);
    const pending = settle(watchBtc(ex));
    demo.faults.dropConnections();
    const outcome = await pending;
    expect(!outcome.ok && outcome.error).toBeInstanceOf(ccxt.NetworkError);
    // ccxt waits its backoff (about 1 s) before reconnecting, then resubscribes by itself.
    const again = await watchBtc(ex);
    expect(book(again).bid).toBeLessThan(book(again).ask);
    expect(demo.connections()).toBe(1);
  });

  it('httpErrors(503): REST calls reject with ExchangeNotAvailable for count requests, then recover', async () => {
    const ex = await binanceClient(demo);
    demo.faults.httpErrors(503, 2);
    await expect(ex.fetchTickers(BTC)).rejects.toBeInstanceOf(ccxt.ExchangeNotAvailable);
    await expect(ex.fetchTicker('BTC/USDT')).rejects.toBeInstanceOf(ccxt.ExchangeNotAvailable);
    expect((await ex.fetchTicker('BTC/USDT')).last).toBeGreaterThan(0);
    const res = await fetch(`${demo.url}/api/v3/ping`);
    expect(res.status).toBe(200);
  });

  it('httpErrors without a count lasts until clearHttpErrors; 429 is DDoSProtection; loadMarkets can be retried', async () => {
    const ex = await binanceClient(demo, { load: false });
    demo.faults.httpErrors(429);
    await expect(ex.loadMarkets()).rejects.toBeInstanceOf(ccxt.DDoSProtection);
    await expect(ex.loadMarkets(true)).rejects.toBeInstanceOf(ccxt.DDoSProtection);
    const res = await fetch(`${demo.url}/api/v3/ticker/24hr`);
    expect([res.status, res.headers.get('content-type'), (await res.text()).startsWith('<html>')]).toEqual([
      429,
      'text/html',
      true,
    ]);
    demo.faults.clearHttpErrors();
    // ccxt quirk: it caches the rejected loadMarkets() promise; only loadMarkets(true) tries again.
    await expect(ex.loadMarkets()).rejects.toBeInstanceOf(ccxt.DDoSProtection);
    expect(Object.keys(await ex.loadMarkets(true)).length).toBe(demo.symbols().length);
  });

  it('rejects bad fault arguments', () => {
    expect(() => demo.faults.httpErrors(200)).toThrow(RangeError);
    expect(() => demo.faults.garbage('nonsense' as 'html')).toThrow(RangeError);
    expect(() => demo.faults.garbage('html', 0)).toThrow(RangeError);
  });
});
