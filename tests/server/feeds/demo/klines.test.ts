import ccxt from 'ccxt';
import type { OHLCV } from 'ccxt';
import { describe, expect, it } from 'vitest';
import { createCandleHistory, KLINE_INTERVALS, klineWindow } from '../../../../server/feeds/demo/candles';
import type { KlineInterval } from '../../../../server/feeds/demo/candles';
import { DEMO_MARKETS } from '../../../../server/feeds/demo/markets';
import type { MarketSpec } from '../../../../server/feeds/demo/markets';
import { binanceClient, useDemo } from './helpers';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SEED = 21;

const { demo, get } = useDemo(SEED);

function spec(symbol: string): MarketSpec {
  const found = DEMO_MARKETS.find((m) => m.symbol === symbol);
  if (found === undefined) throw new Error(`no market ${symbol}`);
  return found;
}

function interval(name: string): KlineInterval {
  const found = KLINE_INTERVALS.get(name);
  if (found === undefined) throw new Error(`no interval ${name}`);
  return found;
}

/** True when value is a whole multiple of 10^-decimals (up to float noise). */
function onGrid(value: number, decimals: number): boolean {
  const units = value * 10 ** decimals;
  return Math.abs(units - Math.round(units)) < 1e-6;
}

/** Every way a candle list can be wrong for a chart, collected so one failure shows all. */
function problems(candles: OHLCV[], step: number, priceDecimals: number): string[] {
  const found: string[] = [];
  candles.forEach((candle, i) => {
    const [t, o, h, l, c, v] = candle;
    const row = `#${i} ${JSON.stringify(candle)}`;
    if (![t, o, h, l, c, v].every((x) => typeof x === 'number' && Number.isFinite(x)))
      found.push(`NaN ${row}`);
    const [open, high, low, close] = [Number(o), Number(h), Number(l), Number(c)] as const;
    if (!(low > 0)) found.push(`low <= 0 ${row}`);
    if (high < Math.max(open, close) || low > Math.min(open, close)) found.push(`high/low ${row}`);
    if (![open, high, low, close].every((p) => onGrid(p, priceDecimals))) found.push(`off tick ${row}`);
    if (!((v as number) > 0)) found.push(`volume ${row}`);
    const previous = candles[i - 1]?.[0];
    if (previous !== undefined && (t as number) - (previous as number) !== step) found.push(`gap ${row}`);
  });
  return found;
}

/** Candles of `b` that are also in `a` and were already closed when both were fetched. */
function closedOverlap(a: OHLCV[], b: OHLCV[], step: number, fetchedAt: number): [OHLCV[], OHLCV[]] {
  const times = new Set(a.map((c) => c[0]));
  const inBoth = b.filter((c) => times.has(c[0]) && (c[0] as number) + step <= fetchedAt);
  const shared = new Set(inBoth.map((c) => c[0]));
  return [a.filter((c) => shared.has(c[0])), inBoth];
}

describe('demo exchange klines, through unmodified ccxt binance fetchOHLCV', () => {
  it('asks /api/v3/klines and gets daily candles on UTC midnights, the last one live at the ticker price', async () => {
    const ex = await binanceClient(demo());
    const called: URL[] = [];
    const fetchOriginal = ex.fetch.bind(ex);
    ex.fetch = (url: string, ...rest: [string?, Record<string, unknown>?, unknown?]) => {
      called.push(new URL(url));
      return fetchOriginal(url, ...rest);
    };
    demo().faults.stall(); // freezes the model, so the candle and the ticker can be compared exactly
    const ticker = await ex.fetchTicker('BTC/USDT');
    const candles = await ex.fetchOHLCV('BTC/USDT', '1d', undefined, 30);
    const klines = called.find((url) => url.pathname === '/api/v3/klines');
    expect(Object.fromEntries(klines?.searchParams ?? [])).toEqual({
      symbol: 'BTCUSDT',
      interval: '1d',
      limit: '30',
    });

    expect(candles).toHaveLength(30);
    expect(problems(candles, DAY, 2)).toEqual([]);
    expect(candles.every(([t]) => (t as number) % DAY === 0)).toBe(true);
    const last = candles.at(-1) ?? [];
    const previous = candles.at(-2) ?? [];
    expect(last[0]).toBeLessThanOrEqual(Date.now());
    expect((last[0] as number) + DAY).toBeGreaterThan(Date.now());
    expect(last[4]).toBe(ticker.last);
    // The day before closes where the live day opens, and not far from the live price.
    expect(last[1]).toBe(previous[4]);
    expect(Math.abs(Math.log((previous[4] as number) / (ticker.last as number)))).toBeLessThan(0.2);
  });

  it('answers the same candles whatever the window, so pages and refetches agree', async () => {
    const ex = await binanceClient(demo());
    const now = Date.now();
    const older = await ex.fetchOHLCV('ETH/USDT', '1h', now - 100 * HOUR, 60);
    const newer = await ex.fetchOHLCV('ETH/USDT', '1h', now - 80 * HOUR, 100);
    const latest = await ex.fetchOHLCV('ETH/USDT', '1h');
    const fetchedAt = now; // the earliest fetch: a candle closed by then is closed in all three

    expect(latest).toHaveLength(500);
    for (const list of [older, newer, latest]) expect(problems(list, HOUR, 2)).toEqual([]);
    const [a, b] = closedOverlap(older, newer, HOUR, fetchedAt);
    expect(a.length).toBeGreaterThanOrEqual(39);
    expect(b).toEqual(a);
    const [c, d] = closedOverlap(newer, latest, HOUR, fetchedAt);
    expect(c.length).toBeGreaterThanOrEqual(79);
    expect(d).toEqual(c);
  });

  it('respects since: the first candle is the first one opening at or after it, limit candles in all', async () => {
    const ex = await binanceClient(demo());
    const since = Date.now() - 10 * DAY + 12_345;
    const candles = await ex.fetchOHLCV('SOL/USDT', '1d', since, 5);
    expect(candles).toHaveLength(5);
    const first = candles[0]?.[0] as number;
    expect(first).toBeGreaterThanOrEqual(since);
    expect(first - since).toBeLessThan(DAY);
    expect(problems(candles, DAY, 2)).toEqual([]);
    expect(await ex.fetchOHLCV('SOL/USDT', '1h', Date.now() + DAY)).toEqual([]);
  });

  it('opens week candles on Monday 00:00 UTC, from a first week in July 2017 like a real listing', async () => {
    const ex = await binanceClient(demo());
    const weeks = await ex.fetchOHLCV('DOGE/USDT', '1w', 0, 3);
    expect(weeks.map(([t]) => new Date(t as number).toISOString())).toEqual([
      '2017-07-17T00:00:00.000Z',
      '2017-07-24T00:00:00.000Z',
      '2017-07-31T00:00:00.000Z',
    ]);
    expect(problems(weeks, 7 * DAY, 5)).toEqual([]);
    const recent = await ex.fetchOHLCV('DOGE/USDT', '1w');
    expect(recent.every(([t]) => new Date(t as number).getUTCDay() === 1)).toBe(true);
  });

  it('draws the closed candles from the seed alone: another clock or server start gives the same ones', async () => {
    const ex = await binanceClient(demo());
    const fetched = await ex.fetchOHLCV('PEPE/USDT', '4h', Date.now() - 40 * DAY, 200);
    const fetchedAt = Date.now();
    // Drawn here, a year "later" and without the server: the closed candles must not move.
    const history = createCandleHistory(SEED);
    const h4 = interval('4h');
    const window = { firstOpen: fetched[0]?.[0] as number, count: fetched.length };
    const later = history
      .candles({ spec: spec('PEPE/USDT'), interval: h4, ...window, now: fetchedAt + 365 * DAY, lastPrice: 1 })
      .map((c): OHLCV => [c.openTime, c.open, c.high, c.low, c.close, c.volume]);
    const [a, b] = closedOverlap(fetched, later, h4.ms, fetchedAt);
    expect(a).toHaveLength(fetched.length);
    expect(b).toEqual(a);

    const other = createCandleHistory(SEED + 1).candles({
      spec: spec('PEPE/USDT'),
      interval: h4,
      ...window,
      now: fetchedAt + 365 * DAY,
      lastPrice: 1,
    });
    expect(other.map((c) => c.close)).not.toEqual(b.map((c) => c[4]));
  });

  it('surfaces Binance errors as ccxt errors', async () => {
    const ex = await binanceClient(demo());
    await expect(ex.fetchOHLCV('BTC/USDT', '3d')).rejects.toBeInstanceOf(ccxt.BadRequest);
    await expect(ex.fetchOHLCV('BTC/USDT', '1d', undefined, 3)).resolves.toHaveLength(3);
  });
});

describe('demo exchange klines, raw', () => {
  it("answers Binance's positional rows, 500 by default and up to 1000", async () => {
    const { status, body } = await get('/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=3');
    expect(status).toBe(200);
    const rows = body as unknown[][];
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.map((x) => typeof x)).toEqual([
        'number',
        'string',
        'string',
        'string',
        'string',
        'string',
        'number',
        'string',
        'number',
        'string',
        'string',
        'string',
      ]);
      expect(row[6]).toBe((row[0] as number) + MINUTE - 1);
      expect(row[1]).toMatch(/^\d+\.\d{8}$/);
      expect(Number(row[9])).toBeLessThanOrEqual(Number(row[5])); // taker buys are part of the volume
      expect(row[11]).toBe('0');
    }
    expect(((await get('/api/v3/klines?symbol=ETHBTC&interval=5m')).body as unknown[]).length).toBe(500);
    expect(
      ((await get('/api/v3/klines?symbol=ETHBTC&interval=1m&limit=1000')).body as unknown[]).length,
    ).toBe(1000);
  });

  it('respects endTime, and serves uiKlines the same way', async () => {
    const endTime = Date.now() - 3 * DAY + 1;
    const path = `?symbol=LINKUSDT&interval=1h&endTime=${endTime}&limit=24`;
    const klines = (await get(`/api/v3/klines${path}`)).body as unknown[][];
    expect(klines).toHaveLength(24);
    const lastOpen = klines.at(-1)?.[0] as number;
    expect(lastOpen).toBeLessThanOrEqual(endTime);
    expect(lastOpen + HOUR).toBeGreaterThan(endTime);
    expect((await get(`/api/v3/uiKlines${path}`)).body).toEqual(klines);
  });

  it('rejects a bad symbol, interval or limit with 400 and the Binance error body, and keeps serving', async () => {
    const base = '/api/v3/klines?';
    expect(await get(`${base}symbol=NOPEUSDT&interval=1d`)).toEqual({
      status: 400,
      body: { code: -1121, msg: 'Invalid symbol.' },
    });
    expect(await get(`${base}symbol=btcusdt&interval=1d`)).toMatchObject({
      status: 400,
      body: { code: -1121 },
    });
    for (const bad of ['2d', '3d', '1M', 'constructor', '__proto__', '1D']) {
      expect(await get(`${base}symbol=BTCUSDT&interval=${bad}`)).toEqual({
        status: 400,
        body: { code: -1120, msg: 'Invalid interval.' },
      });
    }
    expect(await get(`${base}symbol=BTCUSDT&interval=1d&limit=1001`)).toEqual({
      status: 400,
      body: { code: -1130, msg: "Data sent for parameter 'limit' is not valid." },
    });
    expect(await get(`${base}symbol=BTCUSDT&interval=1d&limit=0`)).toMatchObject({
      status: 400,
      body: { code: -1130 },
    });
    for (const bad of ['limit=abc', 'limit=-1', 'startTime=-5', 'endTime=1e12', 'startTime=']) {
      expect(await get(`${base}symbol=BTCUSDT&interval=1d&${bad}`)).toMatchObject({
        status: 400,
        body: { code: -1100 },
      });
    }
    expect(await get(`${base}interval=1d`)).toEqual({
      status: 400,
      body: { code: -1102, msg: "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed." },
    });
    expect(await get(`${base}symbol=BTCUSDT`)).toMatchObject({ status: 400, body: { code: -1102 } });
    expect(await get(`${base}symbol=BTCUSDT&interval=1d&timeZone=8`)).toMatchObject({
      status: 400,
      body: { code: -1130 },
    });
    expect((await get(`${base}symbol=BTCUSDT&interval=1d&startTime=99999999999999999999`)).body).toEqual([]);
    expect((await get(`${base}symbol=BTCUSDT&interval=1d&limit=2&timeZone=0`)).status).toBe(200);
  });
});

describe('demo candle history', () => {
  const now = Date.UTC(2025, 2, 14, 15, 30, 12, 345);

  it('keeps every market positive, on its tick, moving at its own daily volatility, near its catalogue price', () => {
    const history = createCandleHistory(SEED);
    const day = interval('1d');
    const found: string[] = [];
    for (const market of DEMO_MARKETS) {
      const window = klineWindow({ interval: day, limit: 1000, now });
      const candles = history.candles({
        spec: market,
        interval: day,
        ...window,
        now,
        lastPrice: market.price,
      });
      const rows = candles.map((c): OHLCV => [c.openTime, c.open, c.high, c.low, c.close, c.volume]);
      found.push(...problems(rows, DAY, market.priceDecimals).map((p) => `${market.symbol} ${p}`));
      const closes = candles.map((c) => c.close);
      const returns = closes.slice(1).map((c, i) => Math.log(c / (closes[i] as number)));
      const sd = Math.sqrt(returns.reduce((sum, r) => sum + r * r, 0) / returns.length);
      if (candles.length !== 1000) found.push(`${market.symbol}: ${candles.length} candles`);
      if (sd < market.dailyVol * 0.6 || sd > market.dailyVol * 1.5) found.push(`${market.symbol}: sd ${sd}`);
      const lows = Math.min(...candles.map((c) => c.low));
      const highs = Math.max(...candles.map((c) => c.high));
      if (lows < market.price / 4 || highs > market.price * 4)
        found.push(`${market.symbol}: ${lows}..${highs}`);
    }
    expect(found).toEqual([]);
  });

  it('draws 1000 daily candles in well under 50 ms', () => {
    const history = createCandleHistory(SEED);
    const day = interval('1d');
    const window = klineWindow({ interval: day, limit: 1000, now });
    const btc = spec('BTC/USDT');
    const timings = Array.from({ length: 5 }, () => {
      const start = performance.now();
      history.candles({ spec: btc, interval: day, ...window, now, lastPrice: btc.price });
      return performance.now() - start;
    });
    expect(Math.min(...timings)).toBeLessThan(25);
  });

  it('follows Binance window rules for startTime, endTime and limit', () => {
    const hour = interval('1h');
    const latest = Math.floor(now / HOUR) * HOUR;
    expect(klineWindow({ interval: hour, limit: 500, now })).toEqual({
      firstOpen: latest - 499 * HOUR,
      count: 500,
    });
    expect(klineWindow({ interval: hour, limit: 10, now, startTime: latest - 5 * HOUR + 1 })).toEqual({
      firstOpen: latest - 4 * HOUR,
      count: 5,
    });
    expect(klineWindow({ interval: hour, limit: 10, now, endTime: latest - HOUR })).toEqual({
      firstOpen: latest - 10 * HOUR,
      count: 10,
    });
    expect(klineWindow({ interval: hour, limit: 10, now, startTime: now, endTime: now - DAY }).count).toBe(0);
  });
});
