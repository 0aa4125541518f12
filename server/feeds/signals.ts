/** Small async primitives for the feed loops: a re-armable wake-up signal and an abortable pause. */

/** One registration with a Wake: `promise` resolves at the next fire(); cancel() drops it unfired. */
export interface Waiter {
  promise: Promise<void>;
  cancel(): void;
}

/**
 * Wakes every waiter registered before fire(). Each wait() is its own promise, removed once fired or
 * cancelled, so a loop that waits once per tick for hours holds no growing list of reactions.
 */
export class Wake {
  private readonly waiters = new Set<() => void>();

  /** Registers a waiter; register before reading the state a fire() would change, or a fire can be missed. */
  wait(): Waiter {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => {
      resolve = r;
    });
    this.waiters.add(resolve);
    return { promise, cancel: () => this.waiters.delete(resolve) };
  }

  /** Resolves every registered waiter. */
  fire(): void {
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const resolve of waiters) resolve();
  }
}

/** Resolves after `ms`, or at once when `signal` aborts; never rejects, and leaves no timer behind. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Settles with `promise`, or resolves with `fallback` after `ms`; for teardown steps that may hang. */
export async function withTimeout<T, F>(promise: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<F>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
