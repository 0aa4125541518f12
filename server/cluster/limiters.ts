/**
 * Where rate-limit counters live: in this process, or in Redis so that every instance of a cluster counts
 * against the same budget (a password guesser spreading attempts over instances gains nothing).
 */
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';

/** Makes a limiter of `points` per `durationSeconds` per key; `name` keeps the counters of two limiters apart. */
export type MakeLimiter = (name: string, points: number, durationSeconds: number) => RateLimiterAbstract;

export const memoryLimiters: MakeLimiter = (_name, points, duration) =>
  new RateLimiterMemory({ points, duration });

/**
 * Counters in Redis under `<prefix>:rl:<name>:`. While Redis cannot be reached each instance counts in its own
 * memory instead (rate-limiter-flexible's insurance limiter): limits loosen to per instance, requests still pass.
 */
export function redisLimiters(client: unknown, prefix: string): MakeLimiter {
  return (name, points, duration) =>
    new RateLimiterRedis({
      storeClient: client,
      useRedisPackage: true,
      keyPrefix: `${prefix}:rl:${name}`,
      points,
      duration,
      insuranceLimiter: new RateLimiterMemory({ points, duration }),
    });
}
