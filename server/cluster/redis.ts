/** The Redis connection of a cluster (REDIS_URL): the socket.io adapter and the shared rate limits use it. */
import { createClient } from 'redis';
import type { Logger } from 'pino';

export type RedisClient = ReturnType<typeof createClient>;

/**
 * A client that reconnects by itself (0.2 s more per attempt, at most 5 s apart); not connected yet.
 * `failFast`: while Redis is away a command fails at once instead of waiting in a queue, which the rate limits
 * need (they then count in memory, rather than hold every request until Redis returns). The socket.io adapter
 * needs the queue: it reads in a loop that would spin on commands failing at once.
 */
export function createRedis(url: string, log: Logger, options: { failFast?: boolean } = {}): RedisClient {
  const client = createClient({
    url,
    disableOfflineQueue: options.failFast === true,
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
