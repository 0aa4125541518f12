import { spawn } from 'node:child_process';
import { io as connectClient } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../support/server-process';
import { startServerProcess } from '../support/server-process';
import type { Client } from '../support/stack';
import { request, signIn, waitFor, withCookie } from '../support/stack';
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

  it('[F2] serves the page and live simulated prices on one port', async () => {
    const password = /as "demo" with password (\S+)/.exec(server.output())?.[1] ?? '';
    const target = { url: server.url, cookie: await signIn(server.url, { username: 'demo', password }) };
    const page = await fetch(server.url, { headers: { cookie: target.cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Livefolio');
    const socket: Client = connectClient(
      server.url,
      withCookie(target, { transports: ['websocket'], reconnection: false }),
    );
    const hello = await new Promise<{ simulated: boolean }>((r) => socket.once('server:hello', r));
    expect(hello.simulated).toBe(true);
    const watchlist = await request(socket, 'watchlist:get', {});
    expect(watchlist.ok && watchlist.watchlist.streams).toEqual([
      'binance:BTC/USDT',
      'binance:ETH/USDT',
      'binance:SOL/USDT',
    ]);
    const synced = new SyncedClient(socket);
    await waitFor(async () => (await synced.subscribe(['binance:BTC/USDT'])).ok, 10_000, 'markets');
    await waitFor(() => synced.diffs.length >= 2, 10_000, 'prices');
    expect(synced.market.tickers['binance:BTC/USDT']?.last).toBeGreaterThan(0);
    socket.disconnect();
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

  it('stops cleanly on SIGTERM within 10 s', async () => {
    const started = Date.now();
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
