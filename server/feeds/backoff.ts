/** Exponential backoff with jitter for reconnecting to exchanges. */

/** How a backoff grows; the defaults match what real exchanges tolerate (ccxt's own: 1 s ×2, cap 60 s, ±20 %). */
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  /** Growth per failed attempt; default 2. */
  factor?: number;
  /** Fraction of the delay randomised either way; default 0.2 (±20 %). */
  jitter?: number;
  /** Returns [0, 1); injected so tests are deterministic. */
  random?: () => number;
}

/** A backoff sequence: next() gives the delay before the next attempt; reset() after a success. */
export interface Backoff {
  next(): number;
  reset(): void;
  /** Failed attempts since the last reset. */
  readonly attempts: number;
}

/** Reconnect defaults for real exchanges. */
export const DEFAULT_BACKOFF = { initialMs: 1_000, maxMs: 60_000 } as const;

/**
 * Delay n (from 0) is initialMs × factor^n, capped at maxMs, then spread by ±jitter so many feeds
 * restarted together do not hammer an exchange in lockstep. The jittered value never exceeds maxMs.
 */
export function createBackoff(options: BackoffOptions): Backoff {
  const factor = options.factor ?? 2;
  const jitter = Math.min(Math.max(options.jitter ?? 0.2, 0), 1);
  const random = options.random ?? Math.random;
  const initialMs = Math.max(0, options.initialMs);
  const maxMs = Math.max(initialMs, options.maxMs);
  let attempts = 0;
  return {
    next() {
      // The exponent is bounded so a feed down for days cannot overflow to Infinity.
      const base = Math.min(maxMs, initialMs * factor ** Math.min(attempts, 64));
      attempts += 1;
      const spread = 1 - jitter + 2 * jitter * random();
      return Math.round(Math.min(maxMs, base * spread));
    },
    reset() {
      attempts = 0;
    },
    get attempts() {
      return attempts;
    },
  };
}
