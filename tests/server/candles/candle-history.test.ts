/** Candle history (docs/protocol.md H4) through real ccxt against the three simulated exchanges. */
import type { Exchange } from 'ccxt';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CandleHistory } from '../../../server/candles/candle-history';
import type { Candle } from '../../../server/candles/candle-check';
import { TIMEFRAMES, candleOpen, timeframeMs } from '../../../lib/timeframes';
import type { Timeframe } from '../../../lib/timeframes';
import { AppError } from '../../../server/errors';
import { createCcxtExchange } from '../../../server/feeds/ccxt-exchange';
import { startDemoExchange } from '../../../server/feeds/demo';
import { startCoinbaseExchange } from '../../../server/feeds/demo/coinbase/index';
import { CANDLE_GARBAGE_KINDS } from '../../../server/feeds/demo/faults';
import { startKrakenExchange } from '../../../server/feeds/demo/kraken/index';
import type { SimulatedExchange } from '../../../server/feeds/demo/venue';
import { RestExchanges } from '../../../server/feeds/rest-exchanges';
import type { StreamId } from '../../../lib/protocol';
import { startCountingProxy } from '../../support/counting-proxy';
import type { CountingProxy } from '../../support/counting-proxy';

const HOUR = 3_600_000;
const log = pino({ level: 'silent' });
// The candle endpoints of the three exchanges' public APIs.
const CANDLE_PATHS = /\/api\/v3\/klines$|\/candles$|\/0\/public\/OHLC$/;

interface Venue {
  id: 'binance' | 'coinbase' | 'kraken';
  symbol: string;
  exchange: SimulatedExchange;
  proxy: CountingProxy;
  /** A ccxt client of our own, straight to the exchange: what any client of it reads. */
  direct: Exchange;
}

const venues = new Map<string, Venue>();
const histories: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  const started: Array<[Venue['id'], string, SimulatedExchange]> = [
    ['binance', 'BTC/USDT', await startDemoExchange({ seed: 5, tickMs: 1000 })],
    ['coinbase', 'BTC/USD', await startCoinbaseExchange({ seed: 5, tickMs: 1000 })],
    ['kraken', 'BTC/USD', await startKrakenExchange({ seed: 5, tickMs: 1000 })],
  ];
  for (const [id, symbol, exchange] of started) {
    const proxy = await startCountingProxy(exchange.url);
    const direct = await createCcxtExchange({ id, url: exchange.url, simulated: true });
    await direct.loadMarkets();
    venues.set(id, { id, symbol, exchange, proxy, direct });
  }
});
afterEach(async () => {
  for (const h of histories.splice(0)) await h.close();
});
afterAll(async () => {
  for (const v of venues.values()) {
    await v.direct.close();
    await v.proxy.close();
    await v.exchange.close();
  }
});

function venue(id: Venue['id']): Venue {
  const found = venues.get(id);
  if (!found) throw new Error(`no venue ${id}`);
  return found;
}

/** A history service of its own (an empty cache) on the venue's counting proxy. */
function historyOf(v: Venue, options: { now?: () => number } = {}): CandleHistory {
  const rest = new RestExchanges([{ id: v.id, url: v.proxy.url, simulated: true }], log);
  histories.push(rest);
  return new CandleHistory({ exchanges: rest, log, ...options });
}

const stream = (v: Venue): StreamId => `${v.id}:${v.symbol}`;
const candleRequests = (v: Venue) => v.proxy.count(CANDLE_PATHS);

/** The test's own building of longer candles from shorter ones. */
function build(source: Candle[], tf: Timeframe): Candle[] {
  const groups = new Map<number, Candle[]>();
  for (const c of source) {
    const key = candleOpen(tf, c[0]);
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups].map(([time, cs]) => [
    time,
    cs[0]![1],
    Math.max(...cs.map((c) => c[2])),
    Math.min(...cs.map((c) => c[3])),
    cs.at(-1)![4],
    cs.reduce((sum, c) => sum + c[5], 0),
  ]);
}

/** Ascending, one candle per grid step, no gap. */
function expectContiguous(candles: Candle[], tf: Timeframe): void {
  const ms = timeframeMs(tf);
  candles.forEach(([time], i) => {
    expect(candleOpen(tf, time)).toBe(time);
    if (i > 0) expect(time - candles[i - 1]![0]).toBe(ms);
  });
}

// Where each exchange's candles of a timeframe come from: its own, or built from a shorter timeframe.
const BUILT: Record<Venue['id'], Partial<Record<Timeframe, Timeframe>>> = {
  binance: {},
  coinbase: { '4h': '1h', '1w': '1d' },
  kraken: { '1w': '1d' },
};

describe('candle history', () => {
  it('[H4] gives the open candle when it begins a new block of requests, and the closed ones before it', async () => {
    // Binance answers up to 1,000 candles a request, so 1h blocks end every 1,000 hours: at such an end, the
    // newest closed candle is the last of one block and the open one the first of the next.
    const blockEnd = Math.floor(Date.now() / (1000 * HOUR)) * 1000 * HOUR;
    let clock = blockEnd + 30 * 60_000;
    const exchange = await startDemoExchange({ seed: 5, tickMs: 1000, now: () => clock });
    try {
      const rest = new RestExchanges([{ id: 'binance', url: exchange.url, simulated: true }], log);
      histories.push(rest);
      const history = new CandleHistory({ exchanges: rest, log, now: () => clock });
      const page = await history.candles('binance:BTC/USDT', '1h', { limit: 5 });
      expect(page.candles.map(([time]) => time)).toEqual([5, 4, 3, 2, 1].map((n) => blockEnd - n * HOUR));
      expect(page.open?.[0]).toBe(blockEnd);
      clock += HOUR;
      const later = await history.candles('binance:BTC/USDT', '1h', { limit: 2 });
      expect(later.candles.map(([time]) => time)).toEqual([blockEnd - HOUR, blockEnd]);
      expect(later.open?.[0]).toBe(blockEnd + HOUR);
    } finally {
      await exchange.close();
    }
  });

  for (const id of ['binance', 'coinbase', 'kraken'] as const) {
    it(`[H4] gives every timeframe on ${id}, aligned, agreeing with a direct ccxt fetch`, async () => {
      const v = venue(id);
      const history = historyOf(v);
      expect(await history.timeframes(id)).toEqual([...TIMEFRAMES]);
      for (const tf of TIMEFRAMES) {
        const page = await history.candles(stream(v), tf, { limit: 40 });
        expect(page.candles, tf).toHaveLength(40);
        expectContiguous(page.candles, tf);
        const first = page.candles[0]![0];
        const last = page.candles.at(-1)![0];
        expect(last + timeframeMs(tf)).toBeLessThanOrEqual(Date.now());
        if (tf === '1w') expect(new Date(first).getUTCDay(), 'weeks open on Monday').toBe(1);
        const source = BUILT[id][tf];
        let expected: Candle[];
        if (source === undefined) {
          expected = (await v.direct.fetchOHLCV(v.symbol, tf, first, 40)) as Candle[];
        } else {
          const n = 40 * (timeframeMs(tf) / timeframeMs(source));
          expected = build((await v.direct.fetchOHLCV(v.symbol, source, first, n)) as Candle[], tf);
        }
        expected = expected.filter(([time]) => time <= last);
        expect(
          expected.map((c) => c.slice(0, 5)),
          tf,
        ).toEqual(page.candles.map((c) => c.slice(0, 5)));
        expected.forEach((c, i) => expect(page.candles[i]![5]).toBeCloseTo(c[5], 6));
        expect(page.open?.[0], `${tf}: the open candle is the current one`).toBe(candleOpen(tf, Date.now()));
      }
      expect(history.badCandles()).toEqual([]);
    });
  }

  for (const [id, tf] of [
    ['binance', '1h'],
    ['coinbase', '4h'],
  ] as const) {
    it(`[H4] pages back with before, without gap or overlap (${id} ${tf})`, async () => {
      const v = venue(id);
      const history = historyOf(v);
      const newest = await history.candles(stream(v), tf, { limit: 300 });
      const older = await history.candles(stream(v), tf, { before: newest.candles[0]![0], limit: 300 });
      expect(newest.more && older.more).toBe(true);
      expect(older.candles).toHaveLength(300);
      expect(older.open).toBeNull();
      expectContiguous([...older.candles, ...newest.candles], tf);
      // `before` off the grid: only candles opening before it.
      const mid = newest.candles[10]![0] + 1;
      const cut = await history.candles(stream(v), tf, { before: mid, limit: 5 });
      expect(cut.candles.map(([t]) => t)).toEqual(newest.candles.slice(6, 11).map(([t]) => t));
    });
  }

  it('[H4] on Kraken, paging back past its latest 720 candles ends with more: false, never the same candles again', async () => {
    const v = venue('kraken');
    const history = historyOf(v);
    const pages = [await history.candles(stream(v), '1h', { limit: 500 })];
    while (pages.at(-1)!.more) {
      expect(pages.length).toBeLessThan(5);
      pages.push(
        await history.candles(stream(v), '1h', { before: pages.at(-1)!.candles[0]![0], limit: 500 }),
      );
    }
    const all = pages.reverse().flatMap((p) => p.candles);
    expectContiguous(all, '1h');
    const window = (await v.direct.fetchOHLCV(v.symbol, '1h')) as Candle[];
    expect(all[0]![0]).toBe(window[0]![0]);
    expect(all.length).toBeGreaterThanOrEqual(718);
    // Older than Kraken keeps: empty, no more, and no request for what cannot exist.
    const before = candleRequests(v);
    const beyond = await history.candles(stream(v), '1h', { before: all[0]![0], limit: 100 });
    expect(beyond).toEqual({ candles: [], more: false, open: null });
    expect(candleRequests(v)).toBe(before);
  });

  it('[H4] serves a page again from the cache, and concurrent requests share one exchange request', async () => {
    const v = venue('binance');
    const history = historyOf(v);
    const before = candleRequests(v);
    const pages = await Promise.all([1, 2, 3].map(() => history.candles(stream(v), '1h', { limit: 100 })));
    // The newest 100 hours lie in one or two blocks of 1000.
    const blocks = candleRequests(v) - before;
    expect(blocks).toBeGreaterThanOrEqual(1);
    expect(blocks).toBeLessThanOrEqual(2);
    expect(pages[1]).toEqual(pages[0]);
    const again = await history.candles(stream(v), '1h', { limit: 100 });
    expect(again.candles).toEqual(pages[0]!.candles);
    expect(candleRequests(v) - before).toBe(blocks);
    expect(history.cachedCandles()).toBeGreaterThan(0);
  });

  it('[H4] asks the exchange only for what closed since, once a new candle has closed', async () => {
    const v = venue('binance');
    // The service's clock runs 10 minutes behind: the exchange's later candles are "future" to it.
    let now = Date.now() - 10 * 60_000;
    const history = historyOf(v, { now: () => now });
    const first = await history.candles(stream(v), '1m', { limit: 20 });
    const before = candleRequests(v);
    expect((await history.candles(stream(v), '1m', { limit: 20 })).candles).toEqual(first.candles);
    expect(candleRequests(v)).toBe(before);
    now += 3 * 60_000;
    const later = await history.candles(stream(v), '1m', { limit: 20 });
    expect(candleRequests(v)).toBe(before + 1);
    expect(later.candles.slice(0, 17)).toEqual(first.candles.slice(3));
    expectContiguous(later.candles, '1m');
    const direct = (await v.direct.fetchOHLCV(v.symbol, '1m', later.candles[0]![0], 20)) as Candle[];
    expect(direct.map((c) => c.slice(0, 5))).toEqual(later.candles.map((c) => c.slice(0, 5)));
  });

  describe('candles that fail the check', () => {
    // The block of 1000 hours before the current one: its first candle is the one the garbage spoils.
    const span = 1000 * HOUR;
    const blockStart = () => Math.floor(Date.now() / span) * span - span;

    for (const kind of CANDLE_GARBAGE_KINDS.filter((k) => k !== 'future' && k !== 'duplicate')) {
      it(`[H4] drops and counts a ${kind} candle, and does not keep the page that lost it`, async () => {
        const v = venue('binance');
        const history = historyOf(v);
        const start = blockStart();
        v.exchange.faults.candleGarbage(kind);
        const spoilt = await history.candles(stream(v), '1h', { before: start + 5 * HOUR, limit: 5 });
        expect(spoilt.candles.map(([t]) => t)).toEqual([1, 2, 3, 4].map((i) => start + i * HOUR));
        expect(history.badCandles()).toEqual([[{ exchange: 'binance', reason: kind }, 1]]);
        const requests = candleRequests(v);
        const whole = await history.candles(stream(v), '1h', { before: start + 5 * HOUR, limit: 5 });
        expect(candleRequests(v)).toBe(requests + 1);
        expect(whole.candles.map(([t]) => t)).toEqual([0, 1, 2, 3, 4].map((i) => start + i * HOUR));
      });
    }

    for (const kind of ['future', 'duplicate'] as const) {
      it(`[H4] drops and counts a ${kind} candle, the page whole`, async () => {
        const v = venue('binance');
        const history = historyOf(v);
        v.exchange.faults.candleGarbage(kind);
        const page = await history.candles(stream(v), '1h', { limit: 5 });
        expect(page.candles).toHaveLength(5);
        expectContiguous(page.candles, '1h');
        expect(history.badCandles()).toEqual([[{ exchange: 'binance', reason: kind }, 1]]);
      });
    }

    it('[H4] drops garbage from Coinbase and Kraken answers too', async () => {
      for (const id of ['coinbase', 'kraken'] as const) {
        const v = venue(id);
        const history = historyOf(v);
        v.exchange.faults.candleGarbage('high-low');
        const page = await history.candles(stream(v), '1h', { limit: 5 });
        for (const [, open, high, low, close] of page.candles) {
          expect(high).toBeGreaterThanOrEqual(Math.max(open, close));
          expect(low).toBeLessThanOrEqual(Math.min(open, close));
        }
        expect(history.badCandles()).toEqual([[{ exchange: id, reason: 'high-low' }, 1]]);
      }
    });
  });

  it('[H4] answers EXCHANGE_UNAVAILABLE when the exchange refuses, and keeps nothing', async () => {
    const v = venue('binance');
    const history = historyOf(v);
    await history.timeframes('binance');
    v.exchange.faults.httpErrors(503, 1);
    const failed = await history.candles(stream(v), '1h', { limit: 10 }).catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(AppError);
    expect(failed).toMatchObject({ code: 'EXCHANGE_UNAVAILABLE', status: 503 });
    expect((failed as AppError).retryAfterMs).toBeGreaterThan(0);
    expect(history.cachedCandles()).toBe(0);
    const before = candleRequests(v);
    const page = await history.candles(stream(v), '1h', { limit: 10 });
    expect(page.candles).toHaveLength(10);
    expect(candleRequests(v)).toBeGreaterThan(before);
  });
});
