/** Records every user's portfolio value at a fixed interval, for the value-history chart. */
import type { Logger } from 'pino';
import type { User } from '../store/user-store';
import type { ValueHistoryStore } from '../store/value-history-store';
import type { PortfolioService } from './portfolio-service';

export interface ValueRecorderOptions {
  intervalMs: number;
  /** Points kept per user. */
  keep: number;
}

/**
 * Starts recording; returns the function that stops it. A value is recorded only when every holding is priced
 * (`complete`): a total that leaves something out would draw a false drop.
 */
export function startValueRecorder(
  deps: {
    portfolio: PortfolioService;
    users: () => Promise<User[]>;
    history: ValueHistoryStore;
    log: Logger;
    /** False on the instances of a cluster that do not run the feeds: one of them records for all. */
    active?: () => boolean;
  },
  options: ValueRecorderOptions,
): () => void {
  let running = false;
  const recordAll = async () => {
    if (deps.active && !deps.active()) return;
    const timeMs = Date.now();
    for (const user of await deps.users()) {
      try {
        const valued = await deps.portfolio.portfolio(user.id, 'fifo', user.quoteCurrency);
        if (valued.assets.length === 0 || !valued.complete) continue;
        const point = { timeMs, currency: valued.quoteCurrency, value: valued.totals.marketValue };
        await deps.history.record(user.id, point, options.keep);
      } catch (err) {
        deps.log.error({ err, user: user.id }, 'could not record a portfolio value');
      }
    }
  };
  const timer = setInterval(() => {
    // A round that outlasts the interval (a slow database) is not overtaken by the next.
    if (running) return;
    running = true;
    recordAll()
      .catch((err: unknown) => deps.log.error({ err }, 'could not record portfolio values'))
      .finally(() => (running = false));
  }, options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
