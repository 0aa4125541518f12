import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Watchlist } from '../../../lib/protocol';
import type { Stack, Target } from '../../support/stack';
import { api, autoClose, request, signIn, TEST_ADMIN, waitFor } from '../../support/stack';

const { start, client } = autoClose();
const BOB = { username: 'bob', password: 'bob-password-1' };
const DEFAULT_LIST = ['binance:BTC/USDT', 'binance:ETH/USDT', 'binance:SOL/USDT'];

const post = (target: Target, path: string, body: unknown) =>
  api(target, path, { method: 'POST', body: JSON.stringify(body) });

async function withBob(stack: Stack): Promise<Target> {
  const created = await post(stack, '/api/v1/users', BOB);
  expect(created.status).toBe(201);
  return { url: stack.url, cookie: await signIn(stack.url, BOB) };
}

describe('first-run setup', () => {
  it('[A5] with no account every page leads to /setup, which creates the admin once and never again', async () => {
    const stack = await start({ env: { ADMIN_USERNAME: undefined, ADMIN_PASSWORD: undefined } });
    const anon: Target = { url: stack.url };
    const page = await fetch(stack.url, { redirect: 'manual' });
    expect(page.headers.get('location')).toBe('/setup');
    expect(await (await api(anon, '/api/v1/auth/session')).json()).toEqual({
      user: null,
      setupRequired: true,
    });

    const weak = await post(anon, '/api/v1/auth/setup', { username: 'root', password: 'short' });
    expect(weak.status).toBe(400);
    expect(await weak.json()).toMatchObject({
      error: { code: 'BAD_REQUEST', message: /at least 8 characters/ },
    });

    const made = await post(anon, '/api/v1/auth/setup', { username: 'root', password: 'root-password-1' });
    expect(made.status).toBe(201);
    const cookie = (made.headers.getSetCookie()[0] ?? '').split(';')[0] as string;
    expect(await (await api({ url: stack.url, cookie }, '/api/v1/auth/session')).json()).toMatchObject({
      user: { username: 'root', isAdmin: true },
      setupRequired: false,
    });
    // The new admin starts with the default watchlist.
    expect(await (await api({ url: stack.url, cookie }, '/api/v1/watchlist')).json()).toEqual({
      streams: DEFAULT_LIST,
    });

    const again = await post(anon, '/api/v1/auth/setup', { username: 'eve', password: 'eve-password-1' });
    expect(again.status).toBe(403);
    expect(await again.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const setupPage = await fetch(`${stack.url}/setup`, { redirect: 'manual' });
    expect(setupPage.headers.get('location')).toBe('/login');
    expect(
      (await post(anon, '/api/v1/auth/login', { username: 'eve', password: 'eve-password-1' })).status,
    ).toBe(401);
  });
});

describe('an installation from before accounts', () => {
  it('[A5] keeps its watchlist: the first account gets it, later ones the default', async () => {
    // A database as the version without accounts left it (schema version 1).
    const file = join(mkdtempSync(join(tmpdir(), 'livefolio-v1-')), 'livefolio.db');
    const old = new Database(file);
    old.exec(`CREATE TABLE watchlist (stream TEXT PRIMARY KEY, position INTEGER NOT NULL, added_at INTEGER NOT NULL);
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      INSERT INTO watchlist VALUES ('binance:DOGE/USDT', 1, 0), ('binance:ADA/USDT', 2, 0);
      INSERT INTO meta VALUES ('watchlist_seeded', '1');
      PRAGMA user_version = 1;`);
    old.close();
    const stack = await start({ databaseFile: file });
    expect(await (await api(stack, '/api/v1/watchlist')).json()).toEqual({
      streams: ['binance:DOGE/USDT', 'binance:ADA/USDT'],
    });
    const bob = await withBob(stack);
    expect(await (await api(bob, '/api/v1/watchlist')).json()).toEqual({ streams: DEFAULT_LIST });
  });
});

describe('users', () => {
  it('[A6] the admin adds users; a taken name is a conflict; a non-admin may not add or list users', async () => {
    const stack = await start();
    const bob = await withBob(stack);
    const taken = await post(stack, '/api/v1/users', { username: 'BOB', password: 'another-password' });
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({
      error: { code: 'CONFLICT', message: 'The username "BOB" is taken.' },
    });
    const bad = await post(stack, '/api/v1/users', { username: 'no spaces', password: 'long-enough-1' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { message: /^username: / } });

    const byBob = await post(bob, '/api/v1/users', { username: 'carol', password: 'carol-password-1' });
    expect(byBob.status).toBe(403);
    expect((await api(bob, '/api/v1/users')).status).toBe(403);
    const list = (await (await api(stack, '/api/v1/users')).json()) as { users: { username: string }[] };
    expect(list.users.map((u) => u.username)).toEqual(['alice', 'bob']);
  });
});

describe('one user never sees another', () => {
  it("[A7] watchlists are per user: a change reaches the user's tabs and nobody else's", async () => {
    const stack = await start();
    await waitFor(() => stack.app.feeds.statuses()[0]?.markets !== 0, 10_000, 'markets');
    const bob = await withBob(stack);
    const aliceTab = await client(stack);
    const bobTab = await client(bob);
    const heardByBob: Watchlist[] = [];
    bobTab.on('watchlist:changed', (w) => heardByBob.push(w));
    const heardByAlice: Watchlist[] = [];
    aliceTab.on('watchlist:changed', (w) => heardByAlice.push(w));

    const added = await request(aliceTab, 'watchlist:add', { stream: 'binance:DOGE/USDT' });
    expect(added.ok && added.watchlist.streams).toEqual([...DEFAULT_LIST, 'binance:DOGE/USDT']);
    const removed = await request(bobTab, 'watchlist:remove', { stream: 'binance:BTC/USDT' });
    expect(removed.ok && removed.watchlist.streams).toEqual(['binance:ETH/USDT', 'binance:SOL/USDT']);
    // A change goes out before its answer, so a leak to the other user would come before these later answers.
    await Promise.all([request(aliceTab, 'watchlist:get', {}), request(bobTab, 'watchlist:get', {})]);

    expect(heardByAlice).toEqual([{ streams: [...DEFAULT_LIST, 'binance:DOGE/USDT'] }]);
    expect(heardByBob).toEqual([{ streams: ['binance:ETH/USDT', 'binance:SOL/USDT'] }]);
    expect(await (await api(bob, '/api/v1/watchlist')).json()).toEqual({
      streams: ['binance:ETH/USDT', 'binance:SOL/USDT'],
    });
    expect(await (await api(stack, '/api/v1/watchlist')).json()).toEqual({
      streams: [...DEFAULT_LIST, 'binance:DOGE/USDT'],
    });
    // Bob removing BTC/USDT from his list does not stop the feed: Alice still watches it.
    expect(await stack.app.watchlist.allStreams()).toContain('binance:BTC/USDT');
  });
});

describe('requests that change state', () => {
  it('[A8] from another origin, without JSON, too large or with extra keys: refused with a clear error', async () => {
    const stack = await start();
    const login = (init: RequestInit) => fetch(`${stack.url}/api/v1/auth/login`, { method: 'POST', ...init });
    const json = { 'content-type': 'application/json' };
    const cases: Array<[string, RequestInit, number, string]> = [
      [
        'another origin',
        { headers: { ...json, origin: 'https://evil.example.com' }, body: JSON.stringify(TEST_ADMIN) },
        403,
        'FORBIDDEN',
      ],
      [
        'a form post',
        { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=b' },
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
      ['broken JSON', { headers: json, body: '{"username":' }, 400, 'BAD_REQUEST'],
      [
        'an extra key',
        { headers: json, body: JSON.stringify({ ...TEST_ADMIN, isAdmin: true }) },
        400,
        'BAD_REQUEST',
      ],
      [
        'a number for a name',
        { headers: json, body: JSON.stringify({ username: 7, password: 'x' }) },
        400,
        'BAD_REQUEST',
      ],
      [
        'a body over 64 KiB',
        { headers: json, body: JSON.stringify({ username: 'alice', password: 'x'.repeat(70_000) }) },
        413,
        'PAYLOAD_TOO_LARGE',
      ],
    ];
    for (const [name, init, status, code] of cases) {
      const res = await login(init);
      expect(res.status, name).toBe(status);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code, name).toBe(code);
      expect(body.error.message.length, name).toBeGreaterThan(10);
      expect(res.headers.getSetCookie(), name).toEqual([]);
    }
    // Nothing was locked or broken by all that: the right password still signs in.
    expect((await post({ url: stack.url }, '/api/v1/auth/login', TEST_ADMIN)).status).toBe(200);
  });
});
