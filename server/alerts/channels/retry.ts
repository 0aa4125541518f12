/**
 * When a failed delivery is tried again (docs/alert-channels.md N4): after 30 s, 1, 2, 4 and 8 minutes, then
 * never. A failure that cannot pass later (a 4xx other than 408 and 429, a refused target) is not retried; a
 * receiver that asked to wait (Retry-After, retry_after) is not asked again sooner, within an hour.
 */
import type { SendFailure } from './send-result';

/** The waits before each retry: five retries, fifteen and a half minutes in all. */
export const RETRY_DELAYS_MS: readonly number[] = [30_000, 60_000, 120_000, 240_000, 480_000];

/** The longest a receiver's own Retry-After delays a delivery. */
export const MAX_RETRY_AFTER_MS = 3_600_000;

/**
 * When the delivery is tried next after its `attempts`-th attempt failed with `failure`, or null when it has
 * failed for good.
 */
export function nextAttemptAt(
  failure: SendFailure,
  attempts: number,
  now: number,
  delays: readonly number[] = RETRY_DELAYS_MS,
): number | null {
  if (!failure.retry) return null;
  const delay = delays[attempts - 1];
  if (delay === undefined) return null;
  const asked = Math.min(failure.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS);
  return now + Math.max(delay, asked);
}
