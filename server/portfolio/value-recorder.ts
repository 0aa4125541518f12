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
    users: () => User[];
    history: ValueHistoryStore;
    log: Logger;
    /** False on the instances of a cluster that do not run the feeds: one of them records for all. */
    active?: () => boolean;
  },
  options: ValueRecorderOptions,
): () => void {
  const recordAll = () => {
    if (deps.active && !deps.active()) return;
    const timeMs = Date.now();
    for (const user of deps.users()) {
      try {
        const valued = deps.portfolio.portfolio(user.id, 'fifo', user.quoteCurrency);
        if (valued.assets.length === 0 || !valued.complete) continue;
        const point = { timeMs, currency: valued.quoteCurrency, value: valued.totals.marketValue };
        deps.history.record(user.id, point, options.keep);
      } catch (err) {
        deps.log.error({ err, user: user.id }, 'could not record a portfolio value');
      }
    }
  };
  const timer = setInterval(recordAll, options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
