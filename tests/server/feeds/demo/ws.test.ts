import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startDemoExchange } from '../../../../server/feeds/demo/index';
import type { DemoExchange } from '../../../../server/feeds/demo/index';
import { binanceClient, book, closeClients } from './helpers';

let demo: DemoExchange;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  demo = await startDemoExchange({ seed: 5, tickMs: 50 });
});
afterEach(async () => {
  await closeClients();
  for (const ws of sockets.splice(0)) ws.terminate();
});
afterAll(async () => {
  await demo.close();
});

/** A raw WebSocket to the demo with a queue of parsed messages. */
async function connect(path: string) {
  const ws = new WebSocket(demo.url.replace('http', 'ws') + path);
  sockets.push(ws);
  const queue: unknown[] = [];
  const waiters: Array<(m: unknown) => void> = [];
  const next = () =>
    queue.length > 0
      ? Promise.resolve(queue.shift())
      : new Promise<unknown>((resolve) => waiters.push(resolve));
  ws.on('message', (data) => {
    const msg: unknown = JSON.parse(String(data));
    const waiter = waiters.shift();
    if (waiter) waiter(msg);
    else queue.push(msg);
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return {
    send: (msg: unknown) => ws.send(JSON.stringify(msg)),
    next,
    /** The messages from now on, up to the first point where `enough` holds of them. */
    until: async <T = Record<string, unknown>>(enough: (messages: T[]) => boolean) => {
      const seen: T[] = [];
      while (!enough(seen)) seen.push((await next()) as T);
      return seen;
    },
  };
}

describe('demo exchange WebSocket, through unmodified ccxt binance', () => {
  it("watchTickers(['BTC/USDT','ETH/USDT'], {name:'ticker'}) receives ticks of both with bid < ask", async () => {
    const ex = await binanceClient(demo);
    const seen = new Map<string, number>();
    while (seen.size < 2 || [...seen.values()].some((n) => n < 3)) {
      const tickers = await ex.watchTickers(['BTC/USDT', 'ETH/USDT'], { name: 'ticker' });
      for (const [symbol, t] of Object.entries(tickers)) {
        const { bid, ask } = book(t);
        expect(bid).toBeLessThan(ask);
        expect(t.last).toBeGreaterThan(0);
        expect(t.percentage).toEqual(expect.any(Number));
        seen.set(symbol, (seen.get(symbol) ?? 0) + 1);
      }
    }
    expect([...seen.keys()].sort()).toEqual(['BTC/USDT', 'ETH/USDT']);
    expect(demo.connections()).toBe(1);
  });

  it("watchTicker(symbol, {name:'ticker'}) follows the simulator", async () => {
    const ex = await binanceClient(demo);
    const first = await ex.watchTicker('SOL/USDT', { name: 'ticker' });
    const second = await ex.watchTicker('SOL/USDT', { name: 'ticker' });
    expect(second.timestamp).toBeGreaterThan(first.timestamp ?? Infinity);
    expect(book(second).bid).toBeLessThan(book(second).ask);
    // The tick after the one received is at most one step ahead (the simulator may have moved on since).
    expect(demo.ticker('SOL/USDT')?.timestamp).toBeGreaterThanOrEqual(second.timestamp ?? Infinity);
  });

  it('defaults to the miniTicker stream, which has no bid/ask; watchTickers() takes every market', async () => {
    const ex = await binanceClient(demo);
    const mini = await ex.watchTicker('DOGE/USDT');
    expect(mini.info).toMatchObject({ e: '24hrMiniTicker', s: 'DOGEUSDT' });
    expect(mini.bid).toBeUndefined();
    const all = await ex.watchTickers(); // one !miniTicker@arr stream
    expect(Object.keys(all).length).toBeGreaterThan(10);
  });

  it('answers SUBSCRIBE like Binance and sends only the subscribed streams, raw on /ws', async () => {
    const client = await connect('/ws/0');
    client.send({ method: 'SUBSCRIBE', params: ['btcusdt@ticker', 'ethusdt@bookTicker'], id: 1 });
    expect(await client.next()).toEqual({ result: null, id: 1 });
    // Three of each subscribed stream: the ticks that would carry any other stream too.
    const count = (events: Array<Record<string, unknown>>, test: (e: Record<string, unknown>) => boolean) =>
      events.filter(test).length;
    const isBtc = (e: Record<string, unknown>) => e.s === 'BTCUSDT' && e.e === '24hrTicker';
    const isEthBook = (e: Record<string, unknown>) => e.s === 'ETHUSDT' && e.e === undefined;
    const events = await client.until((seen) => count(seen, isBtc) >= 3 && count(seen, isEthBook) >= 3);
    expect(events.length).toBeGreaterThan(4);
    const kinds = new Set(events.map((e) => `${String(e.s)} ${String(e.e ?? 'book')}`));
    expect([...kinds].sort()).toEqual(['BTCUSDT 24hrTicker', 'ETHUSDT book']);
    const ticker = events.find((e) => e.e === '24hrTicker') ?? {};
    expect(Object.keys(ticker).sort()).toEqual(
      [
        'e',
        'E',
        's',
        'p',
        'P',
        'w',
        'x',
        'c',
        'Q',
        'b',
        'B',
        'a',
        'A',
        'o',
        'h',
        'l',
        'v',
        'q',
        'O',
        'C',
        'F',
        'L',
        'n',
      ].sort(),
    );
    expect(Object.values(ticker).every((v) => typeof v === 'string' || typeof v === 'number')).toBe(true);

    client.send({ method: 'UNSUBSCRIBE', params: ['btcusdt@ticker'], id: 2 });
    client.send({ method: 'LIST_SUBSCRIPTIONS', id: 3 });
    // Up to the LIST_SUBSCRIPTIONS answer and three ETH events after it, which BTC ticks would come with.
    const after = await client.until((seen) => {
      const reply = seen.findIndex((m) => m.id === 3);
      return reply >= 0 && count(seen.slice(reply), isEthBook) >= 3;
    });
    expect(after).toContainEqual({ result: null, id: 2 });
    expect(after).toContainEqual({ result: ['ethusdt@bookTicker'], id: 3 });
    const lastReply = after.findIndex((m) => m.id === 3);
    expect(after.slice(lastReply).some((m) => m.s === 'BTCUSDT')).toBe(false);
  });

  it('wraps events as {stream, data} on /stream, takes streams from the URL, and sends !ticker@arr arrays', async () => {
    const client = await connect('/stream?streams=btcusdt@miniTicker/!ticker@arr');
    // Three of each stream named in the URL: the ticks that would carry any other stream too.
    const messages = await client.until<{ stream: string; data: unknown }>((seen) =>
      ['btcusdt@miniTicker', '!ticker@arr'].every((s) => seen.filter((m) => m.stream === s).length >= 3),
    );
    const streams = new Set(messages.map((m) => m.stream));
    expect([...streams].sort()).toEqual(['!ticker@arr', 'btcusdt@miniTicker']);
    const arrays = messages.filter((m) => m.stream === '!ticker@arr').map((m) => m.data as unknown[]);
    expect(arrays.every((a) => Array.isArray(a) && a.length > 0)).toBe(true);
  });

  it('reports bad requests the way Binance does, and keeps the connection', async () => {
    const client = await connect('/ws');
    client.send({ method: 'FROBNICATE', id: 9 });
    expect(await client.next()).toMatchObject({ error: { code: 2 }, id: 9 });
    client.send({ method: 'SUBSCRIBE', params: ['btcusdt@ticker'], id: 10 });
    expect(await client.next()).toEqual({ result: null, id: 10 });
  });
});
