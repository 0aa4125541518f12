import ccxt from 'ccxt';
import type { Ticker } from 'ccxt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCoinbaseExchange } from '../../../../server/feeds/demo/coinbase/index';
import { GARBAGE_KINDS } from '../../../../server/feeds/demo/faults';
import type { SimulatedExchange } from '../../../../server/feeds/demo/venue';
import { RawFeed, closeCoinbaseClients, coinbaseClient, onChannel, tickersOf } from './coinbase-client';
import { settle, within } from './helpers';
import { waitFor } from '../../../support/stack';

const TICK_MS = 50;
let venue: SimulatedExchange;

// A fresh exchange per test: a fault or a subscriber left behind must not leak into the next test.
beforeEach(async () => {
  venue = await startCoinbaseExchange({ seed: 7, tickMs: TICK_MS });
});
afterEach(async () => {
  await closeCoinbaseClients();
  await venue.close();
});

async function getJson(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(venue.url + path);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Subscribes a raw feed and waits for the `subscriptions` answer. */
async function subscribe(feed: RawFeed, channel: string, productIds?: string[]): Promise<void> {
  const from = feed.messages.length;
  feed.send({ type: 'subscribe', channel, ...(productIds ? { product_ids: productIds } : {}) });
  await feed.waitFor(onChannel('subscriptions'), { from });
}

describe('simulated Coinbase REST, as ccxt sees it', () => {
  it('loadMarkets lists every product with Coinbase increments as precision and USDC aliases', async () => {
    const ex = await coinbaseClient(venue);
    expect(Object.keys(ex.markets ?? {}).sort()).toEqual([...venue.symbols()].sort());
    expect(venue.symbols()).toEqual(expect.arrayContaining(['BTC/USD', 'BTC/EUR', 'USDT/USD', 'SOL/USDC']));
    const btc = ex.market('BTC/USD');
    expect([btc.id, btc.type, btc.spot, btc.precision.price, btc.precision.amount]).toEqual([
      'BTC-USD',
      'spot',
      true,
      0.01,
      1e-8,
    ]);
    expect(ex.market('DOGE/USD').precision).toMatchObject({ price: 0.00001, amount: 0.1 });
    // ccxt keeps alias_to[0] as `alias`: the -USD market points at its -USDC twin.
    expect((btc as { alias?: string }).alias).toBe('BTC-USDC');
    expect(ex.market('BTC/USDC').quote).toBe('USDC');
    expect(ex.currencies.BTC?.name).toBe('Bitcoin');
  });

  it('fetchTicker prices a market with a trade and the touch; fetchTickers prices the -USDC alias like -USD', async () => {
    const ex = await coinbaseClient(venue);
    const ticker = await ex.fetchTicker('ETH/USD');
    expect(ticker.symbol).toBe('ETH/USD');
    expect(ticker.last).toBeGreaterThan(1000);
    expect(ticker.bid).toBeLessThan(ticker.ask as number);
    expect(Math.abs((ticker.last as number) - (ticker.bid as number))).toBeLessThan(5);
    venue.faults.stall(); // freeze the model so both products are read at the same moment
    const tickers = await ex.fetchTickers(['BTC/USD', 'BTC/USDC', 'BTC/EUR']);
    expect(Object.keys(tickers).sort()).toEqual(['BTC/EUR', 'BTC/USD', 'BTC/USDC']);
    expect(tickers['BTC/USDC']?.last).toBe(tickers['BTC/USD']?.last);
    expect(tickers['BTC/EUR']?.last).toBeGreaterThan(10_000);
    // The product list carries a price but no touch, as on Coinbase.
    expect(tickers['BTC/USD']?.bid).toBeUndefined();
  });

  it('answers unknown products and bad parameters with Coinbase error bodies and statuses', async () => {
    expect(await getJson('/api/v3/brokerage/market/products/NOPE-USD/ticker?limit=1')).toEqual({
      status: 404,
      body: {
        error: 'NOT_FOUND',
        error_details: 'valid product_id is required',
        message: 'valid product_id is required',
      },
    });
    expect((await getJson('/api/v3/brokerage/market/products/NOPE-USD')).status).toBe(404);
    const badLimit = await getJson('/api/v3/brokerage/market/products/BTC-USD/ticker?limit=abc');
    expect([badLimit.status, badLimit.body.error]).toEqual([400, 'INVALID_ARGUMENT']);
    const badType = await getJson('/api/v3/brokerage/market/products?product_type=BOND');
    expect([badType.status, badType.body.error]).toEqual([400, 'INVALID_ARGUMENT']);
    expect(await getJson('/api/v3/brokerage/nothing-here')).toEqual({
      status: 404,
      body: { errors: [{ id: 'not_found', message: 'Not found' }] },
    });
    const rate = await getJson('/v2/exchange-rates?currency=NOPE');
    expect(rate.status).toBe(400);
    const btc = (await getJson('/v2/exchange-rates?currency=BTC')).body.data as {
      rates: Record<string, string>;
    };
    expect(Number(btc.rates.USD)).toBeGreaterThan(10_000);
    expect(Number(btc.rates.EUR)).toBeLessThan(Number(btc.rates.USD));
    const futures = await getJson('/api/v3/brokerage/market/products?product_type=FUTURE');
    expect(futures).toEqual({ status: 200, body: { products: [], num_products: 0 } });
    const alias = await getJson('/api/v3/brokerage/market/products/ETH-USDC');
    expect([alias.body.alias, alias.body.quote_currency_id]).toEqual(['ETH-USD', 'USDC']);
  });

  it('serves public candles newest first, within 350 per request', async () => {
    const end = Math.floor(Date.now() / 1000);
    const ok = await getJson(
      `/api/v3/brokerage/market/products/BTC-USD/candles?start=${end - 3600}&end=${end}&granularity=FIVE_MINUTE`,
    );
    const candles = ok.body.candles as Array<Record<string, string>>;
    expect(ok.status).toBe(200);
    expect(candles.length).toBeGreaterThanOrEqual(12);
    expect(Number(candles[0]?.start)).toBeGreaterThan(Number(candles[1]?.start));
    for (const c of candles) expect(Number(c.low)).toBeLessThanOrEqual(Number(c.high));
    const tooMany = await getJson(
      `/api/v3/brokerage/market/products/BTC-USD/candles?start=${end - 86400 * 2}&end=${end}&granularity=ONE_MINUTE`,
    );
    expect([tooMany.status, tooMany.body.error]).toEqual([400, 'INVALID_ARGUMENT']);
  });
});

describe('simulated Coinbase WebSocket, as ccxt sees it', () => {
  it('watchTicker: one ticker per trade, with best bid and ask', async () => {
    const ex = await coinbaseClient(venue);
    const seen: Ticker[] = [];
    for (let i = 0; i < 6; i++) seen.push(await ex.watchTicker('BTC/USD'));
    for (const t of seen) {
      expect(t.symbol).toBe('BTC/USD');
      expect(t.bid).toBeLessThan(t.ask as number);
      expect(t.bidVolume).toBeGreaterThan(0);
    }
    const stamps = seen.map((t) => t.timestamp as number);
    expect(new Set(stamps).size).toBe(stamps.length);
    expect(venue.subscribed()).toEqual(['BTC/USD']);
  });

  it('watchTickers (ticker_batch): batches without bid/ask, every 5 s scaled (250 ms here), not per trade', async () => {
    const ex = await coinbaseClient(venue);
    await ex.watchTickers(['BTC/USD', 'ETH/USD']); // the snapshot that answers the subscription
    const times: number[] = [];
    for (let i = 0; i < 4; i++) {
      const batch = await ex.watchTickers(['BTC/USD', 'ETH/USD']);
      times.push(Date.now());
      for (const t of Object.values(batch)) {
        expect(t.bid).toBeUndefined();
        expect(t.ask).toBeUndefined();
        expect(t.last).toBeGreaterThan(0);
      }
    }
    const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
    for (const gap of gaps) {
      expect(gap).toBeGreaterThan(150);
      expect(gap).toBeLessThan(600);
    }
    expect(venue.subscribed()).toEqual(['BTC/USD', 'ETH/USD']);
  });

  it('a -USDC subscription gets the -USD data, which ccxt labels BTC/USD', async () => {
    const ex = await coinbaseClient(venue);
    const ticker = await ex.watchTicker('BTC/USDC');
    expect(ticker.symbol).toBe('BTC/USD');
    expect((ticker.info as { product_id: string }).product_id).toBe('BTC-USD');
    expect(venue.subscribed()).toEqual(['BTC/USDC']);
    const next = await ex.watchTicker('BTC/USDC');
    expect(next.symbol).toBe('BTC/USD');
  });

  it('an unknown product or channel is refused with Coinbase error message', async () => {
    const feed = await RawFeed.open(venue);
    feed.send({ type: 'subscribe', channel: 'ticker', product_ids: ['NOPE-USD'] });
    feed.send({ type: 'subscribe', channel: 'nonsense', product_ids: ['BTC-USD'] });
    const errors = await feed.waitFor((m) => m.json?.type === 'error', { count: 2 });
    for (const e of errors) expect(e.json).toEqual({ type: 'error', message: 'failure to subscribe' });
    expect(venue.subscribed()).toEqual([]);
  });

  it('unsubscribe: the subscriptions answer follows, messages stop, subscribed() follows; ccxt unWatchTicker too', async () => {
    const feed = await RawFeed.open(venue);
    await subscribe(feed, 'ticker', ['BTC-USD', 'ETH-USD']);
    await feed.waitFor(onChannel('ticker'), { count: 3 });
    expect(venue.subscribed()).toEqual(['BTC/USD', 'ETH/USD']);
    const from = feed.messages.length;
    feed.send({ type: 'unsubscribe', channel: 'ticker', product_ids: ['BTC-USD', 'ETH-USD'] });
    const [answer] = await feed.waitFor(onChannel('subscriptions'), { from });
    expect((answer?.json?.events as unknown[])[0]).toEqual({ subscriptions: {} });
    expect(venue.subscribed()).toEqual([]);
    const after = feed.messages.length;
    // Eight heartbeats on another connection: BTC trades about once a beat, so its ticks would have come by now.
    const clock = await RawFeed.open(venue);
    await subscribe(clock, 'heartbeats');
    await clock.waitFor(onChannel('heartbeats'), { count: 8 });
    expect(feed.matching(onChannel('ticker'), after)).toEqual([]);

    const ex = await coinbaseClient(venue);
    await ex.watchTicker('SOL/USD');
    expect(venue.subscribed()).toEqual(['SOL/USD']);
    await ex.unWatchTicker('SOL/USD');
    expect(venue.subscribed()).toEqual([]);
  });

  it('heartbeats: one a second (scaled), counter and sequence_num up by one each time', async () => {
    const feed = await RawFeed.open(venue);
    await subscribe(feed, 'heartbeats');
    const beats = await feed.waitFor(onChannel('heartbeats'), { count: 4 });
    const counters = beats.map(
      (b) => (b.json?.events as Array<{ heartbeat_counter: number }>)[0]?.heartbeat_counter,
    );
    const sequences = beats.map((b) => b.json?.sequence_num as number);
    for (let i = 1; i < beats.length; i++) {
      expect(counters[i]).toBe((counters[i - 1] as number) + 1);
      expect(sequences[i]).toBe((sequences[i - 1] as number) + 1);
    }
    const event = (beats[0]?.json?.events as Array<{ current_time: string }>)[0];
    expect(event?.current_time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000 UTC m=\+/);
    expect(beats[0]?.json?.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
  });

  it('sequence_num counts every message of a connection from 0', async () => {
    const feed = await RawFeed.open(venue);
    await subscribe(feed, 'ticker', ['BTC-USD']);
    await subscribe(feed, 'heartbeats');
    await feed.waitFor((m) => m.json?.sequence_num !== undefined, { count: 10 });
    const sequences = feed
      .matching((m) => m.json?.sequence_num !== undefined)
      .map((m) => m.json?.sequence_num);
    expect(sequences.slice(0, 10)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('simulated Coinbase subscribe deadline', () => {
  it('closes a connection that does not subscribe in time and keeps one that does', async () => {
    const quick = await startCoinbaseExchange({ seed: 7, tickMs: TICK_MS, subscribeTimeoutMs: 300 });
    try {
      const idle = await RawFeed.open(quick);
      const active = await RawFeed.open(quick);
      await subscribe(active, 'heartbeats');
      const opened = Date.now();
      await idle.waitClosed(2000);
      expect(Date.now() - opened).toBeGreaterThan(150);
      const from = active.messages.length;
      await active.waitFor(onChannel('heartbeats'), { from, count: 3 });
      expect(active.closed).toBe(false);
    } finally {
      await quick.close();
    }
  });

  it('defaults to 5 s: a silent connection is still open after 1 s', async () => {
    const idle = await RawFeed.open(venue);
    // The server's own clock: a heartbeat every TICK_MS on another connection, so these span over a second.
    const clock = await RawFeed.open(venue);
    await subscribe(clock, 'heartbeats');
    await clock.waitFor(onChannel('heartbeats'), { count: Math.ceil(1000 / TICK_MS) + 1, ms: 5000 });
    expect(idle.closed).toBe(false);
  });
});

describe('simulated Coinbase faults', () => {
  it('stall: socket open and silent, REST frozen; resume delivers again', async () => {
    const ex = await coinbaseClient(venue);
    await ex.watchTicker('BTC/USD');
    venue.faults.stall();
    await within(ex.watchTicker('BTC/USD'), 200); // a frame already on its way may still land
    const pending = ex.watchTicker('BTC/USD');
    expect(await within(pending, 800)).toBe('timeout');
    expect(venue.connections()).toBe(1);
    const [a, b] = [await ex.fetchTicker('BTC/USD'), await ex.fetchTicker('BTC/USD')];
    expect([b.last, b.timestamp]).toEqual([a.last, a.timestamp]);
    venue.faults.resume();
    expect(await within(pending, 2000)).not.toBe('timeout');
  });

  it('stall holds replies to subscriptions until resume', async () => {
    const feed = await RawFeed.open(venue);
    venue.faults.stall();
    feed.send({ type: 'subscribe', channel: 'ticker', product_ids: ['ETH-USD'] });
    // The exchange took the subscription (it shows among its subscriptions) but holds the answer.
    await waitFor(() => venue.subscribed().includes('ETH/USD'), 3_000, 'the subscription taken');
    expect(feed.messages).toEqual([]);
    venue.faults.resume();
    await feed.waitFor(onChannel('subscriptions'));
    await feed.waitFor((m) => m.json?.channel === 'ticker' && tickersOf(m)[0]?.product_id === 'ETH-USD');
  });

  it('dropConnections: the pending watch rejects with NetworkError; the next watch reconnects', async () => {
    const ex = await coinbaseClient(venue);
    await ex.watchTicker('BTC/USD');
    const pending = settle(ex.watchTicker('BTC/USD'));
    venue.faults.dropConnections();
    const outcome = await pending;
    expect(!outcome.ok && outcome.error).toBeInstanceOf(ccxt.NetworkError);
    const again = await ex.watchTicker('BTC/USD');
    expect(again.bid).toBeLessThan(again.ask as number);
    expect(venue.connections()).toBe(1);
  });

  it('httpErrors: HTML error pages for count requests (503 is ExchangeNotAvailable), then recovery', async () => {
    const ex = await coinbaseClient(venue);
    venue.faults.httpErrors(503, 2);
    await expect(ex.fetchTicker('BTC/USD')).rejects.toBeInstanceOf(ccxt.ExchangeNotAvailable);
    const res = await fetch(`${venue.url}/api/v3/brokerage/market/products`);
    expect([res.status, res.headers.get('content-type'), (await res.text()).startsWith('<html>')]).toEqual([
      503,
      'text/html',
      true,
    ]);
    expect((await ex.fetchTicker('BTC/USD')).last).toBeGreaterThan(0);
    // ccxt files a 500 under ExchangeNotAvailable too (a NetworkError, so retryable).
    venue.faults.httpErrors(500);
    await expect(ex.loadMarkets(true)).rejects.toBeInstanceOf(ccxt.ExchangeNotAvailable);
    venue.faults.clearHttpErrors();
    expect(Object.keys(await ex.loadMarkets(true)).length).toBe(venue.symbols().length);
  });

  it('garbage: each kind corrupts the next ticker message, then the stream is clean again', async () => {
    const feed = await RawFeed.open(venue);
    await subscribe(feed, 'ticker', ['BTC-USD']);
    await feed.waitFor(onChannel('ticker'), { count: 2 });
    for (const kind of GARBAGE_KINDS) {
      const from = feed.messages.length;
      venue.faults.garbage(kind);
      const [bad] = await feed.waitFor((m) => m.json?.channel !== 'subscriptions', { from });
      const entry = bad?.json ? tickersOf(bad)[0] : undefined;
      const expected: Record<string, (text: string) => boolean> = {
        html: (text) => text.startsWith('<html>'),
        'truncated-json': (text) => bad?.json === undefined && text.startsWith('{'),
        'wrong-types': () => typeof entry?.price === 'object',
        'negative-price': () => entry?.price === '-5',
        'huge-number': () => entry?.price === '1e308',
        'bid-above-ask': () => Number(entry?.best_bid) > Number(entry?.best_ask),
      };
      expect(expected[kind]?.(bad?.text ?? ''), kind).toBe(true);
      const [good] = await feed.waitFor(onChannel('ticker'), { from: feed.messages.length });
      expect(Number(tickersOf(good as never)[0]?.price)).toBeGreaterThan(1000);
    }
  });

  it('garbage reaches REST ticker answers too', async () => {
    venue.faults.garbage('negative-price');
    const { body } = await getJson('/api/v3/brokerage/market/products/BTC-USD/ticker?limit=1');
    expect((body.trades as Array<{ price: string }>)[0]?.price).toBe('-5');
    const clean = await getJson('/api/v3/brokerage/market/products/BTC-USD/ticker?limit=1');
    expect(Number((clean.body.trades as Array<{ price: string }>)[0]?.price)).toBeGreaterThan(1000);
  });

  it('refuseSymbol: a subscription is refused as an unknown product (ccxt ExchangeError); REST still serves it', async () => {
    const ex = await coinbaseClient(venue);
    venue.faults.refuseSymbol('ETH/USD');
    const outcome = await settle(ex.watchTicker('ETH/USD'));
    expect(!outcome.ok && outcome.error).toBeInstanceOf(ccxt.ExchangeError);
    expect(String(!outcome.ok && outcome.error)).toContain('failure to subscribe');
    expect(venue.subscribed()).toEqual([]);
    expect((await ex.fetchTicker('ETH/USD')).last).toBeGreaterThan(0);
    venue.faults.refuseSymbol('ETH/USD', false);
    const feed = await RawFeed.open(venue);
    await subscribe(feed, 'ticker', ['ETH-USD']);
    expect(venue.subscribed()).toEqual(['ETH/USD']);
  });

  it('quiet: no trades on the market (only the snapshot) while heartbeats go on; undone, trades resume', async () => {
    venue.faults.quiet('BTC/USD');
    const feed = await RawFeed.open(venue);
    await subscribe(feed, 'ticker', ['BTC-USD', 'BTC-USDC']);
    await subscribe(feed, 'heartbeats');
    const from = feed.messages.length;
    await feed.waitFor(onChannel('heartbeats'), { from, count: 8 });
    const updates = feed.matching(
      (m) => m.json?.channel === 'ticker' && (m.json.events as Array<{ type: string }>)[0]?.type === 'update',
    );
    expect(updates).toEqual([]);
    venue.faults.quiet('BTC/USD', false);
    await feed.waitFor(
      (m) => m.json?.channel === 'ticker' && (m.json.events as Array<{ type: string }>)[0]?.type === 'update',
    );
  });
});
