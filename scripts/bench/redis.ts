/** With --instances ≥ 2: the Redis the instances share, seen from the bench: its CPU, and the run's keys. */
import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';

/** Where the cluster meets: REDIS_URL as the server reads it, or the Redis every machine of the project runs. */
export const benchRedisUrl = () => process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The Redis URL without its password, for progress lines. */
export function shownUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** A connection of the bench's own to the cluster's Redis, and the key prefix of this run. */
export interface BenchRedis {
  url: string;
  /** `livefolio-bench-<random>`: a run never meets another run's lease, streams or counters. */
  prefix: string;
  /** CPU seconds (user + system) the Redis server has used since it started: all its clients, not only ours. */
  cpuSeconds(): Promise<number>;
  /** Deletes every key of this run's prefix; returns how many. */
  dropKeys(): Promise<number>;
  close(): Promise<void>;
}

const field = (info: string, name: string) => Number(new RegExp(`^${name}:([0-9.]+)`, 'm').exec(info)?.[1]);

/** Connects, or throws saying that the cluster run needs Redis. */
export async function openBenchRedis(url: string): Promise<BenchRedis> {
  const client = createClient({ url, socket: { reconnectStrategy: false, connectTimeout: 5_000 } });
  // Without a listener, node-redis's 'error' event would end the bench; the failed command says enough.
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    if (client.isOpen) client.destroy();
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(`--instances 2 or more needs Redis at ${shownUrl(url)} (REDIS_URL): ${why}`, {
      cause: err,
    });
  }
  const prefix = `livefolio-bench-${randomBytes(4).toString('hex')}`;
  return {
    url,
    prefix,
    async cpuSeconds() {
      const info = await client.info('cpu');
      return field(info, 'used_cpu_sys') + field(info, 'used_cpu_user');
    },
    async dropKeys() {
      let dropped = 0;
      for await (const keys of client.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) {
        if (keys.length > 0) dropped += await client.unlink(keys);
      }
      return dropped;
    },
    async close() {
      if (client.isOpen) await client.close().catch(() => client.destroy());
    },
  };
}
