/** Test harness: the demo exchange and the real server on ephemeral ports, and real socket.io clients. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A running demo exchange and server. */
export interface Stack {
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
  env?: Record<string, string>;
  tickMs?: number;
  seed?: number;
  databaseFile?: string;
  watchdogMs?: number;
}

/** Starts the demo exchange and a server fed by it. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const demo = await startDemoExchange({ seed: options.seed ?? 7, tickMs: options.tickMs ?? 50 });
  const config = loadConfig({ LOG_LEVEL: 'silent', EXCHANGES: 'binance', ...options.env });
  const databaseFile = options.databaseFile ?? join(mkdtempSync(join(tmpdir(), 'livefolio-')), 'test.db');
  const exchanges = [{ id: 'binance', url: demo.url, simulated: true }];
  const build = () =>
    createApp({
      config,
      log: pino({ level: 'silent' }),
      exchanges,
      databaseFile,
      feedOptions: options.watchdogMs ? { watchdogMs: options.watchdogMs } : {},
    });
  let app = build();
  const address = await app.listen(0, '127.0.0.1');
  const stack: Stack = {
    demo,
    app,
    url: `http://127.0.0.1:${address.port}`,
    config,
    databaseFile,
    async restart() {
      await stack.app.close();
      app = build();
      stack.app = app;
      await app.listen(address.port, '127.0.0.1');
    },
    async close() {
      await stack.app.close();
      await demo.close();
    },
  };
  return stack;
}

/** Connects a real socket.io client and waits for the server's hello. */
export async function connect(
  url: string,
  options: Partial<ManagerOptions & SocketOptions> = {},
): Promise<Client> {
  const socket: Client = connectClient(url, { transports: ['websocket'], reconnection: false, ...options });
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
  client(stack: Stack, options?: Partial<ManagerOptions & SocketOptions>): Promise<Client>;
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
    async client(stack, options) {
      const c = await connect(stack.url, options);
      clients.push(c);
      return c;
    },
  };
}
