/** Several Livefolio instances of one cluster in this process: one demo exchange, one database, one Redis. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createApp } from '../../server/app';
import type { App } from '../../server/app';
import { loadConfig } from '../../server/config';
import { startDemoExchange } from '../../server/feeds/demo';
import type { DemoExchange } from '../../server/feeds/demo';
import { REDIS_URL } from './services';
import { TEST_ADMIN } from './stack';

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
export async function startCluster(count: number, env: Record<string, string> = {}): Promise<Cluster> {
  const demo = await startDemoExchange({ seed: 11, tickMs: 50 });
  const databaseFile = join(mkdtempSync(join(tmpdir(), 'livefolio-cluster-')), 'shared.db');
  const prefix = `livefolio-test-${randomBytes(4).toString('hex')}`;
  const config = loadConfig({
    LOG_LEVEL: 'silent',
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
