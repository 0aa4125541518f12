/**
 * What an instance shares with the rest of its cluster when REDIS_URL is set: broadcasts (the socket.io Redis
 * Streams adapter) and rate-limit counters; without it, counters in memory and nothing to connect.
 */
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Server } from 'socket.io';
import { redisBlocks } from '../candles/shared-blocks';
import type { SharedBlocks } from '../candles/shared-blocks';
import type { Config } from '../config';
import type { FeedManager } from '../feeds/feed-manager';
import type { ExchangeSpec } from '../feeds/types';
import type { MarketState } from '../market/market-state';
import { ClusterFeeds } from './cluster-feeds';
import { FeedRelay } from './feed-relay';
import { Lease } from './lease';
import { memoryLimiters, redisLimiters } from './limiters';
import type { MakeLimiter } from './limiters';
import { createRedis } from './redis';

export interface ClusterLinks {
  limiters: MakeLimiter;
  /** Whether both Redis connections are up; absent without REDIS_URL. */
  connected?: () => boolean;
  /** Candle history blocks fetched by any instance, for all of them; absent without REDIS_URL. */
  candleBlocks?: SharedBlocks;
  /** Connects to Redis and puts the adapter on `io`; before any client connects. */
  attach(io: Server): Promise<void>;
  close(): Promise<void>;
  /** The exchange feeds, run once per cluster by the holder of a lease; absent without REDIS_URL. */
  feeds?(options: {
    specs: readonly ExchangeSpec[];
    market: MarketState;
    local(): FeedManager;
  }): ClusterFeeds;
}

export function createClusterLinks(
  config: Pick<Config, 'REDIS_URL' | 'REDIS_PREFIX' | 'FEED_LEASE_MS'>,
  log: Logger,
): ClusterLinks {
  if (!config.REDIS_URL) return { limiters: memoryLimiters, attach: async () => {}, close: async () => {} };
  const redisLog = log.child({ module: 'redis' });
  // The adapter needs the offline queue (its read loop would spin on commands failing at once); the counters
  // must fail fast so that requests never wait for Redis (redis.ts).
  const broadcasts = createRedis(config.REDIS_URL, redisLog);
  const counters = createRedis(config.REDIS_URL, redisLog, { failFast: true });
  // The feed relay and the lease fail fast too: a leader that cannot reach Redis must know at once, and the
  // relay blocks its own connection while it waits for entries.
  const feedsClient = createRedis(config.REDIS_URL, redisLog, { failFast: true });
  const feedsReader = createRedis(config.REDIS_URL, redisLog, { failFast: true });
  const clients = [broadcasts, counters, feedsClient, feedsReader];
  const instance = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  return {
    limiters: redisLimiters(counters, config.REDIS_PREFIX),
    connected: () => clients.every((client) => client.isReady),
    // On the fail-fast connection: a request for candles never waits for Redis, it asks the exchange instead.
    candleBlocks: redisBlocks(counters, config.REDIS_PREFIX),
    feeds: ({ specs, market, local }) =>
      new ClusterFeeds({
        specs,
        market,
        local,
        instance,
        relay: new FeedRelay(feedsClient, feedsReader, config.REDIS_PREFIX, log.child({ module: 'relay' })),
        lease: (onChange) =>
          new Lease(feedsClient, {
            key: `${config.REDIS_PREFIX}:feeds:leader`,
            holder: instance,
            ttlMs: config.FEED_LEASE_MS,
            onChange,
          }),
        log: log.child({ module: 'cluster-feeds' }),
      }),
    async attach(io) {
      await Promise.all(clients.map((client) => client.connect()));
      const channel = `${config.REDIS_PREFIX}:socket.io`;
      io.adapter(createAdapter(broadcasts, { streamName: channel, channelPrefix: channel }));
    },
    async close() {
      // The adapter's reading connection is a duplicate the adapter never closes: destroy() ends every one.
      for (const client of clients) if (client.isOpen) await client.close().catch(() => client.destroy());
    },
  };
}
