/** Several Livefolio instances of one cluster in this process: one demo exchange, one database, one Redis. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pino from 'pino';
import { createClient } from 'redis';
import type { ManagerOptions, SocketOptions } from 'socket.io-client';
import { afterEach } from 'vitest';
import { createApp } from '../../server/app';
import type { App } from '../../server/app';
import { loadConfig } from '../../server/config';
import { startDemoExchange } from '../../server/feeds/demo';
import type { DemoExchange } from '../../server/feeds/demo';
import { REDIS_URL } from './services';
import { connect, TEST_ADMIN, waitFor } from './stack';
import type { Client, Target } from './stack';

export interface Instance {
  app: App;
  url: string;
}

export interface Cluster {
  demo: DemoExchange;
  /** The REDIS_PREFIX of this cluster's keys and streams. */
  prefix: string;
  instances: Instance[];
  close(): Promise<void>;
}

/**
 * Starts `count` instances sharing a database file and Redis, under a fresh REDIS_PREFIX so that test files
 * running at once never hear each other.
 */
export async function startCluster(
  count: number,
  env: Record<string, string> = {},
  options: { databaseFile?: string } = {},
): Promise<Cluster> {
  const demo = await startDemoExchange({ seed: 11, tickMs: 50 });
  const databaseFile =
    options.databaseFile ?? join(mkdtempSync(join(tmpdir(), 'livefolio-cluster-')), 'shared.db');
  const prefix = `livefolio-test-${randomBytes(4).toString('hex')}`;
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    // One secret key file for the instances, beside their shared database.
    DATA_DIR: dirname(databaseFile),
    EXCHANGES: 'binance',
    ADMIN_USERNAME: TEST_ADMIN.username,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    REDIS_URL: env.REDIS_URL ?? REDIS_URL,
    REDIS_PREFIX: prefix,
    ...env,
  });
  const instances: Instance[] = [];
  for (let i = 0; i < count; i++) {
    const app = await createApp({
      config,
      log: pino({ level: 'silent' }),
      exchanges: [{ id: 'binance', url: demo.url, simulated: true }],
      databaseFile,
    });
    const { port } = await app.listen(0, '127.0.0.1');
    instances.push({ app, url: `http://127.0.0.1:${port}` });
  }
  return {
    demo,
    prefix,
    instances,
    async close() {
      for (const { app } of instances) await app.close();
      await demo.close();
    },
  };
}

/**
 * For a test file: starts clusters and opens sockets that are all closed after each test. `cluster()` is the
 * current test's cluster.
 */
export function useCluster(): {
  start(count: number, env?: Record<string, string>, options?: { databaseFile?: string }): Promise<Cluster>;
  cluster(): Cluster;
  tab(target: Target, options?: Partial<ManagerOptions & SocketOptions>): Promise<Client>;
  /** Closes the current cluster now rather than after the test. */
  close(): Promise<void>;
} {
  let current: Cluster | undefined;
  const clients: Client[] = [];
  const close = async () => {
    const closing = current;
    current = undefined;
    await closing?.close();
  };
  afterEach(async () => {
    for (const c of clients.splice(0)) c.disconnect();
    await close();
  });
  return {
    close,
    async start(count, env, options) {
      current = await startCluster(count, env, options);
      return current;
    },
    cluster() {
      if (!current) throw new Error('no cluster started in this test');
      return current;
    },
    async tab(target, options) {
      const socket = await connect(target, options);
      clients.push(socket);
      return socket;
    },
  };
}

/**
 * Resolves once the holder of a lease (server/cluster/lease.ts) in Redis has renewed it `count` times: each
 * renewal resets the key's time to live, and every other contender asks for the key as often meanwhile.
 */
export async function leaseRenewals(key: string, count: number, timeoutMs = 10_000): Promise<void> {
  const redis = createClient({ url: REDIS_URL });
  await redis.connect();
  try {
    let previous = Infinity;
    let renewals = 0;
    await waitFor(
      async () => {
        const ttl = await redis.pTTL(key);
        if (ttl > previous) renewals++;
        previous = ttl;
        return renewals >= count;
      },
      timeoutMs,
      `${count} renewals of the lease ${key}`,
    );
  } finally {
    redis.destroy();
  }
}
