import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connectClient } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/stack';
import { request, waitFor } from '../support/stack';
import { SyncedClient } from '../support/synced-client';

// `npm run demo` as a new user runs it: the production build, the demo exchange, no internet.
let child: ChildProcess;
let url = '';
let output = '';

beforeAll(async () => {
  child = spawn(process.execPath, ['scripts/run.mjs', '--demo'], {
    env: {
      ...process.env,
      PORT: '0',
      HOSTNAME: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'lf-demo-')),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitFor(() => /running at http:\/\/[^:]+:(\d+)/.test(output), 240_000, 'the server to start');
  url = `http://127.0.0.1:${/running at http:\/\/[^:]+:(\d+)/.exec(output)?.[1]}`;
}, 250_000);

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
});

describe('npm run demo', () => {
  it('[F2] serves the page and live simulated prices on one port', async () => {
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Livefolio');
    const socket: Client = connectClient(url, { transports: ['websocket'], reconnection: false });
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
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const started = Date.now();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
