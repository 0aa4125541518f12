/**
 * A cluster of production server processes (`npm start`, each on its own port) on one demo exchange, one Redis
 * and one PostgreSQL database (a schema of its own), behind a test balancer: what tests/cluster/processes.test.ts
 * kills and restarts.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoExchange } from '../../server/feeds/demo';
import type { DemoExchange } from '../../server/feeds/demo';
import { startBalancer } from './balancer';
import type { Balancer } from './balancer';
import { startServerProcess } from './server-process';
import type { ServerProcess } from './server-process';
import { freshSchema, REDIS_URL } from './services';

export interface ProcessCluster {
  demo: DemoExchange;
  processes: ServerProcess[];
  balancer: Balancer;
  /** The process that says (in /metrics) it runs the feeds, among those given; null when none does. */
  leader(among?: ServerProcess[]): Promise<ServerProcess | null>;
  close(): Promise<void>;
}

/** A metric's value in a process's /metrics, or undefined when it does not answer. */
export async function metric(server: ServerProcess, name: string): Promise<string | undefined> {
  try {
    const text = await (await fetch(`${server.url}/metrics`, { signal: AbortSignal.timeout(2_000) })).text();
    return new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1];
  } catch {
    return undefined;
  }
}

export async function startProcessCluster(
  count: number,
  env: Record<string, string> = {},
): Promise<ProcessCluster> {
  const demo = await startDemoExchange({ seed: 23, tickMs: 100 });
  const dataDir = mkdtempSync(join(tmpdir(), 'livefolio-processes-'));
  const schema = await freshSchema();
  const shared = {
    EXCHANGES: `binance@${demo.url}`,
    DATA_DIR: dataDir,
    DATABASE_URL: schema.url,
    REDIS_URL,
    // DATABASE_URL with REDIS_URL: the instances must share one secret key.
    SECRET_KEY: randomBytes(32).toString('base64'),
    REDIS_PREFIX: `livefolio-test-${randomBytes(4).toString('hex')}`,
    FEED_LEASE_MS: '2000',
    LOG_LEVEL: 'info',
    ...env,
  };
  const options = { demo: false, env: shared, startTimeoutMs: 60_000 };
  // All at once, as a container host starts them: each migrates the database and makes sure of the admin account.
  const processes = await Promise.all(Array.from({ length: count }, () => startServerProcess(options)));
  const balancer = await startBalancer(processes.map((p) => p.port));
  return {
    demo,
    processes,
    balancer,
    async leader(among = processes) {
      const flags = await Promise.all(among.map((p) => metric(p, 'livefolio_feed_leader')));
      const leaders = among.filter((_, i) => flags[i] === '1');
      return leaders.length === 1 ? (leaders[0] as ServerProcess) : null;
    },
    async close() {
      await balancer.close();
      await Promise.all(processes.map((p) => p.close()));
      await demo.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
