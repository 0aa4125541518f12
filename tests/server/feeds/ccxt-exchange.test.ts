import ccxt from 'ccxt';
import type { Exchange } from 'ccxt';
import { describe, expect, it } from 'vitest';
import {
  createCcxtExchange,
  isLoopbackUrl,
  pickFeedMode,
  UnknownExchangeError,
} from '../../../server/feeds/ccxt-exchange';

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

describe('createCcxtExchange', () => {
  it('points every Binance API URL at the given base, WebSocket URLs as ws://, paths kept', async () => {
    const ex = await createCcxtExchange({ id: 'binance', url: 'http://127.0.0.1:9100', simulated: true });
    expect(ex).toBeInstanceOf(ccxt.pro.binance);
    const urls = strings(ex.urls.api);
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect(url).toMatch(/^(http|ws):\/\/127\.0\.0\.1:9100(\/|$)/);
    const api = ex.urls.api as unknown as { public: string; ws: { spot: string } };
    expect(api.public).toBe('http://127.0.0.1:9100/api/v3');
    expect(api.ws.spot).toBe('ws://127.0.0.1:9100/ws');
    // Plain ws:// needs ccxt's http agent in Node, else NotSupported at the first watch.
    expect(ex.httpAgent).toBeDefined();
    await ex.close();
  });

  it('loads only spot markets on Binance', async () => {
    const ex = await createCcxtExchange({ id: 'binance', url: null, simulated: false });
    expect(ex.options.fetchMarkets).toMatchObject({ types: ['spot'] });
  });

  it('keeps the rate limiter for real exchanges and turns it down only on loopback', async () => {
    const real = await createCcxtExchange({ id: 'binance', url: null, simulated: false });
    const proxied = await createCcxtExchange({
      id: 'binance',
      url: 'https://binance-proxy.example',
      simulated: false,
    });
    const local = await createCcxtExchange({ id: 'binance', url: 'http://127.0.0.1:9100', simulated: true });
    const fresh = new ccxt.pro.binance();
    expect(real.enableRateLimit).toBe(true);
    expect(real.rateLimit).toBe(fresh.rateLimit);
    expect(proxied.enableRateLimit).toBe(true);
    expect(proxied.rateLimit).toBe(fresh.rateLimit);
    expect(local.enableRateLimit).toBe(true);
    expect(local.rateLimit).toBeLessThan(fresh.rateLimit ?? 0);
    expect(strings(proxied.urls.api).every((u) => /^(https|wss):\/\/binance-proxy\.example/.test(u))).toBe(
      true,
    );
  });

  it('leaves the reconnect backoff to the feed (ccxt would add its own on top)', async () => {
    const ex = await createCcxtExchange({ id: 'kraken', url: null, simulated: false });
    expect(ex.options.ws).toMatchObject({ backoff: { base: 0 } });
  });

  it('creates a REST-only exchange for ids without a ccxt.pro class', async () => {
    const restOnly = (ccxt.exchanges as unknown as string[]).find((id) => !Object.hasOwn(ccxt.pro, id));
    expect(restOnly).toBeDefined();
    const ex = await createCcxtExchange({ id: restOnly!, url: null, simulated: false });
    expect(ex.id).toBe(restOnly);
    expect(ex.has.watchTickers).toBeFalsy();
  });

  it.each(['nosuchexchange', 'constructor', '__proto__', 'Binance', ''])(
    'refuses the unknown id %j clearly',
    async (id) => {
      await expect(createCcxtExchange({ id, url: null, simulated: false })).rejects.toThrow(
        UnknownExchangeError,
      );
      await expect(createCcxtExchange({ id, url: null, simulated: false })).rejects.toThrow(
        /not a ccxt exchange id/,
      );
    },
  );
});

describe('isLoopbackUrl', () => {
  it.each([
    ['http://127.0.0.1:9100', true],
    ['http://127.9.8.7', true],
    ['http://localhost:3000', true],
    ['http://[::1]:9100', true],
    ['https://api.binance.com', false],
    ['http://127.0.0.1.example.com', false],
    ['not a url', false],
  ])('%s -> %s', (url, expected) => {
    expect(isLoopbackUrl(url)).toBe(expected);
  });
});

describe('pickFeedMode', () => {
  it('prefers watchTickers, then watchTicker, then polling; honours a supported forced mode', async () => {
    const binance = await createCcxtExchange({ id: 'binance', url: null, simulated: false });
    expect(pickFeedMode(binance)).toBe('watchTickers');
    expect(pickFeedMode(binance, 'watchTicker')).toBe('watchTicker');
    expect(pickFeedMode(binance, 'poll')).toBe('poll');

    const watchTickerOnly = Object.keys(ccxt.pro).find((id) => {
      const ex = new (ccxt.pro as unknown as Record<string, new () => Exchange>)[id]!();
      return !ex.has.watchTickers && ex.has.watchTicker;
    });
    expect(watchTickerOnly).toBeDefined();
    const wt = await createCcxtExchange({ id: watchTickerOnly!, url: null, simulated: false });
    expect(pickFeedMode(wt)).toBe('watchTicker');
    expect(pickFeedMode(wt, 'watchTickers')).toBe('watchTicker');

    const restOnly = (ccxt.exchanges as unknown as string[]).find((id) => !Object.hasOwn(ccxt.pro, id))!;
    const rest = await createCcxtExchange({ id: restOnly, url: null, simulated: false });
    expect(pickFeedMode(rest)).toBe('poll');
    expect(pickFeedMode(rest, 'watchTickers')).toBe('poll');
  });
});

describe('ccxt sends', () => {
  it('a subscription sent on a closed socket is no unhandled rejection, and still fails for its caller', async () => {
    const ex = await createCcxtExchange({ id: 'binance', url: 'http://127.0.0.1:9', simulated: true });
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const client = ex.client('ws://127.0.0.1:9/ws/0') as unknown as { send(m: unknown): Promise<unknown> };
      // What ccxt does after its throttle: send and drop the promise.
      void client.send({ method: 'SUBSCRIBE', params: ['btcusdt@ticker'], id: 1 });
      await expect(client.send({ method: 'SUBSCRIBE' })).rejects.toThrow();
      // Both sends fail on the one refused connection; Node reports an unhandled rejection once the
      // microtasks of that turn are done, before the next turn of the event loop.
      await new Promise((r) => setImmediate(r));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
      await ex.close();
    }
  });
});
