/** Waits between retries that end early, all at once, when the connection they belong to is gone. */

/** Delay before the first retry of a failed sync or resync; doubles each time up to MAX_RETRY_DELAY_MS. */
export const RETRY_DELAY_MS = 250;
/** Longest wait between two tries of a sync or resync. */
export const MAX_RETRY_DELAY_MS = 5_000;

/** The wait before try number `attempt` (from 0); a server's `retryAfterMs` is honoured when longer. */
export function retryDelay(attempt: number, retryAfterMs?: number): number {
  return Math.max(retryAfterMs ?? 0, Math.min(MAX_RETRY_DELAY_MS, RETRY_DELAY_MS * 2 ** attempt));
}

/** A set of pending waits that `cancel()` resolves at once. */
export class RetryTimers {
  private readonly pending = new Map<ReturnType<typeof setTimeout>, () => void>();

  /** Resolves after `ms`, or at `cancel()`, whichever comes first. */
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        resolve();
      }, ms);
      this.pending.set(timer, resolve);
    });
  }

  /** Ends every wait now. */
  cancel(): void {
    for (const [timer, resolve] of this.pending) {
      clearTimeout(timer);
      resolve();
    }
    this.pending.clear();
  }
}
