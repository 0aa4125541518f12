/** GET /api/v1/candles (docs/protocol.md H4) on a running server. */
import type { Exchange } from 'ccxt';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { CandleHistory } from '../../../server/candles/candle-history';
import { timeframeSources } from '../../../server/candles/exchange-plan';
import type { RestExchanges } from '../../../server/feeds/rest-exchanges';
import { api, autoClose, send, waitFor } from '../../support/stack';
import type { Stack } from '../../support/stack';

const { start } = autoClose();

/** A server on the simulated exchanges, their markets loaded. */
async function ready(exchanges?: string[]): Promise<Stack> {
  const stack = await start(exchanges ? { exchanges } : {});
  await waitFor(() => stack.app.feeds.statuses().every((s) => s.markets !== 0), 10_000, 'markets');
  return stack;
}

const candles = (stack: Stack, query: string) => send(stack, 'GET', `/api/v1/candles?${query}`);

describe('GET /api/v1/candles', () => {
  it('[H4] answers closed candles oldest first as numbers, pages back with before, never cached by the browser', async () => {
    const stack = await ready(['binance', 'kraken']);
    const res = await api(stack, '/api/v1/candles?stream=binance:BTC/USDT&timeframe=1h&limit=24');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { candles: number[][]; more: boolean };
    expect(body).toMatchObject({ stream: 'binance:BTC/USDT', timeframe: '1h', more: true });
    expect(Object.keys(body).sort()).toEqual(['candles', 'more', 'stream', 'timeframe']);
    expect(body.candles).toHaveLength(24);
    for (const candle of body.candles) {
      expect(candle).toHaveLength(6);
      for (const n of candle) expect(typeof n).toBe('number');
    }
    const first = body.candles[0]![0]!;
    const older = await candles(stack, `stream=binance:BTC/USDT&timeframe=1h&before=${first}`);
    expect(older.body.candles).toHaveLength(300);
    expect(older.body.candles.at(-1)[0]).toBe(first - 3_600_000);
    const kraken = await candles(stack, 'stream=kraken:BTC/USD&timeframe=1w&limit=3');
    expect(kraken.status).toBe(200);
    expect(kraken.body.candles).toHaveLength(3);
  });

  it('[H4] refuses bad input with 400, an unknown exchange or market with 404, no session with 401', async () => {
    const stack = await ready();
    const bad = [
      'timeframe=1h',
      'stream=&timeframe=1h',
      'stream=BTCUSDT&timeframe=1h',
      'stream=binance:BTC/USDT',
      'stream=binance:BTC/USDT&timeframe=2h',
      'stream=binance:BTC/USDT&timeframe=1M',
      'stream=binance:BTC/USDT&timeframe=1h&limit=0',
      'stream=binance:BTC/USDT&timeframe=1h&limit=501',
      'stream=binance:BTC/USDT&timeframe=1h&limit=1.5',
      'stream=binance:BTC/USDT&timeframe=1h&limit=ten',
      'stream=binance:BTC/USDT&timeframe=1h&before=-5',
      'stream=binance:BTC/USDT&timeframe=1h&before=1e12',
      'stream=binance:BTC/USDT&timeframe=1h&before=yesterday',
      'stream=binance:BTC/USDT&timeframe=1h&since=0',
    ];
    for (const query of bad) {
      const res = await candles(stack, query);
      expect([query, res.status, res.body.error?.code]).toEqual([query, 400, 'BAD_REQUEST']);
      expect(res.body.error.message.length).toBeGreaterThan(10);
    }
    const timeframe = await candles(stack, 'stream=binance:BTC/USDT&timeframe=2h');
    expect(timeframe.body.error.message).toContain('1m, 5m, 15m, 1h, 4h, 1d, 1w');
    expect((await candles(stack, 'stream=okx:BTC/USDT&timeframe=1h')).body.error.code).toBe(
      'UNKNOWN_EXCHANGE',
    );
    const symbol = await candles(stack, 'stream=binance:NOPE/USDT&timeframe=1h');
    expect([symbol.status, symbol.body.error.code]).toEqual([404, 'UNKNOWN_SYMBOL']);
    const anonymous = await fetch(`${stack.url}/api/v1/candles?stream=binance:BTC/USDT&timeframe=1h`);
    expect(anonymous.status).toBe(401);
  });

  it('[H4] answers 503 with Retry-After while the exchange refuses, then the candles', async () => {
    const stack = await ready();
    // The exchange's markets are loaded by a first answer; then it refuses.
    expect((await candles(stack, 'stream=binance:BTC/USDT&timeframe=1d&limit=2')).status).toBe(200);
    stack.demo.faults.httpErrors(503);
    const res = await api(stack, '/api/v1/candles?stream=binance:BTC/USDT&timeframe=1h&limit=5');
    stack.demo.faults.clearHttpErrors();
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('EXCHANGE_UNAVAILABLE');
    const again = await candles(stack, 'stream=binance:BTC/USDT&timeframe=1h&limit=5');
    expect(again.status).toBe(200);
    expect(again.body.candles).toHaveLength(5);
  });

  it('[H4] counts dropped candles in livefolio_bad_candles_total', async () => {
    const stack = await ready();
    stack.demo.faults.candleGarbage('negative-volume');
    expect((await candles(stack, 'stream=binance:BTC/USDT&timeframe=15m&limit=5')).status).toBe(200);
    const metrics = await (await fetch(`${stack.url}/metrics`)).text();
    expect(metrics).toMatch(
      /^livefolio_bad_candles_total\{exchange="binance",reason="negative-volume"\} 1$/m,
    );
  });
});

describe('timeframes an exchange does not have', () => {
  // An exchange as ccxt describes it: 1m and 1h candles of its own, weeks from the epoch.
  const exchange = {
    id: 'someexchange',
    has: { fetchOHLCV: true },
    timeframes: { '1m': '1', '1h': '60', '1w': '1W' },
    features: { spot: { fetchOHLCV: { limit: 200 } } },
  } as unknown as Exchange;

  it('[H4] builds 5m from 1m, 4h and 1d from 1h, and offers neither weeks off Monday nor what it cannot build', () => {
    expect(timeframeSources(exchange)).toEqual([
      { tf: '1m', source: '1m' },
      { tf: '5m', source: '1m' },
      { tf: '1h', source: '1h' },
      { tf: '4h', source: '1h' },
      { tf: '1d', source: '1h' },
    ]);
  });

  it('[H4] refuses a timeframe not offered with 400 and the list it offers', async () => {
    const exchanges = { get: () => Promise.resolve(exchange) } as unknown as RestExchanges;
    const history = new CandleHistory({ exchanges, log: pino({ level: 'silent' }) });
    const refused = await history
      .candles('someexchange:BTC/USDT', '15m', { limit: 10 })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', status: 400 });
    expect((refused as Error).message).toBe(
      'someexchange does not offer 15m candles; it offers: 1m, 5m, 1h, 4h, 1d.',
    );
  });
});
