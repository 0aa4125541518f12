/**
 * Candle blocks shared by the instances of a cluster through Redis (REDIS_URL): one instance asks the exchange
 * for a block, the others read what it wrote. Redis being away costs only the sharing: every call then answers
 * as if nothing were shared, and each instance asks the exchange itself.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { RedisClient } from '../cluster/redis';
import type { Block } from './candle-cache';

/** What the history service asks of the cluster; absent without REDIS_URL. */
export interface SharedBlocks {
  /** The block another instance fetched, or null. */
  get(key: string): Promise<Block | null>;
  /** Shares a block for `ttlMs`. */
  put(key: string, block: Block, ttlMs: number): Promise<void>;
  /**
   * Takes the right to fetch a block from the exchange for `ttlMs`; returns a release function, or null while
   * another instance holds it (then wait for its block with `get`).
   */
  lock(key: string, ttlMs: number): Promise<(() => Promise<void>) | null>;
}

const candle = z.tuple([z.number(), z.number(), z.number(), z.number(), z.number(), z.number()]);
const stored = z.object({ c: z.array(candle), s: z.number().nullable(), k: z.number() });

// Only our own lock: after a slow fetch the key may have expired and been taken by another instance.
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** Blocks under `<prefix>:candles:<key>`, locks beside them. */
export function redisBlocks(client: RedisClient, prefix: string): SharedBlocks {
  const keyOf = (key: string) => `${prefix}:candles:${key}`;
  return {
    async get(key) {
      try {
        const text = await client.get(keyOf(key));
        if (text === null) return null;
        const parsed = stored.safeParse(JSON.parse(text));
        // The live candle is never shared: another instance's would be older than the one we would fetch.
        return parsed.success
          ? { candles: parsed.data.c, start: parsed.data.s, known: parsed.data.k, open: null }
          : null;
      } catch {
        return null;
      }
    },
    async put(key, block, ttlMs) {
      const text = JSON.stringify({ c: block.candles, s: block.start, k: block.known });
      await client
        .set(keyOf(key), text, { expiration: { type: 'PX', value: Math.max(1, Math.ceil(ttlMs)) } })
        .catch(() => undefined);
    },
    async lock(key, ttlMs) {
      const lockKey = `${keyOf(key)}:lock`;
      const token = randomBytes(8).toString('hex');
      try {
        const taken = await client.set(lockKey, token, {
          condition: 'NX',
          expiration: { type: 'PX', value: ttlMs },
        });
        if (taken !== 'OK') return null;
      } catch {
        // Redis away: nobody can be told, so this instance fetches for itself.
        return async () => {};
      }
      return async () => {
        await client.eval(RELEASE, { keys: [lockKey], arguments: [token] }).catch(() => undefined);
      };
    },
  };
}
