import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { io as connectClient } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionEnded } from '../../../lib/protocol';
import type { Client, Loose, Stack } from '../../support/stack';
import { api, autoClose, request, send, signIn, waitFor } from '../../support/stack';

const { start } = autoClose();
const sockets: Client[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});

/** A token made through the API with the stack's session: its secret and its id. */
async function newToken(stack: Stack, body: Loose = { name: 'script', scope: 'read' }) {
  const created = await send(stack, 'POST', '/api/v1/tokens', body);
  expect(created.status).toBe(201);
  return { secret: created.body.secret as string, id: created.body.token.id as string, body: created.body };
}

/** A request with a bearer token and no cookie, as curl or a script sends it. */
function bearer(stack: Stack, secret: string, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${secret}`);
  if (typeof init.body === 'string') headers.set('content-type', 'application/json');
  return fetch(`${stack.url}${path}`, { ...init, headers });
}

/** A socket.io client signed in by `options` alone (no cookie); resolves once greeted or refused. */
function tokenSocket(stack: Stack, options: { auth?: Loose; extraHeaders?: Record<string, string> }) {
  const socket: Client = connectClient(stack.url, {
    transports: ['websocket'],
    reconnection: false,
    ...options,
  });
  sockets.push(socket);
  return new Promise<{ socket: Client; refused?: string }>((resolve) => {
    socket.once('server:hello', () => resolve({ socket }));
    socket.once('connect_error', (err) => resolve({ socket, refused: err.message }));
  });
}

const expectError = async (res: Response, status: number, code: string, message: string) => {
  expect(res.status).toBe(status);
  expect(await res.json()).toEqual({ error: { code, message } });
};

describe('personal access tokens', () => {
  it('[A9] shows a token once, lists it by name and hint, and stores only its hash', async () => {
    const stack = await start();
    const { secret, body } = await newToken(stack, { name: 'Grafana', scope: 'read', expiresInDays: 30 });
    expect(secret).toMatch(/^lfp_[A-Za-z0-9_-]{43}$/);
    expect(body.token).toMatchObject({
      name: 'Grafana',
      scope: 'read',
      hint: secret.slice(-4),
      lastUsedAt: null,
    });
    expect(body.token.expiresAt - body.token.createdAt).toBe(30 * 86_400_000);
    const listed = await send(stack, 'GET', '/api/v1/tokens');
    expect(listed.body.tokens).toEqual([body.token]);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    // Neither the token nor anything that opens it is in the database file (its WAL included).
    await stack.app.close();
    for (const file of [stack.databaseFile, `${stack.databaseFile}-wal`]) {
      const bytes = (() => {
        try {
          return readFileSync(file);
        } catch {
          return Buffer.alloc(0);
        }
      })();
      expect(bytes.includes(secret)).toBe(false);
      expect(bytes.includes(secret.slice(4))).toBe(false);
    }
    await stack.restart();
  });

  it.each([
    ['an empty name', { name: '  ', scope: 'read' }, 'name: must not be empty'],
    [
      'a long name',
      { name: 'x'.repeat(61), scope: 'read' },
      'name: Too big: expected string to have <=60 characters',
    ],
    [
      'an unknown scope',
      { name: 'x', scope: 'admin' },
      'scope: Invalid option: expected one of "read"|"read-write"',
    ],
    [
      'a lifetime of 0 days',
      { name: 'x', scope: 'read', expiresInDays: 0 },
      'expiresInDays: Too small: expected number to be >=1',
    ],
    [
      'a lifetime over a year',
      { name: 'x', scope: 'read', expiresInDays: 367 },
      'expiresInDays: Too big: expected number to be <=366',
    ],
    ['an extra field', { name: 'x', scope: 'read', admin: true }, 'request: Unrecognized key: "admin"'],
  ])('[A9] refuses %s with a clear error and makes no token', async (_name, body, message) => {
    const stack = await start();
    expect(await send(stack, 'POST', '/api/v1/tokens', body)).toEqual({
      status: 400,
      body: { error: { code: 'BAD_REQUEST', message } },
    });
    expect((await send(stack, 'GET', '/api/v1/tokens')).body).toEqual({ tokens: [] });
  });

  it('[A10] a bearer token reads the portfolio as its user does, and notes when it was last used', async () => {
    const stack = await start();
    const { secret } = await newToken(stack);
    const bought = await send(stack, 'POST', '/api/v1/transactions', {
      type: 'buy',
      asset: 'BTC',
      quantity: '0.5',
      price: '60000',
      quoteCurrency: 'USDT',
      fee: '0',
      feeCurrency: 'USDT',
      time: '2026-01-02T10:00:00Z',
    });
    expect(bought.status).toBe(201);
    const withToken = await bearer(stack, secret, '/api/v1/portfolio');
    expect(withToken.status).toBe(200);
    const withCookie = await api(stack, '/api/v1/portfolio');
    const [a, b] = [(await withToken.json()) as Loose, (await withCookie.json()) as Loose];
    expect(a.assets.map((asset: Loose) => [asset.asset, asset.quantity])).toEqual([['BTC', '0.5']]);
    // The same holdings at their cost: the prices may tick between the two reads.
    const held = (answer: Loose) => ({
      assets: answer.assets.map(({ asset, quantity, costBasis, realizedPnl }: Loose) => ({
        asset,
        quantity,
        costBasis,
        realizedPnl,
      })),
      costBasis: answer.totals.costBasis,
    });
    expect(held(a)).toEqual(held(b));
    const listed = await send(stack, 'GET', '/api/v1/tokens');
    expect(listed.body.tokens[0].lastUsedAt).toBeGreaterThan(0);
  });

  it('[A10] a read token changes nothing; a read-write token does', async () => {
    const stack = await start();
    const read = await newToken(stack, { name: 'reader', scope: 'read' });
    const write = await newToken(stack, { name: 'writer', scope: 'read-write' });
    const alert = JSON.stringify({ stream: 'binance:BTC/USDT', condition: 'above', price: '1000000' });
    await expectError(
      await bearer(stack, read.secret, '/api/v1/alerts', { method: 'POST', body: alert }),
      403,
      'FORBIDDEN',
      'This token may only read; create a read-write token to change anything.',
    );
    expect((await send(stack, 'GET', '/api/v1/alerts')).body.alerts).toEqual([]);
    const made = await bearer(stack, write.secret, '/api/v1/alerts', { method: 'POST', body: alert });
    expect(made.status).toBe(201);
    expect((await send(stack, 'GET', '/api/v1/alerts')).body.alerts).toHaveLength(1);
  });

  it("[A10] a token reaches only its own user's data, and cannot manage tokens or users", async () => {
    const stack = await start();
    await send(stack, 'POST', '/api/v1/users', { username: 'bob', password: 'bob-password-1' });
    const bob = {
      url: stack.url,
      cookie: await signIn(stack.url, { username: 'bob', password: 'bob-password-1' }),
    };
    const alice = await newToken(stack, { name: 'alice admin', scope: 'read-write' });
    const bobCreated = await send(bob, 'POST', '/api/v1/tokens', { name: 'bob', scope: 'read-write' });
    const alert = await send(stack, 'POST', '/api/v1/alerts', {
      stream: 'binance:BTC/USDT',
      condition: 'above',
      price: '1000000',
    });
    const bobsToken = bobCreated.body.secret as string;
    expect((await (await bearer(stack, bobsToken, '/api/v1/alerts')).json()) as Loose).toEqual({
      alerts: [],
    });
    const other = await bearer(stack, bobsToken, `/api/v1/alerts/${alert.body.alert.id}`, {
      method: 'DELETE',
    });
    expect(other.status).toBe(404);
    expect((await send(bob, 'DELETE', `/api/v1/tokens/${alice.id}`)).status).toBe(404);
    const sessionOnly = 'Only a signed-in browser session may do this, not a token.';
    await expectError(await bearer(stack, alice.secret, '/api/v1/tokens'), 403, 'FORBIDDEN', sessionOnly);
    const newUser = JSON.stringify({ username: 'carol', password: 'carol-password-1' });
    await expectError(
      await bearer(stack, alice.secret, '/api/v1/users', { method: 'POST', body: newUser }),
      403,
      'FORBIDDEN',
      sessionOnly,
    );
  });

  it('[A10] refuses a token in a URL, a malformed header, and a page of another site', async () => {
    const stack = await start();
    const { secret } = await newToken(stack);
    const inUrl =
      'Send a token in the Authorization header, never in a URL: URLs are kept in logs and browser history.';
    await expectError(
      await fetch(`${stack.url}/api/v1/portfolio?access_token=${secret}`),
      400,
      'BAD_REQUEST',
      inUrl,
    );
    await expectError(await bearer(stack, secret, `/api/v1/markets?q=${secret}`), 400, 'BAD_REQUEST', inUrl);
    await expectError(
      await fetch(`${stack.url}/api/v1/portfolio`, { headers: { authorization: `Basic ${secret}` } }),
      401,
      'UNAUTHORIZED',
      'Send a token as "Authorization: Bearer <token>".',
    );
    const foreign = await bearer(stack, secret, '/api/v1/portfolio', {
      headers: { origin: 'https://evil.example' },
    });
    await expectError(foreign, 403, 'FORBIDDEN', 'Requests from this origin are not allowed.');
    const own = await bearer(stack, secret, '/api/v1/portfolio', { headers: { origin: stack.url } });
    expect(own.status).toBe(200);
  });

  it('[A10] a revoked or expired token is refused at once, and its connections close', async () => {
    const stack = await start();
    const revoked = await newToken(stack, { name: 'revoked', scope: 'read' });
    const expiring = await newToken(stack, { name: 'expiring', scope: 'read' });
    const first = await tokenSocket(stack, { auth: { token: revoked.secret } });
    expect(first.refused).toBeUndefined();
    const ended: SessionEnded[] = [];
    first.socket.on('session:ended', (e) => ended.push(e));
    expect((await send(stack, 'DELETE', `/api/v1/tokens/${revoked.id}`)).body).toEqual({
      deleted: revoked.id,
    });
    await waitFor(() => !first.socket.connected, 5_000, 'the revoked token connection to close');
    expect(ended).toEqual([{ reason: 'revoked' }]);
    const unknown = 'This token is unknown, revoked or expired.';
    await expectError(await bearer(stack, revoked.secret, '/api/v1/portfolio'), 401, 'UNAUTHORIZED', unknown);
    expect((await tokenSocket(stack, { auth: { token: revoked.secret } })).refused).toBe(unknown);

    // Time passing, as the database would see it: the token expires in a moment.
    const db = new Database(stack.databaseFile);
    db.prepare('UPDATE api_tokens SET expires_at = ? WHERE id = ?').run(Date.now() + 1_500, expiring.id);
    db.close();
    const second = await tokenSocket(stack, { extraHeaders: { authorization: `Bearer ${expiring.secret}` } });
    expect(second.refused).toBeUndefined();
    const expired = await new Promise<SessionEnded>((resolve) =>
      second.socket.once('session:ended', resolve),
    );
    expect(expired).toEqual({ reason: 'expired' });
    await expectError(
      await bearer(stack, expiring.secret, '/api/v1/portfolio'),
      401,
      'UNAUTHORIZED',
      unknown,
    );
    // The list still shows it, so its owner sees why a script stopped.
    expect((await send(stack, 'GET', '/api/v1/tokens')).body.tokens.map((t: Loose) => t.name)).toEqual([
      'expiring',
    ]);
  });

  it('[A10] a socket signed in by a read token watches prices and reads the watchlist, but cannot change it', async () => {
    const stack = await start();
    const { secret } = await newToken(stack);
    expect((await tokenSocket(stack, {})).refused).toBe('sign in first');
    expect((await tokenSocket(stack, { auth: { token: 42 } })).refused).toBe('auth.token must be a string');
    const { socket, refused } = await tokenSocket(stack, { auth: { token: secret } });
    expect(refused).toBeUndefined();
    const listed = (await request(socket, 'watchlist:get', {})) as Loose;
    expect(listed.ok).toBe(true);
    const change = (await request(socket, 'watchlist:add', { stream: 'binance:DOGE/USDT' })) as Loose;
    expect(change).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const subscribed = (await request(socket, 'market:subscribe', {
      streams: ['binance:BTC/USDT'],
    })) as Loose;
    expect(subscribed.ok).toBe(true);
    await new Promise<unknown>((resolve) => socket.once('market:diff', resolve));
  });

  it('[A3] wrong tokens spend the address budget of failed sign-ins', async () => {
    const stack = await start();
    const { secret } = await newToken(stack);
    const wrong = 'lfp_' + 'x'.repeat(43);
    for (let i = 0; i < 20; i++) expect((await bearer(stack, wrong, '/api/v1/portfolio')).status).toBe(401);
    const limited = await bearer(stack, secret, '/api/v1/portfolio');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
