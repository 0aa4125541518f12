/** The Redis connection of a cluster (REDIS_URL): the socket.io adapter and the shared rate limits use it. */
import { createClient } from 'redis';
import type { Logger } from 'pino';

export type RedisClient = ReturnType<typeof createClient>;

/** A client that reconnects by itself (0.2 s more per attempt, at most 5 s apart); not connected yet. */
export function createRedis(url: string, log: Logger): RedisClient {
  const client = createClient({
    url,
    socket: { reconnectStrategy: (retries: number) => Math.min((retries + 1) * 200, 5_000) },
  });
  // node-redis emits 'error' on every failed attempt, and an unheard 'error' would end the process: say it once
  // per outage.
  let down = false;
  client.on('error', (err: unknown) => {
    if (!down) log.warn({ err }, 'Redis cannot be reached; retrying');
    down = true;
  });
  client.on('ready', () => {
    if (down) log.info('Redis reached again');
    down = false;
  });
  return client;
}
