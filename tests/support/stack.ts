/** Test harness: the demo exchange and the real server on ephemeral ports, and real socket.io clients. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pino from 'pino';
import { afterEach } from 'vitest';
import { io as connectClient } from 'socket.io-client';
import type { Socket, ManagerOptions, SocketOptions } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../lib/protocol';
import { createApp } from '../../server/app';
import type { App } from '../../server/app';
import { loadConfig } from '../../server/config';
import type { Config } from '../../server/config';
import { startDemoExchange } from '../../server/feeds/demo';
import type { DemoExchange } from '../../server/feeds/demo';
import { startCoinbaseExchange } from '../../server/feeds/demo/coinbase/index';
import { startKrakenExchange } from '../../server/feeds/demo/kraken/index';
import type { SimulatedExchange } from '../../server/feeds/demo/venue';
import type { ExchangeSpec } from '../../server/feeds/types';

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The account every stack creates (as ADMIN_USERNAME / ADMIN_PASSWORD) and signs in with. */
export const TEST_ADMIN = { username: 'alice', password: 'alice-password-1' };

/** Where a client connects, and the session cookie it carries (none: signed out). */
export interface Target {
  url: string;
  cookie?: string | null;
}

/** A running demo exchange and server. */
export interface Stack extends Target {
  /** TEST_ADMIN's session cookie (`livefolio_session=…`); empty when the stack started without an account. */
  cookie: string;
  /** TEST_ADMIN's user id (whose watchlist `app.watchlist.list(userId)` reads). */
  userId: number;
  demo: DemoExchange;
  app: App;
  url: string;
  config: Config;
  databaseFile: string;
  /** Stops the server (not the demo exchange) and starts a new one on the same port and database. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface StackOptions {
  /** Environment over the defaults; `undefined` removes a default (ADMIN_USERNAME: no account at start). */
  env?: Record<string, string | undefined>;
  tickMs?: number;
  seed?: number;
  databaseFile?: string;
  watchdogMs?: number;
  /**
   * Exchange ids: `coinbase` and `kraken` each served by its own simulated exchange, any other by the one demo
   * exchange (ids of Binance's protocol: binance, binanceus).
   */
  exchanges?: string[];
  /** Where the server logs; silent by default. */
  log?: pino.Logger;
}

/** Starts the demo exchange and a server fed by it. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const demo = await startDemoExchange({ seed: options.seed ?? 7, tickMs: options.tickMs ?? 50 });
  const databaseFile = options.databaseFile ?? join(mkdtempSync(join(tmpdir(), 'livefolio-')), 'test.db');
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    // The secret key file is made beside the database, never in the project's own ./data.
    DATA_DIR: dirname(databaseFile),
    EXCHANGES: (options.exchanges ?? ['binance']).join(','),
    ADMIN_USERNAME: TEST_ADMIN.username,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    // Tests poll the API for conditions; a test about the limit itself sets its own.
    HTTP_RATE_LIMIT: '100000',
    ...options.env,
  });
  const venues: SimulatedExchange[] = [];
  const exchanges: ExchangeSpec[] = [];
  for (const id of options.exchanges ?? ['binance']) {
    const seed = options.seed ?? 7;
    const tickMs = options.tickMs ?? 50;
    const own =
      id === 'coinbase'
        ? await startCoinbaseExchange({ seed, tickMs })
        : id === 'kraken'
          ? await startKrakenExchange({ seed, tickMs })
          : null;
    if (own) venues.push(own);
    exchanges.push({ id, url: own?.url ?? demo.url, simulated: true });
  }
  const build = () =>
    createApp({
      config,
      log: options.log ?? pino({ level: 'silent' }),
      exchanges,
      databaseFile,
      feedOptions: options.watchdogMs ? { watchdogMs: options.watchdogMs } : {},
    });
  let app = await build();
  const address = await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${address.port}`;
  const stack: Stack = {
    cookie: config.ADMIN_USERNAME ? await signIn(url, TEST_ADMIN) : '',
    userId: (await app.accounts.users()).find((u) => u.username === TEST_ADMIN.username)?.id ?? -1,
    demo,
    app,
    url,
    config,
    databaseFile,
    async restart() {
      await stack.app.close();
      app = await build();
      stack.app = app;
      await app.listen(address.port, '127.0.0.1');
    },
    async close() {
      await stack.app.close();
      await demo.close();
      for (const venue of venues) await venue.close();
    },
  };
  return stack;
}

/** Signs in through the API; returns the session cookie as a Cookie header value. */
export async function signIn(
  url: string,
  credentials: { username: string; password: string },
): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (!response.ok) throw new Error(`sign-in as ${credentials.username} failed: ${response.status}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('livefolio_session='));
  if (!cookie) throw new Error('sign-in set no session cookie');
  return cookie.split(';')[0] as string;
}

/** Socket.io client options that send the target's cookie on every transport. */
export function withCookie(
  target: Target,
  options: Partial<ManagerOptions & SocketOptions> = {},
): Partial<ManagerOptions & SocketOptions> {
  return target.cookie
    ? { ...options, extraHeaders: { cookie: target.cookie, ...options.extraHeaders } }
    : options;
}

/** fetch() of a path on the target's server, with its cookie. */
export function api(target: Target, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (target.cookie) headers.set('cookie', target.cookie);
  if (typeof init.body === 'string' && !headers.has('content-type'))
    headers.set('content-type', 'application/json');
  return fetch(`${target.url}${path}`, { ...init, headers });
}

// API answers are read loosely on purpose: tests check what the API sends, not what its types promise.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = Record<string, any>;

/** A JSON request to the target's API: the status and the parsed body. */
export async function send(target: Target, method: string, path: string, body?: unknown) {
  const res = await api(target, path, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Loose };
}

/** Connects a real socket.io client with the target's cookie and waits for the server's hello. */
export async function connect(
  target: Target,
  options: Partial<ManagerOptions & SocketOptions> = {},
): Promise<Client> {
  const socket: Client = connectClient(
    target.url,
    withCookie(target, { transports: ['websocket'], reconnection: false, ...options }),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('server:hello', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Sends a request and resolves with its acknowledgement. */
export function request<E extends keyof ClientToServerEvents>(
  socket: Client,
  event: E,
  payload: unknown,
): Promise<Parameters<Parameters<ClientToServerEvents[E]>[1]>[0]> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return socket.timeout(5_000).emitWithAck(event as any, payload as any) as any;
}

/** Resolves when `check` is true, polling every 20 ms; rejects after `timeoutMs`. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5_000,
  what = 'condition',
): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Resolves after `ms`. */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Starts stacks and clients for a test file and closes them all after each test. */
export function autoClose(): {
  start(options?: StackOptions): Promise<Stack>;
  client(target: Target, options?: Partial<ManagerOptions & SocketOptions>): Promise<Client>;
} {
  const stacks: Stack[] = [];
  const clients: Client[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.disconnect();
    for (const s of stacks.splice(0)) await s.close();
  });
  return {
    async start(options) {
      const stack = await startStack(options);
      stacks.push(stack);
      return stack;
    },
    async client(target, options) {
      const c = await connect(target, options);
      clients.push(c);
      return c;
    },
  };
}
