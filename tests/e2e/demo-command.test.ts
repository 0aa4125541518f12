import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connectClient } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedStatus } from '../../lib/protocol';
import { DEMO_WATCHLIST } from '../../server/feeds/demo/venues';
import type { ServerProcess } from '../support/server-process';
import { startServerProcess } from '../support/server-process';
import type { Client } from '../support/stack';
import { request, send, signIn, waitFor, withCookie } from '../support/stack';
import type { Loose } from '../support/stack';
import { createCcxtExchange } from '../../server/feeds/ccxt-exchange';
import { DEMO_BINANCE_KEY, DEMO_BINANCE_SECRET } from '../../server/feeds/demo/binance-account';
import { SyncedClient } from '../support/synced-client';

// `npm run demo` as a new user runs it: the production build, the demo exchange, no internet.
let server: ServerProcess;

beforeAll(async () => {
  // As a new user runs it: no ADMIN_* variables, so the demo makes its own account and prints it.
  server = await startServerProcess({
    demo: true,
    env: { ADMIN_USERNAME: undefined, ADMIN_PASSWORD: undefined },
  });
}, 250_000);

afterAll(async () => {
  await server.close();
});

describe('npm run demo', () => {
  it('says on the console how to sign in, and nothing works before', async () => {
    expect(server.output()).toMatch(/sign in at http:\/\/\S+ as "demo" with password \S{12}/);
    const page = await fetch(server.url, { redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/login');
    const socket: Client = connectClient(server.url, { transports: ['websocket'], reconnection: false });
    await expect(new Promise((_, reject) => socket.once('connect_error', reject))).rejects.toThrow();
    socket.disconnect();
  });

  it('[F2][W2] serves the page and live simulated prices from Binance, Coinbase and Kraken on one port', async () => {
    const password = /as "demo" with password (\S+)/.exec(server.output())?.[1] ?? '';
    const target = { url: server.url, cookie: await signIn(server.url, { username: 'demo', password }) };
    const page = await fetch(server.url, { headers: { cookie: target.cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Livefolio');
    const socket: Client = connectClient(
      server.url,
      withCookie(target, { transports: ['websocket'], reconnection: false }),
    );
    // Listening before the hello: the server sends the feeds' status right after it, in the same read.
    const feeds = new Map<string, FeedStatus>();
    socket.on('feeds:status', (status) => status.feeds.forEach((feed) => feeds.set(feed.exchange, feed)));
    const hello = await new Promise<{ simulated: boolean }>((r) => socket.once('server:hello', r));
    expect(hello.simulated).toBe(true);
    const watchlist = await request(socket, 'watchlist:get', {});
    const streams = watchlist.ok ? watchlist.watchlist.streams : [];
    expect(streams).toEqual(DEMO_WATCHLIST);
    // Rows from all three simulated exchanges, each priced, with a bid and an ask.
    const synced = new SyncedClient(socket);
    await waitFor(async () => (await synced.subscribe(streams)).ok, 15_000, 'markets');
    await waitFor(
      () => streams.every((s) => (synced.market.tickers[s]?.bid ?? 0) > 0),
      20_000,
      'prices on every row',
    );
    await waitFor(
      () => ['binance', 'coinbase', 'kraken'].every((id) => feeds.get(id)?.state === 'live'),
      10_000,
      'three live feeds',
    );
    for (const id of ['binance', 'coinbase', 'kraken']) expect(feeds.get(id)?.simulated).toBe(true);
    expect(feeds.get('coinbase')?.mode).toBe('watchTicker');
    socket.disconnect();
  });

  it('[P9] connects the demo user\'s "Demo Binance" and syncs it with no typing: its holdings are the exchange\'s balances', async () => {
    const password = /as "demo" with password (\S+)/.exec(server.output())?.[1] ?? '';
    const target = { url: server.url, cookie: await signIn(server.url, { username: 'demo', password }) };
    const get = async (path: string) => (await send(target, 'GET', path)).body;
    let connection: Loose = {};
    await waitFor(
      async () => {
        connection = ((await get('/api/v1/connections')).connections as Loose[])[0] ?? {};
        return connection.state === 'ok' || connection.state === 'error';
      },
      30_000,
      'the demo account synced',
    );
    expect(connection).toMatchObject({
      exchange: 'binance',
      account: { name: 'Demo Binance' },
      lastError: null,
    });
    // The balances as any ccxt client with the demo's read-only key reads them from the simulated Binance.
    const exchangeUrl = /binance@(http:\/\/127\.0\.0\.1:\d+)/.exec(server.output())?.[1] ?? '';
    const ex = await createCcxtExchange({ id: 'binance', url: exchangeUrl, simulated: true });
    ex.apiKey = DEMO_BINANCE_KEY;
    ex.secret = DEMO_BINANCE_SECRET;
    const balances = (await ex.fetchBalance()).total as unknown as Record<string, number>;
    await ex.close();
    const portfolio = await get(`/api/v1/portfolio?account=${connection.account.id}`);
    const held = Object.fromEntries(
      ([...portfolio.assets, ...portfolio.unpriced] as Loose[]).map((a) => [a.asset, Number(a.quantity)]),
    );
    expect(held).toEqual(Object.fromEntries(Object.entries(balances).filter(([, v]) => v > 0)));
  });

  it('[P7] sets the demo user a move alert and a portfolio alert, so the Alerts panel shows both kinds', async () => {
    const password = /as "demo" with password (\S+)/.exec(server.output())?.[1] ?? '';
    const target = { url: server.url, cookie: await signIn(server.url, { username: 'demo', password }) };
    let alerts: Loose[] = [];
    await waitFor(
      async () => {
        alerts = (await send(target, 'GET', '/api/v1/alerts')).body.alerts as Loose[];
        return alerts.length === 2;
      },
      30_000,
      'the demo alerts',
    );
    expect(alerts).toMatchObject([
      { kind: 'move', stream: 'binance:BTC/USDT', direction: 'any', percent: '0.5', window: '15m' },
      { kind: 'portfolio', condition: 'above', value: '1000000', currency: 'USD' },
    ]);
  });

  it('refuses a wrong setting with one clear line and exit code 2', async () => {
    const bad = spawn(process.execPath, ['scripts/run.mjs', '--demo'], {
      env: { ...process.env, PORT: 'eighty' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    bad.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((r) => bad.once('exit', r));
    expect(code).toBe(2);
    expect(stderr).toContain('PORT="eighty" is invalid');
  });

  it('refuses a secret key file others may read, with exit code 2, and leaves the file as it was', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lf-bad-key-'));
    const file = join(dataDir, 'secret.key');
    const key = `${randomBytes(32).toString('base64')}\n`;
    writeFileSync(file, key, { mode: 0o644 });
    chmodSync(file, 0o644);
    const bad = spawn(process.execPath, ['scripts/run.mjs', '--demo'], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', SECRET_KEY: undefined, DATABASE_URL: undefined },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    bad.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    bad.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((r) => bad.once('exit', r));
    expect(code).toBe(2);
    expect(output).toContain(`livefolio: invalid configuration\nThe key file ${file} may be read by others`);
    expect(output).not.toContain(key.trim());
    expect(readFileSync(file, 'utf8')).toBe(key);
  }, 60_000);

  it('stops cleanly on SIGTERM within 10 s', async () => {
    const started = Date.now();
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
