import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from '../support/stack';
import { api, startStack, waitFor } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ tickMs: 100 });
  await waitFor(() => stack.app.feeds.statuses()[0]?.markets !== 0, 10_000, 'markets');
});
afterAll(() => stack.close());

const get = async (path: string) => {
  const res = await api(stack, path);
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
};

describe('HTTP API', () => {
  it('[H1] history gives one price per second for a watched stream, oldest first', async () => {
    const btc = `/api/v1/history?stream=${encodeURIComponent('binance:BTC/USDT')}`;
    let { status, body } = await get(btc);
    await waitFor(
      async () => {
        ({ status, body } = await get(btc));
        return status !== 200 || (body.points as unknown[]).length >= 2;
      },
      10_000,
      'two recorded seconds',
    );
    expect(status).toBe(200);
    const points = body.points as Array<[number, number]>;
    expect(body.intervalMs).toBe(1000);
    expect(points.length).toBeGreaterThanOrEqual(2);
    for (const [i, [time, price]] of points.entries()) {
      expect(time % 1000).toBe(0);
      expect(price).toBeGreaterThan(0);
      if (i > 0) expect(time).toBeGreaterThan((points[i - 1] as [number, number])[0]);
    }
    const last = points.at(-1) as [number, number];
    const since = await get(
      `/api/v1/history?stream=${encodeURIComponent('binance:BTC/USDT')}&since=${last[0] - 1}`,
    );
    expect((since.body.points as unknown[]).length).toBeGreaterThanOrEqual(1);
    expect((since.body.points as unknown[]).length).toBeLessThan(points.length + 1);
  });

  it('[H1] several streams in one request: one series each', async () => {
    const streams = ['binance:BTC/USDT', 'binance:ETH/USDT', 'binance:XRP/USDT'];
    const { status, body } = await get(
      `/api/v1/history?streams=${streams.map(encodeURIComponent).join(',')}`,
    );
    expect(status).toBe(200);
    const series = body.series as Record<string, Array<[number, number]>>;
    expect(Object.keys(series)).toEqual(streams);
    expect(series['binance:BTC/USDT']?.length).toBeGreaterThan(0);
    // XRP/USDT is a market but nobody watches it: an empty series, not an error.
    expect(series['binance:XRP/USDT']).toEqual([]);
  });

  it('[H2] markets search ranks the exact base asset before substring matches', async () => {
    const { status, body } = await get('/api/v1/markets?exchange=binance&q=eth&limit=5');
    expect(status).toBe(200);
    const markets = body.markets as Array<{ stream: string; base: string }>;
    expect(markets.length).toBeGreaterThan(0);
    expect(markets.length).toBeLessThanOrEqual(5);
    expect(markets[0]?.base).toBe('ETH');
    expect(markets[0]?.stream.startsWith('binance:ETH/')).toBe(true);
  });

  it('[H2] the exchange defaults to the first configured one', async () => {
    const { body } = await get('/api/v1/markets?q=BTC/USDT');
    expect(body.exchange).toBe('binance');
    expect((body.markets as Array<{ symbol: string }>)[0]?.symbol).toBe('BTC/USDT');
  });

  it('[H3] feed health and the watchlist are readable', async () => {
    expect((await get('/api/v1/feeds')).body.feeds).toMatchObject([{ exchange: 'binance', simulated: true }]);
    expect((await get('/api/v1/watchlist')).body.streams).toContain('binance:BTC/USDT');
  });

  const bad: Array<[string, number, string]> = [
    ['/api/v1/history', 400, 'BAD_REQUEST'],
    ['/api/v1/history?stream=nonsense', 400, 'BAD_REQUEST'],
    ['/api/v1/history?stream=binance:NOPE/USDT', 404, 'UNKNOWN_SYMBOL'],
    ['/api/v1/history?stream=kraken:BTC/USD', 404, 'UNKNOWN_EXCHANGE'],
    [`/api/v1/history?stream=binance:BTC/USDT&since=-5`, 400, 'BAD_REQUEST'],
    ['/api/v1/history?stream=binance:BTC/USDT&streams=binance:ETH/USDT', 400, 'BAD_REQUEST'],
    ['/api/v1/history?streams=binance:BTC/USDT,binance:NOPE/USDT', 404, 'UNKNOWN_SYMBOL'],
    [
      `/api/v1/history?streams=${Array.from({ length: 101 }, (_, i) => `binance:C${i}/USDT`).join(',')}`,
      400,
      'BAD_REQUEST',
    ],
    ['/api/v1/markets?exchange=nope', 404, 'UNKNOWN_EXCHANGE'],
    ['/api/v1/markets?limit=100000', 400, 'BAD_REQUEST'],
    ['/api/v1/markets?limit=abc', 400, 'BAD_REQUEST'],
    ['/api/v1/markets?extra=1', 400, 'BAD_REQUEST'],
    ['/api/v1/nothing', 404, 'NOT_FOUND'],
  ];
  it.each(bad)('[H3] %s is refused with %i %s', async (path, status, code) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ error: { code } });
  });

  it('[H3] only GET is answered', async () => {
    const res = await api(stack, '/api/v1/markets', { method: 'POST', body: '{}' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
  });

  it('[L6][H3] an error is worded in the request’s language: its cookie, else Accept-Language, else English', async () => {
    const message = async (path: string, headers: Record<string, string>, init: RequestInit = {}) => {
      const res = await api(stack, path, { ...init, headers });
      return ((await res.json()) as { error: { message: string } }).error.message;
    };
    const german = { 'accept-language': 'de-DE,de;q=0.9' };
    expect(await message('/api/v1/nope', german)).toBe('Keine API-Route /api/v1/nope.');
    expect(await message('/api/v1/nope', {})).toBe('No API route /api/v1/nope.');
    expect(await message('/api/v1/markets?exchange=nope', german)).toBe(
      'Die Börse „nope“ ist hier nicht eingerichtet.',
    );
    expect(await message('/api/v1/markets?exchange=nope', {})).toBe(
      'Exchange "nope" is not configured here.',
    );
    expect(await message('/api/v1/markets', german, { method: 'POST', body: '{}' })).toBe(
      '/api/v1/markets beantwortet nur GET.',
    );
    // Without a session, the language cookie alone decides.
    const signedOut = { url: stack.url, cookie: 'livefolio-language=de' };
    const refused = await api(signedOut, '/api/v1/feeds');
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
      'Melden Sie sich zuerst an.',
    );
    const english = await api({ url: stack.url, cookie: 'livefolio-language=en' }, '/api/v1/feeds', {
      headers: german,
    });
    expect(((await english.json()) as { error: { message: string } }).error.message).toBe('Sign in first.');
  });

  it('[H3] too many requests get 429 with Retry-After', async () => {
    // The stack's own sign-in is the first of the 4.
    const limited = await startStack({ env: { HTTP_RATE_LIMIT: '4' } });
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 5; i++) {
        const res = await api(limited, '/api/v1/feeds');
        statuses.push(res.status);
        if (res.status === 429) retryAfter = res.headers.get('retry-after');
        await res.arrayBuffer();
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
