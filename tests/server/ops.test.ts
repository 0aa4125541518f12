import pino from 'pino';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import type { Stack } from '../support/stack';
import { autoClose, request, TEST_ADMIN, waitFor } from '../support/stack';

const { start, client } = autoClose();

async function ready(stack: Stack): Promise<void> {
  await waitFor(() => stack.app.feeds.statuses()[0]?.state === 'live', 10_000, 'a live feed');
}

/** One sample of a metric in Prometheus text, by name and labels as written (`{exchange="binance"}`). */
function sample(text: string, name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('health, readiness and metrics', () => {
  it('/healthz answers without a session; only GET and HEAD', async () => {
    const stack = await start();
    const res = await fetch(`${stack.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${stack.url}/healthz`, { method: 'POST' })).status).toBe(405);
  });

  it('[C5] /readyz is ready once a feed is live; at shutdown it is not, and clients hear why', async () => {
    const stack = await start();
    await ready(stack);
    const res = await fetch(`${stack.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });

    const socket = await client(stack);
    const notices: unknown[] = [];
    socket.on('server:shutdown', (n) => notices.push(n));
    const closing = stack.app.close();
    const during = await fetch(`${stack.url}/readyz`).catch(() => null);
    // Either the answer says why, or the listener is already gone: never "ready".
    if (during) {
      expect(during.status).toBe(503);
      expect(await during.json()).toEqual({ status: 'not-ready', reasons: ['shutting down'] });
    }
    await closing;
    await waitFor(() => notices.length === 1, 2_000, 'the shutdown notice');
    expect(notices).toEqual([{ reason: 'shutdown' }]);
    // The stack closes its app again after the test: make that a no-op restart.
    await stack.restart();
  });

  it('/readyz says why it is not ready when no exchange can be reached', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'livefolio-'));
    const config = loadConfig({ LOG_LEVEL: 'silent', EXCHANGES: 'binance', DATA_DIR: dataDir });
    const app = await createApp({
      config,
      log: pino({ level: 'silent' }),
      exchanges: [{ id: 'binance', url: 'http://127.0.0.1:9', simulated: false }],
      databaseFile: join(dataDir, 'test.db'),
    });
    const { port } = await app.listen(0, '127.0.0.1');
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { status: string; reasons: string[] };
      expect(body.status).toBe('not-ready');
      expect(body.reasons).toEqual([expect.stringMatching(/^no exchange feed is live: binance /)]);
    } finally {
      await app.close();
    }
  });

  it('/metrics shows live figures while a client is connected', async () => {
    const stack = await start({ tickMs: 50 });
    await ready(stack);
    const socket = await client(stack);
    let diffs = 0;
    socket.on('market:diff', () => diffs++);
    const ack = await request(socket, 'market:subscribe', { streams: ['binance:BTC/USDT'] });
    expect(ack.ok).toBe(true);
    await waitFor(() => diffs >= 2, 5_000, 'two diffs');
    const res = await fetch(`${stack.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(sample(text, 'livefolio_connected_clients')).toBe(1);
    expect(sample(text, 'livefolio_diffs_sent_total')).toBeGreaterThan(0);
    expect(sample(text, 'livefolio_diff_deliveries_total')).toBeGreaterThan(0);
    expect(sample(text, 'livefolio_socket_messages_sent_total', '{type="message"}')).toBeGreaterThan(2);
    expect(sample(text, 'livefolio_socket_bytes_sent_total')).toBeGreaterThan(100);
    expect(sample(text, 'livefolio_feed_state', '{exchange="binance",state="live"}')).toBe(1);
    expect(sample(text, 'livefolio_feed_state', '{exchange="binance",state="down"}')).toBe(0);
    expect(sample(text, 'livefolio_feed_tick_lag_seconds', '{exchange="binance"}')).toBeLessThan(5);
    expect(sample(text, 'livefolio_feed_reconnects_total', '{exchange="binance"}')).toBe(0);
    expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    // Without REDIS_URL there is no Redis to report on.
    expect(text).not.toMatch(/^livefolio_redis_connected /m);

    // Counters only grow: a second scrape has at least as many deliveries.
    const later = await (await fetch(`${stack.url}/metrics`)).text();
    expect(sample(later, 'livefolio_diff_deliveries_total')).toBeGreaterThanOrEqual(
      sample(text, 'livefolio_diff_deliveries_total') as number,
    );
  });

  it('/metrics needs the bearer token when METRICS_TOKEN is set', async () => {
    const token = 'a-long-metrics-token-1234';
    const stack = await start({ env: { METRICS_TOKEN: token } });
    const refused = await fetch(`${stack.url}/metrics`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer');
    expect((await fetch(`${stack.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(
      401,
    );
    const allowed = await fetch(`${stack.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(allowed.status).toBe(200);
  });
});

describe('behind a reverse proxy', () => {
  const login = (stack: Stack, headers: Record<string, string>) =>
    fetch(`${stack.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(TEST_ADMIN),
    });

  it('ignores X-Forwarded-For by default: every request from one address shares its rate limit', async () => {
    const stack = await start({ env: { HTTP_RATE_LIMIT: '3' } });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${stack.url}/api/v1/auth/session`, {
        headers: { 'x-forwarded-for': `10.0.0.${i}` },
      });
      statuses.push(res.status);
    }
    // The stack's own sign-in at start took one of the address's three requests.
    expect(statuses).toEqual([200, 200, 429, 429]);
  });

  it('with TRUST_PROXY=1 takes the client address and https from the proxy', async () => {
    const stack = await start({ env: { HTTP_RATE_LIMIT: '3', TRUST_PROXY: '1' } });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      // A client's own X-Forwarded-For entry comes first; the proxy appends the address it saw.
      const res = await fetch(`${stack.url}/api/v1/auth/session`, {
        headers: { 'x-forwarded-for': `203.0.113.9, 10.0.0.${i}` },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200]);
    const secure = await login(stack, { 'x-forwarded-for': '10.0.1.1', 'x-forwarded-proto': 'https' });
    expect(secure.headers.getSetCookie()[0]).toMatch(/; Secure/);
  });

  it('without TRUST_PROXY a forwarded https does not make the cookie Secure', async () => {
    const stack = await start();
    const res = await login(stack, { 'x-forwarded-proto': 'https' });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()[0]).not.toMatch(/Secure/);
  });
});
