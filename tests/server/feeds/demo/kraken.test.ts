import ccxt from 'ccxt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startKrakenExchange } from '../../../../server/feeds/demo/kraken/index';
import type { SimulatedExchange } from '../../../../server/feeds/demo/venue';
import { closeKrakenClients, isUpdate, krakenClient, rawSocket } from './kraken-clients';
import type { Frame } from './kraken-clients';
import { fetchRaw, within } from './helpers';

let kraken: SimulatedExchange;
const TICK = 50;
const RFC3339_US = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

beforeAll(async () => {
  kraken = await startKrakenExchange({ seed: 7, tickMs: TICK });
});
afterEach(async () => {
  kraken.faults.resume();
  kraken.faults.clearHttpErrors();
  await closeKrakenClients();
});
afterAll(async () => {
  await kraken.close();
});

const get = (path: string) => fetchRaw(kraken.url + path);

const tickersIn = (frames: Frame[], symbol: string) => frames.filter(isUpdate(symbol));

/** Resolves once another, subscribed connection has had `count` heartbeats: proof that that much time went by. */
async function heartbeats(count: number): Promise<void> {
  const other = await rawSocket(kraken);
  other.send({ method: 'subscribe', params: { channel: 'ticker', symbol: ['BTC/USD'] } });
  for (let i = 0; i < count; i++) await other.waitFor((f) => f.channel === 'heartbeat');
  other.ws.terminate();
}

describe('simulated Kraken REST, through unmodified ccxt kraken', () => {
  it('loadMarkets maps Kraken names to unified ones, with precision, limits and activity', async () => {
    const ex = await krakenClient(kraken);
    const markets = ex.markets ?? {};
    expect(Object.keys(markets).sort()).toEqual(kraken.symbols().slice().sort());
    expect(markets['BTC/USD']).toMatchObject({
      id: 'XXBTZUSD',
      base: 'BTC',
      quote: 'USD',
      active: true,
      precision: { price: 0.1, amount: 1e-8 },
      limits: { amount: { min: 0.00005 }, cost: { min: 0.5 } },
    });
    expect(markets['DOGE/USD']).toMatchObject({ id: 'XDGUSD', base: 'DOGE', precision: { price: 1e-7 } });
    expect(markets['SOL/USD']?.id).toBe('SOLUSD');
    expect(markets['ETH/BTC']?.id).toBe('XETHXXBT');
    expect(ex.currencies.BTC?.id).toBe('XXBT');
    expect(ex.currencies.DOGE?.id).toBe('XXDG');
  });

  it('fetchTicker and fetchTickers price the markets with bid < ask', async () => {
    const ex = await krakenClient(kraken);
    const btc = await ex.fetchTicker('BTC/USD');
    expect(btc.bid).toBeLessThan(btc.ask ?? 0);
    expect(btc.last).toBeGreaterThan(1000);
    expect(btc.baseVolume).toBeGreaterThan(0);
    const many = await ex.fetchTickers(['DOGE/USD', 'ETH/BTC', 'USDT/USD']);
    expect(Object.keys(many).sort()).toEqual(['DOGE/USD', 'ETH/BTC', 'USDT/USD']);
    for (const t of Object.values(many)) expect(t.bid).toBeLessThan(t.ask ?? 0);
    const all = await ex.fetchTickers();
    expect(Object.keys(all)).toHaveLength(kraken.symbols().length);
  });

  it('answers in Kraken envelopes and error strings, keyed by the pair name whatever name was asked', async () => {
    const byAltname = await get('/0/public/Ticker?pair=XBTUSD');
    expect(byAltname.body).toMatchObject({
      error: [],
      result: { XXBTZUSD: { c: [expect.any(String), expect.any(String)] } },
    });
    const pairs = (await get('/0/public/AssetPairs?pair=XDGUSD')).body as { result: Record<string, unknown> };
    expect(pairs.result.XDGUSD).toMatchObject({
      altname: 'XDGUSD',
      wsname: 'XDG/USD',
      base: 'XXDG',
      quote: 'ZUSD',
    });
    expect(await get('/0/public/Ticker?pair=NOPEUSD')).toMatchObject({
      status: 200,
      body: { error: ['EQuery:Unknown asset pair'] },
    });
    expect((await get('/0/public/AssetPairs?info=bogus')).body).toEqual({
      error: ['EGeneral:Invalid arguments'],
    });
    expect(await get('/0/public/Nope')).toMatchObject({
      status: 404,
      body: { error: ['EGeneral:Unknown method'] },
    });
    expect((await get('/0/public/Assets?asset=XBT')).body).toMatchObject({
      result: { XXBT: { altname: 'XBT' } },
    });
  });

  it('serves OHLC rows and ccxt fetchOHLCV reads them', async () => {
    const raw = (await get('/0/public/OHLC?pair=XBTUSD&interval=60')).body as {
      result: Record<string, unknown>;
    };
    const rows = raw.result.XXBTZUSD as unknown[][];
    expect(rows).toHaveLength(720);
    expect(rows[0]).toHaveLength(8);
    expect(typeof raw.result.last).toBe('number');
    expect((await get('/0/public/OHLC?pair=XBTUSD&interval=7')).body).toEqual({
      error: ['EGeneral:Invalid arguments'],
    });
    const ex = await krakenClient(kraken);
    const candles = await ex.fetchOHLCV('ETH/USD', '1h');
    expect(candles.length).toBeGreaterThan(100);
    expect((candles.at(-1)?.[0] ?? 0) % 3_600_000).toBe(0);
  });

  it('httpErrors answers HTML pages, which ccxt raises as network errors, then recovers', async () => {
    const ex = await krakenClient(kraken);
    kraken.faults.httpErrors(503, 1);
    await expect(ex.fetchTicker('BTC/USD')).rejects.toThrow(/ExchangeNotAvailable|503/);
    const page = await get('/0/public/Ticker');
    expect(page.status).toBe(200);
    kraken.faults.httpErrors(502, 1);
    const html = await get('/0/public/Ticker');
    expect(html.status).toBe(502);
    expect(html.text).toContain('<html>');
  });

  it('garbage corrupts REST ticker answers in Kraken field names', async () => {
    kraken.faults.garbage('negative-price');
    const bad = (await get('/0/public/Ticker?pair=XBTUSD')).body as { result: { XXBTZUSD: { c: string[] } } };
    expect(bad.result.XXBTZUSD.c[0]).toBe('-5');
    kraken.faults.garbage('truncated-json');
    expect((await get('/0/public/Ticker')).body).toBeUndefined();
    const good = (await get('/0/public/Ticker?pair=XBTUSD')).body as {
      result: { XXBTZUSD: { c: string[] } };
    };
    expect(Number(good.result.XXBTZUSD.c[0])).toBeGreaterThan(0);
  });
});

describe('simulated Kraken WebSocket v2', () => {
  it('greets with the status channel, acks per symbol, snapshots, updates per trade and heartbeats', async () => {
    const ws = await rawSocket(kraken);
    const status = await ws.waitFor((f) => f.channel === 'status');
    expect(status).toMatchObject({ type: 'update', data: [{ api_version: 'v2', system: 'online' }] });
    // No heartbeat before the first subscription, through three that a subscribed connection gets meanwhile.
    expect((await ws.collectUntil(heartbeats(3))).filter((f) => f.channel === 'heartbeat')).toEqual([]);
    ws.send({
      method: 'subscribe',
      params: { channel: 'ticker', symbol: ['BTC/USD', 'XBT/USD'] },
      req_id: 7,
    });
    const ok = await ws.waitFor((f) => f.method === 'subscribe' && f.success === true);
    expect(ok).toMatchObject({
      req_id: 7,
      result: { channel: 'ticker', symbol: 'BTC/USD', snapshot: true, event_trigger: 'trades' },
    });
    expect(ok.time_in).toMatch(RFC3339_US);
    const refused = await ws.waitFor((f) => f.method === 'subscribe' && f.success === false);
    expect(refused).toMatchObject({
      req_id: 7,
      symbol: 'XBT/USD',
      error: 'Currency pair not supported XBT/USD',
    });
    const snapshot = await ws.waitFor((f) => f.channel === 'ticker' && f.type === 'snapshot');
    const data = (snapshot.data as Array<Record<string, unknown>>)[0];
    expect(data).toMatchObject({ symbol: 'BTC/USD', bid: expect.any(Number), ask: expect.any(Number) });
    expect(Object.keys(data ?? {})).toEqual(
      expect.arrayContaining([
        'bid_qty',
        'ask_qty',
        'last',
        'volume',
        'vwap',
        'low',
        'high',
        'change',
        'change_pct',
      ]),
    );
    await ws.waitFor(isUpdate('BTC/USD'));
    await ws.waitFor((f) => f.channel === 'heartbeat', 10 * TICK);
    expect(kraken.subscribed()).toContain('BTC/USD');
  });

  it('answers ping with pong, and malformed or unknown requests with errors', async () => {
    const ws = await rawSocket(kraken);
    ws.send({ method: 'ping', req_id: 101 });
    const pong = await ws.waitFor((f) => f.method === 'pong');
    expect(pong).toMatchObject({ req_id: 101 });
    expect(pong.time_out).toMatch(RFC3339_US);
    ws.send('{not json');
    expect(await ws.waitFor((f) => f.success === false)).toMatchObject({ error: 'Malformed request' });
    ws.send({ method: 'frobnicate', req_id: 3 });
    expect(await ws.waitFor((f) => f.success === false)).toMatchObject({ method: 'frobnicate', req_id: 3 });
  });

  it('unsubscribe is acked per symbol, stops the updates and leaves subscribed()', async () => {
    const ws = await rawSocket(kraken);
    ws.send({ method: 'subscribe', params: { channel: 'ticker', symbol: ['ETH/USD'] }, req_id: 1 });
    await ws.waitFor(isUpdate('ETH/USD'));
    expect(kraken.subscribed()).toContain('ETH/USD');
    ws.send({
      method: 'unsubscribe',
      params: { channel: 'ticker', symbol: ['ETH/USD', 'SOL/USD'] },
      req_id: 2,
    });
    expect(await ws.waitFor((f) => f.method === 'unsubscribe' && f.success === true)).toMatchObject({
      result: { channel: 'ticker', symbol: 'ETH/USD' },
    });
    expect(await ws.waitFor((f) => f.method === 'unsubscribe' && f.success === false)).toMatchObject({
      symbol: 'SOL/USD',
    });
    // Nothing at all once no subscription is left: no updates and no heartbeats, through three that a
    // subscribed connection gets meanwhile.
    expect(await ws.collectUntil(heartbeats(3))).toEqual([]);
    expect(kraken.subscribed()).not.toContain('ETH/USD');
  });
});

describe('simulated Kraken WebSocket v2, through unmodified ccxt kraken', () => {
  it('watchTicker gets a new ticker per trade, with bid and ask', async () => {
    const ex = await krakenClient(kraken);
    const first = await ex.watchTicker('BTC/USD');
    const second = await ex.watchTicker('BTC/USD');
    for (const t of [first, second]) {
      expect(t.symbol).toBe('BTC/USD');
      expect(t.bid).toBeLessThan(t.ask ?? 0);
    }
    expect(second).not.toBe(first);
    expect(kraken.subscribed()).toContain('BTC/USD');
  });

  it('watchTickers ticks every symbol; a refused one never ticks and nothing is raised', async () => {
    kraken.faults.refuseSymbol('ETH/USD');
    try {
      const ex = await krakenClient(kraken);
      const seen = new Map<string, number>();
      const deadline = Date.now() + 40 * TICK;
      while (Date.now() < deadline) {
        const got = await within(ex.watchTickers(['BTC/USD', 'ETH/USD', 'DOGE/USD']), 20 * TICK);
        if (got === 'timeout') continue;
        for (const [symbol, t] of Object.entries(got)) {
          expect(t.bid).toBeLessThan(t.ask ?? 0);
          seen.set(symbol, (seen.get(symbol) ?? 0) + 1);
        }
      }
      expect(seen.get('BTC/USD')).toBeGreaterThan(3);
      expect(seen.get('DOGE/USD')).toBeGreaterThan(0);
      expect(seen.has('ETH/USD')).toBe(false);
      expect(kraken.subscribed()).toEqual(['BTC/USD', 'DOGE/USD']);
      // REST still serves the refused market.
      expect((await ex.fetchTicker('ETH/USD')).last).toBeGreaterThan(0);
    } finally {
      kraken.faults.refuseSymbol('ETH/USD', false);
    }
  });

  it('dropConnections rejects the pending watch with a NetworkError; the next watch reconnects', async () => {
    const ex = await krakenClient(kraken);
    await ex.watchTicker('BTC/USD');
    const pending = ex.watchTicker('ETH/BTC');
    kraken.faults.dropConnections();
    await expect(pending).rejects.toBeInstanceOf(ccxt.NetworkError);
    expect(await within(ex.watchTicker('BTC/USD'), 5000)).toMatchObject({ symbol: 'BTC/USD' });
  }, 15_000);
});

describe('simulated Kraken faults on the WebSocket', () => {
  it('stall silences updates and heartbeats and freezes the model; resume sends what was held', async () => {
    const ws = await rawSocket(kraken);
    ws.send({ method: 'subscribe', params: { channel: 'ticker', symbol: ['BTC/USD'] } });
    await ws.waitFor((f) => f.channel === 'heartbeat');
    await kraken.faults.stall();
    const before = (await get('/0/public/Ticker?pair=XBTUSD')).text;
    ws.send({ method: 'ping', req_id: 9 });
    expect(await ws.collect(10 * TICK)).toEqual([]);
    expect((await get('/0/public/Ticker?pair=XBTUSD')).text).toBe(before);
    expect(ws.ws.readyState).toBe(ws.ws.OPEN);
    kraken.faults.resume();
    expect(await ws.waitFor((f) => f.method === 'pong')).toMatchObject({ req_id: 9 });
    await ws.waitFor(isUpdate('BTC/USD'));
  });

  it('quiet stops one market trading while heartbeats and other markets go on', async () => {
    kraken.faults.quiet('SOL/USD');
    try {
      const ws = await rawSocket(kraken);
      ws.send({ method: 'subscribe', params: { channel: 'ticker', symbol: ['SOL/USD', 'BTC/USD'] } });
      await ws.waitFor((f) => f.channel === 'ticker' && f.type === 'snapshot');
      // Until BTC has traded four times and two heartbeats have come after that (trades can come faster than
      // heartbeats): SOL never trades.
      const trades = await ws.through(isUpdate('BTC/USD'), 4);
      const beats = await ws.through((f) => f.channel === 'heartbeat', 2);
      expect(tickersIn([...trades, ...beats], 'SOL/USD')).toEqual([]);
      expect(tickersIn(trades, 'BTC/USD').length).toBe(4);
    } finally {
      kraken.faults.quiet('SOL/USD', false);
    }
  });

  it('garbage corrupts update messages in v2 field names', async () => {
    const ws = await rawSocket(kraken);
    ws.send({ method: 'subscribe', params: { channel: 'ticker', symbol: ['BTC/USD'] } });
    await ws.waitFor((f) => f.channel === 'ticker' && f.type === 'snapshot');
    const first = (f: Frame) => (f.data as Array<{ last: number; bid: number; ask: number }>)[0];
    // Updates queued before a switch flips are clean: wait for the corrupted one (a timeout fails the test).
    kraken.faults.garbage('huge-number');
    await ws.waitFor((f) => isUpdate('BTC/USD')(f) && first(f)?.last === 1e308);
    kraken.faults.garbage('html');
    const page = await ws.waitFor((f) => typeof f.raw === 'string');
    expect(page.raw).toContain('<html>');
    kraken.faults.garbage('bid-above-ask');
    await ws.waitFor((f) => isUpdate('BTC/USD')(f) && (first(f)?.bid ?? 0) > (first(f)?.ask ?? Infinity));
    // One corrupted message per garbage call: the next ones are clean again.
    const after = tickersIn(await ws.through(isUpdate('BTC/USD'), 3), 'BTC/USD');
    expect(after.length).toBe(3);
    for (const f of after) expect(first(f)?.bid).toBeLessThan(first(f)?.ask ?? 0);
  });

  it('dropConnections closes raw sockets without a close frame', async () => {
    const ws = await rawSocket(kraken);
    await ws.waitFor((f) => f.channel === 'status');
    kraken.faults.dropConnections();
    await ws.closed;
    expect(kraken.connections()).toBe(0);
  });

  it('refuses WebSocket paths other than /v2', async () => {
    await expect(rawSocket(kraken, '/')).rejects.toThrow();
  });
});
