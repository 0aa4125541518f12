/** Rate limits on what a client can trigger: requests per connection, connections per address. */
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { memoryLimiters } from '../cluster/limiters';
import type { MakeLimiter } from '../cluster/limiters';
import { AppError, text } from '../errors';

/** Rejections within one window after which a connection is closed as abusive. */
export const STRIKES_BEFORE_DISCONNECT = 20;

/** A limiter of `points` actions per `windowSeconds` per key, answering with AppError RATE_LIMITED. */
export class RequestLimiter {
  private readonly limiter: RateLimiterAbstract;
  private readonly strikes: RateLimiterAbstract;

  /** `name` keeps this limiter's counters apart from others' in a shared store. */
  constructor(points: number, windowSeconds: number, make: MakeLimiter = memoryLimiters, name = 'requests') {
    this.limiter = make(name, points, windowSeconds);
    this.strikes = make(`${name}-strikes`, STRIKES_BEFORE_DISCONNECT, windowSeconds);
  }

  /** Takes one action for `key`; throws RATE_LIMITED with the wait, marking `abusive` after repeated strikes. */
  async consume(key: string): Promise<void> {
    try {
      await this.limiter.consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const abusive = await this.strikes.consume(key).then(
        () => false,
        () => true,
      );
      throw Object.assign(
        new AppError('RATE_LIMITED', text('errors', 'tooManyRequests'), rejection.msBeforeNext),
        { abusive },
      );
    }
  }
}

/** True for a RATE_LIMITED error raised after repeated strikes. */
export function isAbusive(error: unknown): boolean {
  return error instanceof AppError && (error as AppError & { abusive?: boolean }).abusive === true;
}
