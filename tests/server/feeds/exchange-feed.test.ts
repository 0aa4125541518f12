import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateTicker } from '../../../server/feeds/ticker-validation';
import { GARBAGE_KINDS, startDemoExchange } from '../../../server/feeds/demo/index';
import type { DemoExchange } from '../../../server/feeds/demo/index';
import { createExchangeFeed } from '../../../server/feeds/exchange-feed';
import type { ExchangeFeed, FeedOptions } from '../../../server/feeds/exchange-feed';
import { JUNK_LIMIT } from '../../../server/feeds/tick-intake';
import { isComplete, quietFor, RecordingSink, testLogger } from './feed-harness';

const WATCHDOG_MS = 1_500;
const BTC = 'BTC/USDT';
const ETH = 'ETH/USDT';
const SOL = 'SOL/USDT';

let demo: DemoExchange;
let feeds: ExchangeFeed[] = [];

beforeEach(async () => {
  demo = await startDemoExchange({ seed: 7, tickMs: 50 });
});

afterEach(async () => {
  await Promise.all(feeds.map((feed) => feed.stop()));
  feeds = [];
  await demo.close();
});

function startFeed(options: Partial<FeedOptions> = {}, symbols: string[] = [BTC, ETH]) {
  const sink = new RecordingSink();
  const feed = createExchangeFeed({ id: 'binance', url: demo.url, simulated: true }, sink, {
    log: testLogger(),
    watchdogMs: WATCHDOG_MS,
    backoff: { initialMs: 50, maxMs: 400 },
    random: () => 0.5,
    ...options,
  });
  feeds.push(feed);
  feed.setSymbols(symbols);
  feed.start();
  return { feed, sink };
}

describe('exchange feed against the demo exchange', () => {
  it('goes connecting -> live and delivers valid ticks for the symbols set, with bid and ask', async () => {
    const { feed, sink } = startFeed();
    await sink.until(() => sink.ticksFor(BTC).length >= 3 && sink.ticksFor(ETH).length >= 3, 10_000, 'ticks');

    expect(sink.states().slice(0, 2)).toEqual(['connecting', 'live']);
    expect(new Set(sink.ticks.map((t) => t.symbol))).toEqual(new Set([BTC, ETH]));
    for (const tick of sink.ticks) {
      expect(isComplete(tick.fields)).toBe(true);
      expect(validateTicker({ symbol: tick.symbol, ...tick.fields }, tick.receivedAt).ok).toBe(true);
    }
    const status = feed.status();
    expect(status).toMatchObject({
      exchange: 'binance',
      state: 'live',
      simulated: true,
      mode: 'watchTickers',
      reconnects: 0,
      invalidTicks: 0,
      lastError: null,
      markets: demo.symbols().length,
    });
    expect(status.lastTickAt).toBe(sink.ticks[sink.ticks.length - 1]?.receivedAt);
  });

  it('loads the markets once at start, with decimals from the tick sizes', async () => {
    const { feed, sink } = startFeed({}, []);
    await sink.until(() => sink.marketLoads.length > 0, 10_000, 'markets');
    expect(sink.marketLoads).toHaveLength(1);
    expect(sink.marketLoads[0]!.map((m) => m.symbol).sort()).toEqual([...demo.symbols()].sort());
    const btc = feed.markets().get(BTC);
    expect(btc).toMatchObject({ symbol: BTC, base: 'BTC', quote: 'USDT', active: true });
    expect(btc?.priceDecimals).toBeTypeOf('number');
    expect(feed.status().markets).toBe(demo.symbols().length);
  });

  it('with no symbols stays idle: markets load, no connection, no state change', async () => {
    const { feed, sink } = startFeed({}, []);
    await sink.until(() => sink.marketLoads.length > 0, 10_000, 'markets');
    await quietFor(WATCHDOG_MS + 300);
    expect(demo.connections()).toBe(0);
    expect(sink.ticks).toHaveLength(0);
    expect(feed.status().state).toBe('connecting');
    expect(sink.states()).toEqual(['connecting']);
  });

  it('refreshes the markets periodically', async () => {
    const { sink } = startFeed({ marketsRefreshMs: 200 });
    await sink.until(() => sink.marketLoads.length >= 3, 10_000, 'three markets loads');
    expect(sink.marketLoads[2]).toHaveLength(demo.symbols().length);
  });

  it('setSymbols: an added symbol starts ticking without waiting for the old set, a removed one stops', async () => {
    const { feed, sink } = startFeed({}, [BTC]);
    await sink.until(() => sink.ticksFor(BTC).length >= 2, 10_000, 'BTC ticks');

    feed.setSymbols([BTC, SOL]);
    await sink.until(() => sink.ticksFor(SOL).length >= 3, 5_000, 'SOL ticks');

    feed.setSymbols([SOL]);
    // The first watch with the new set resolves with a SOL tick; from then on BTC is no longer delivered.
    const from = sink.ticks.length;
    await sink.until(() => sink.ticksFor(SOL, from).length >= 2, 5_000, 'SOL ticks after removing BTC');
    const settled = sink.ticks.length;
    await sink.until(() => sink.ticksFor(SOL, settled).length >= 5, 5_000, 'more SOL ticks');
    expect(sink.ticksFor(BTC, settled)).toHaveLength(0);
    expect(feed.status().state).toBe('live');
  });

  it('drops an unknown symbol (BadSymbol) without hurting the others, and says so in lastError', async () => {
    const { feed, sink } = startFeed({}, ['NOPE/USDT', BTC, 'btc/usdt']);
    await sink.until(() => sink.ticksFor(BTC).length >= 3, 10_000, 'BTC ticks');
    expect(feed.status().state).toBe('live');
    expect(sink.ticks.every((t) => t.symbol === BTC)).toBe(true);
    const errors = sink.statuses.map((s) => s.lastError?.message ?? '');
    expect(errors.some((m) => m.includes('NOPE/USDT'))).toBe(true);
    expect(errors.some((m) => m.includes('btc/usdt'))).toBe(true);
  });

  it('a stall turns the feed stale within the watchdog, it reconnects, and is live again after resume', async () => {
    const { feed, sink } = startFeed();
    await sink.untilState('live', 10_000);

    const stalledAt = Date.now();
    demo.faults.stall();
    const mark = sink.statuses.length;
    await sink.untilState('stale', WATCHDOG_MS + 2_000, mark);
    const staleAfter = Date.now() - stalledAt;
    expect(staleAfter).toBeLessThan(WATCHDOG_MS + 1_000);
    const stale = sink.statuses.slice(mark).find((s) => s.state === 'stale')!;
    expect(stale.reconnects).toBeGreaterThanOrEqual(1);
    expect(stale.lastError?.message).toMatch(/no valid tick within 1500 ms/);

    demo.faults.resume();
    const resumed = sink.statuses.length;
    const ticksBefore = sink.ticks.length;
    await sink.untilState('live', 10_000, resumed);
    await sink.until(() => sink.ticks.length > ticksBefore + 4, 5_000, 'ticks after resume');
    expect(feed.status().reconnects).toBeGreaterThanOrEqual(1);
    expect(demo.connections()).toBe(1);
  });

  it('dropConnections: the feed goes down, reconnects and is live again', async () => {
    const { feed, sink } = startFeed();
    await sink.untilState('live', 10_000);
    const mark = sink.statuses.length;

    demo.faults.dropConnections();
    await sink.untilState('down', 5_000, mark);
    await sink.untilState('live', 5_000, mark);
    expect(sink.states().slice(-3)).toEqual(['down', 'connecting', 'live']);
    const down = sink.statuses.slice(mark).find((s) => s.state === 'down')!;
    expect(down.lastError?.message).toMatch(/NetworkError/);
    expect(feed.status().reconnects).toBe(1);
    const after = sink.ticks.length;
    await sink.until(() => sink.ticks.length > after + 4, 5_000, 'ticks after the reconnect');
  });

  it('httpErrors(503) during loadMarkets: down with lastError, then it recovers', async () => {
    demo.faults.httpErrors(503, 3);
    const { feed, sink } = startFeed();
    await sink.untilState('down', 10_000);
    const down = sink.statuses.find((s) => s.state === 'down')!;
    expect(down.lastError?.message).toMatch(/loadMarkets: ExchangeNotAvailable.*503/);
    expect(down.markets).toBe(0);

    await sink.untilState('live', 10_000);
    expect(sink.marketLoads).toHaveLength(1);
    expect(feed.status().markets).toBe(demo.symbols().length);
    expect(sink.ticks.length).toBeGreaterThan(0);
  });

  it('a failed markets refresh keeps the feed live and reports lastError', async () => {
    const { feed, sink } = startFeed({ marketsRefreshMs: 300 });
    await sink.untilState('live', 10_000);
    demo.faults.httpErrors(500, 1);
    await sink.until(
      () => feed.status().lastError?.message.startsWith('markets refresh') === true,
      5_000,
      'refresh error',
    );
    expect(feed.status().state).toBe('live');
    await sink.until(() => sink.marketLoads.length >= 2, 5_000, 'a later refresh succeeding');
  });

  it.each(GARBAGE_KINDS)(
    'garbage %s: counted as invalid, never delivered, the feed stays up and good ticks follow',
    async (kind) => {
      const { feed, sink } = startFeed();
      await sink.until(() => sink.ticks.length >= 4, 10_000, 'first ticks');

      demo.faults.garbage(kind, 3);
      await sink.until(() => sink.invalids.length >= 3, 5_000, 'three invalid ticks');
      const after = sink.ticks.length;
      await sink.until(() => sink.ticks.length >= after + 6, 5_000, 'good ticks after the garbage');

      // Each corrupted frame carries one ticker: counted once, not again when ccxt rejects the watch with it.
      expect(sink.invalids).toHaveLength(3);
      expect(feed.status().invalidTicks).toBe(3);
      expect(sink.ticks.every((t) => isComplete(t.fields))).toBe(true);
      expect(feed.status().state).toBe('live');
      expect(sink.states()).toEqual(['connecting', 'live']);
      expect(feed.status().reconnects).toBe(0);
      for (const invalid of sink.invalids) {
        expect(invalid.reason.length).toBeLessThanOrEqual(210);
        if (kind === 'html' || kind === 'truncated-json') expect(invalid.symbol).toBeNull();
        else expect([BTC, ETH]).toContain(invalid.symbol);
      }
    },
  );

  it(`${JUNK_LIMIT} unparseable frames in a row: the feed redials, then is live again`, async () => {
    const { feed, sink } = startFeed();
    await sink.untilState('live', 10_000);
    const mark = sink.statuses.length;
    demo.faults.garbage('truncated-json', JUNK_LIMIT);
    await sink.untilState('down', 5_000, mark);
    await sink.untilState('live', 5_000, mark);
    expect(sink.invalids).toHaveLength(JUNK_LIMIT);
    expect(feed.status().reconnects).toBe(1);
    expect(feed.status().lastError?.message).toMatch(/unparseable messages in a row/);
  });

  it('garbage in a poll answer (REST) is counted too', async () => {
    const { feed, sink } = startFeed({ mode: 'poll', pollMs: 100 });
    await sink.until(() => sink.ticks.length >= 4, 10_000, 'polled ticks');
    expect(feed.status().mode).toBe('poll');
    demo.faults.garbage('negative-price', 1);
    await sink.until(() => sink.invalids.length >= 1, 5_000, 'an invalid tick');
    const after = sink.ticks.length;
    await sink.until(() => sink.ticks.length >= after + 4, 5_000, 'polled ticks after');
    expect(sink.ticks.every((t) => isComplete(t.fields))).toBe(true);
    expect(sink.invalids[0]?.reason).toMatch(/^last: must be > 0/);
  });

  it('watchTicker mode: one loop per symbol sharing state; a stall and a drop are survived', async () => {
    const { feed, sink } = startFeed({ mode: 'watchTicker' });
    await sink.until(() => sink.ticksFor(BTC).length >= 2 && sink.ticksFor(ETH).length >= 2, 10_000, 'ticks');
    expect(feed.status().mode).toBe('watchTicker');

    feed.setSymbols([BTC, ETH, SOL]);
    await sink.until(() => sink.ticksFor(SOL).length >= 2, 5_000, 'SOL ticks');

    let mark = sink.statuses.length;
    demo.faults.dropConnections();
    await sink.untilState('down', 5_000, mark);
    await sink.untilState('live', 5_000, mark);
    // Three loops saw the same drop: it is one reconnect.
    expect(feed.status().reconnects).toBe(1);

    mark = sink.statuses.length;
    demo.faults.stall();
    await sink.untilState('stale', WATCHDOG_MS + 2_000, mark);
    demo.faults.resume();
    await sink.untilState('live', 10_000, sink.statuses.length);
    const after = sink.ticks.length;
    await sink.until(
      () => [BTC, ETH, SOL].every((s) => sink.ticksFor(s, after).length >= 2),
      5_000,
      'all symbols',
    );
  });

  it('poll mode: fetchTickers at pollMs, live, recovering from HTTP errors', async () => {
    const { feed, sink } = startFeed({ mode: 'poll', pollMs: 100 });
    await sink.until(() => sink.ticksFor(BTC).length >= 3, 10_000, 'polled ticks');
    const mark = sink.statuses.length;
    demo.faults.httpErrors(503, 2);
    await sink.untilState('down', 5_000, mark);
    await sink.untilState('live', 5_000, mark);
    expect(feed.status().reconnects).toBeGreaterThanOrEqual(1);
  });

  it('a sink that throws does not stop the feed', async () => {
    const sink = new RecordingSink();
    let calls = 0;
    const feed = createExchangeFeed(
      { id: 'binance', url: demo.url, simulated: true },
      {
        ticker: (symbol, fields, receivedAt) => {
          calls += 1;
          sink.ticker(symbol, fields, receivedAt);
          throw new Error('sink bug');
        },
        invalid: () => {
          throw new Error('sink bug');
        },
        status: (s) => sink.status(s),
        markets: () => {
          throw new Error('sink bug');
        },
      },
      { log: testLogger(), watchdogMs: WATCHDOG_MS, backoff: { initialMs: 50, maxMs: 400 } },
    );
    feeds.push(feed);
    feed.setSymbols([BTC]);
    feed.start();
    await sink.until(() => calls >= 5, 10_000, 'ticks despite the throwing sink');
    expect(feed.status().state).toBe('live');
  });

  it('stop() resolves promptly, closes the connection, and nothing arrives after it', async () => {
    const { feed, sink } = startFeed();
    await sink.until(() => sink.ticks.length >= 3, 10_000, 'ticks');
    const started = Date.now();
    await feed.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
    const ticks = sink.ticks.length;
    const statuses = sink.statuses.length;
    await quietFor(300);
    expect(sink.ticks.length).toBe(ticks);
    expect(sink.statuses.length).toBe(statuses);
    expect(demo.connections()).toBe(0);
    await feed.stop(); // idempotent
  });

  it('stop() during a stall and during loadMarkets retries is prompt too', async () => {
    const stalled = startFeed();
    await stalled.sink.untilState('live', 10_000);
    demo.faults.stall();
    await stalled.sink.untilState('stale', WATCHDOG_MS + 2_000);
    let started = Date.now();
    await stalled.feed.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
    demo.faults.resume();

    demo.faults.httpErrors(503);
    const failing = startFeed({ backoff: { initialMs: 5_000, maxMs: 5_000 } });
    await failing.sink.untilState('down', 10_000);
    started = Date.now();
    await failing.feed.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
    demo.faults.clearHttpErrors();
  });
});

describe('exchange feed configuration errors', () => {
  it('an unknown ccxt id leaves the feed down with a clear lastError, without throwing', async () => {
    const sink = new RecordingSink();
    const feed = createExchangeFeed({ id: 'nosuchexchange', url: null, simulated: false }, sink, {
      log: testLogger(),
    });
    expect(feed.status()).toMatchObject({ exchange: 'nosuchexchange', state: 'connecting', mode: null });
    feed.setSymbols([BTC]);
    feed.start();
    await sink.untilState('down', 5_000);
    expect(feed.status().lastError?.message).toMatch(/unknown exchange "nosuchexchange"/);
    await feed.stop();
  });
});
