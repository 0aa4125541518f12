import Database from 'better-sqlite3';
import { io as connectClient } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import type { SessionEnded } from '../../../lib/protocol';
import type { Client, Stack, Target } from '../../support/stack';
import { api, autoClose, connect, request, signIn, TEST_ADMIN, waitFor } from '../../support/stack';

const { start, client } = autoClose();

/** Resolves 'refused' or 'connected' for a socket.io handshake with the given headers and transport. */
function handshake(url: string, headers: Record<string, string>, transport: 'websocket' | 'polling') {
  return new Promise<'connected' | 'refused'>((resolve) => {
    const socket: Client = connectClient(url, {
      transports: [transport],
      reconnection: false,
      extraHeaders: headers,
    });
    socket.once('connect', () => {
      socket.disconnect();
      resolve('connected');
    });
    socket.once('connect_error', () => {
      socket.disconnect();
      resolve('refused');
    });
  });
}

const forged = 'livefolio_session=' + 'A'.repeat(43);

/** Sets the newest session's expiry in the database file, as time passing would (the token itself is not stored). */
function expireNewestSession(stack: Stack, expiresAt: number): void {
  const db = new Database(stack.databaseFile);
  try {
    db.prepare(
      'UPDATE sessions SET expires_at = ? WHERE rowid = (SELECT rowid FROM sessions ORDER BY created_at DESC LIMIT 1)',
    ).run(expiresAt);
  } finally {
    db.close();
  }
}

describe('sessions at every door', () => {
  it.each([
    ['no cookie', ''],
    ['a forged cookie', forged],
    ['a malformed cookie', 'livefolio_session=<script>'],
  ])('[A1] %s gets 401 from the API, the sign-in page for a page, and no socket', async (_name, cookie) => {
    const stack = await start();
    const target: Target = { url: stack.url, cookie };
    for (const path of ['/api/v1/watchlist', '/api/v1/feeds', '/api/v1/markets?q=BTC', '/api/v1/users']) {
      const res = await api(target, path);
      expect(res.status, path).toBe(401);
      expect(await res.json()).toEqual({ error: { code: 'UNAUTHORIZED', message: 'Sign in first.' } });
    }
    const page = await fetch(`${stack.url}/portfolio?x=1`, { headers: { cookie }, redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/login?next=%2Fportfolio%3Fx%3D1');
    const headers: Record<string, string> = cookie ? { cookie } : {};
    expect(await handshake(stack.url, headers, 'websocket')).toBe('refused');
    expect(await handshake(stack.url, headers, 'polling')).toBe('refused');
    expect(await handshake(stack.url, { cookie: stack.cookie }, 'websocket')).toBe('connected');
    expect(await handshake(stack.url, { cookie: stack.cookie }, 'polling')).toBe('connected');
  });

  it('[A1] an expired session is refused everywhere, and a live connection ends when its session expires', async () => {
    const stack = await start();
    const socket = await client(stack);
    // Connections already open learn of the expiry from their own timer; new ones are checked at the door.
    const other = await signIn(stack.url, TEST_ADMIN);
    expireNewestSession(stack, Date.now() + 1_500);
    const expiring = await connect({ url: stack.url, cookie: other });
    const expiredOnce = new Promise<SessionEnded>((resolve) => expiring.once('session:ended', resolve));
    expect(await expiredOnce).toEqual({ reason: 'expired' });
    await waitFor(() => !expiring.connected, 2_000, 'the expired connection to close');
    expect((await api({ url: stack.url, cookie: other }, '/api/v1/watchlist')).status).toBe(401);
    expect(await handshake(stack.url, { cookie: other }, 'websocket')).toBe('refused');
    // The first session is untouched.
    expect(socket.connected).toBe(true);
    expect((await api(stack, '/api/v1/watchlist')).status).toBe(200);
  });
});

describe('sign-in and sign-out', () => {
  it('[A2] signs in with an HttpOnly, SameSite=Lax cookie; Secure when COOKIE_SECURE is set', async () => {
    const plain = await start();
    const res = await api({ url: plain.url }, '/api/v1/auth/login', {
      method: 'POST',
      body: JSON.stringify(TEST_ADMIN),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: { id: plain.userId, username: 'alice', isAdmin: true } });
    const cookie = res.headers.getSetCookie()[0] ?? '';
    expect(cookie).toMatch(/^livefolio_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    const secure = await start({ env: { COOKIE_SECURE: 'true' } });
    const again = await api({ url: secure.url }, '/api/v1/auth/login', {
      method: 'POST',
      body: JSON.stringify(TEST_ADMIN),
    });
    expect(again.headers.getSetCookie()[0]).toMatch(/; Secure/);
  });

  it('[A2] a wrong password and an unknown user get the same answer; the password is stored only hashed', async () => {
    const stack = await start();
    const wrong = await api({ url: stack.url }, '/api/v1/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: 'alice', password: 'not-her-password' }),
    });
    const unknown = await api({ url: stack.url }, '/api/v1/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: 'mallory', password: 'whatever-1' }),
    });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.headers.getSetCookie()).toEqual([]);
      expect(await res.json()).toEqual({
        error: { code: 'UNAUTHORIZED', message: 'Wrong username or password.' },
      });
    }
    const db = new Database(stack.databaseFile, { readonly: true });
    const row = db.prepare('SELECT password_hash FROM users WHERE username = ?').get('alice') as {
      password_hash: string;
    };
    db.close();
    expect(row.password_hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(row.password_hash).not.toContain(TEST_ADMIN.password);
  });

  it('[A3] five failed sign-ins lock the account for a while; the 429 says when to retry', async () => {
    const stack = await start();
    const attempt = (password: string) =>
      api({ url: stack.url }, '/api/v1/auth/login', {
        method: 'POST',
        body: JSON.stringify({ username: 'ALICE', password }),
      });
    for (let i = 0; i < 5; i++) expect((await attempt(`guess-${i}`)).status).toBe(401);
    const locked = await attempt(TEST_ADMIN.password);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    const body = (await locked.json()) as { error: { code: string; message: string; retryAfterMs: number } };
    expect(body.error.code).toBe('RATE_LIMITED');
    expect(body.error.message).toMatch(/try again in 1[45] min/);
    // The session signed in before the lock still works.
    expect((await api(stack, '/api/v1/watchlist')).status).toBe(200);
  });

  it('[A3] twenty failed sign-ins from one address lock that address for every account', async () => {
    const stack = await start();
    for (let i = 0; i < 20; i++) {
      const res = await api({ url: stack.url }, '/api/v1/auth/login', {
        method: 'POST',
        body: JSON.stringify({ username: `user${i}`, password: 'wrong-password' }),
      });
      expect(res.status).toBe(401);
    }
    const res = await api({ url: stack.url }, '/api/v1/auth/login', {
      method: 'POST',
      body: JSON.stringify(TEST_ADMIN),
    });
    expect(res.status).toBe(429);
    // Twenty password hashes, each CPU-bound by design: 16-20 s alone on two cores, twice that beside other files.
  }, 90_000);

  it('[A4] signing out ends the session: the cookie is cleared, refused after, and its sockets are told and closed', async () => {
    const stack = await start();
    const second = await signIn(stack.url, TEST_ADMIN);
    const tabA = await client(stack);
    const tabB = await client(stack);
    const otherSession = await client({ url: stack.url, cookie: second });
    const endedA = new Promise<SessionEnded>((resolve) => tabA.once('session:ended', resolve));
    const endedB = new Promise<SessionEnded>((resolve) => tabB.once('session:ended', resolve));
    const res = await api(stack, '/api/v1/auth/logout', { method: 'POST', body: '{}' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ signedOut: true });
    expect(res.headers.getSetCookie()[0]).toMatch(/^livefolio_session=; Max-Age=0/);
    expect(await endedA).toEqual({ reason: 'signed-out' });
    expect(await endedB).toEqual({ reason: 'signed-out' });
    await waitFor(() => !tabA.connected && !tabB.connected, 2_000, 'both tabs to be closed');
    expect((await api(stack, '/api/v1/watchlist')).status).toBe(401);
    expect(await handshake(stack.url, { cookie: stack.cookie }, 'websocket')).toBe('refused');
    // Another session of the same user is not touched.
    expect(otherSession.connected).toBe(true);
    expect((await request(otherSession, 'watchlist:get', {})).ok).toBe(true);
  });
});
