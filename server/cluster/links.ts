/**
 * What an instance shares with the rest of its cluster when REDIS_URL is set: broadcasts (the socket.io Redis
 * Streams adapter) and rate-limit counters; without it, counters in memory and nothing to connect.
 */
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Logger } from 'pino';
import type { Server } from 'socket.io';
import type { Config } from '../config';
import { memoryLimiters, redisLimiters } from './limiters';
import type { MakeLimiter } from './limiters';
import { createRedis } from './redis';

export interface ClusterLinks {
  limiters: MakeLimiter;
  /** Whether both Redis connections are up; absent without REDIS_URL. */
  connected?: () => boolean;
  /** Connects to Redis and puts the adapter on `io`; before any client connects. */
  attach(io: Server): Promise<void>;
  close(): Promise<void>;
}

export function createClusterLinks(
  config: Pick<Config, 'REDIS_URL' | 'REDIS_PREFIX'>,
  log: Logger,
): ClusterLinks {
  if (!config.REDIS_URL) return { limiters: memoryLimiters, attach: async () => {}, close: async () => {} };
  const redisLog = log.child({ module: 'redis' });
  // The adapter needs the offline queue (its read loop would spin on commands failing at once); the counters
  // must fail fast so that requests never wait for Redis (redis.ts).
  const broadcasts = createRedis(config.REDIS_URL, redisLog);
  const counters = createRedis(config.REDIS_URL, redisLog, { failFast: true });
  return {
    limiters: redisLimiters(counters, config.REDIS_PREFIX),
    connected: () => broadcasts.isReady && counters.isReady,
    async attach(io) {
      await Promise.all([broadcasts.connect(), counters.connect()]);
      const channel = `${config.REDIS_PREFIX}:socket.io`;
      io.adapter(createAdapter(broadcasts, { streamName: channel, channelPrefix: channel }));
    },
    async close() {
      // The adapter's reading connection is a duplicate the adapter never closes: destroy() ends every one.
      for (const client of [broadcasts, counters])
        if (client.isOpen) await client.close().catch(() => client.destroy());
    },
  };
}
