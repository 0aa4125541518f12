/** Holds one feed's FeedStatus and tells the sink when a part worth telling changes. */
import type { Logger } from 'pino';
import type { FeedStatus } from '../../lib/protocol';

/** invalidTicks changes are reported at most this often: a burst of garbage must not become a burst of statuses. */
export const INVALID_REPORT_MS = 1_000;

/** The status of a feed and its reporting to the sink. */
export interface StatusReporter {
  current(): FeedStatus;
  update(patch: Partial<FeedStatus>): void;
  /** Cancels a pending report; nothing is reported after it. */
  dispose(): void;
}

/** A feed's status before it has done anything. */
export function initialStatus(spec: { id: string; simulated: boolean }): FeedStatus {
  return {
    exchange: spec.id,
    state: 'connecting',
    simulated: spec.simulated,
    mode: null,
    lastTickAt: null,
    reconnects: 0,
    invalidTicks: 0,
    lastError: null,
    markets: 0,
    streams: {},
  };
}

/** Runs a sink callback; a sink that throws must not take the feed down with it. */
export function safeCall(log: Logger, what: string, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    log.error({ err }, `feed sink ${what} threw`);
  }
}

/**
 * A reporter starting at `initial`. A change of state, mode, reconnects, markets, lastError or streams (a new object) is
 * reported at once; of invalidTicks, at most once per INVALID_REPORT_MS (the latest count);
 * lastTickAt changes with every tick and is never reported on its own (read it from current()).
 */
export function createStatusReporter(
  initial: FeedStatus,
  emit: (status: FeedStatus) => void,
  options: { log: Logger; muted: () => boolean },
): StatusReporter {
  let current = initial;
  let lastReportAt = -Infinity;
  let pending: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;

  function report(): void {
    if (pending !== null) clearTimeout(pending);
    pending = null;
    if (disposed || options.muted()) return;
    lastReportAt = performance.now();
    safeCall(options.log, 'status', () => emit({ ...current }));
  }

  return {
    current: () => current,
    update(patch) {
      const previous = current;
      current = { ...current, ...patch };
      const visible =
        current.state !== previous.state ||
        current.mode !== previous.mode ||
        current.reconnects !== previous.reconnects ||
        current.markets !== previous.markets ||
        current.lastError !== previous.lastError ||
        current.streams !== previous.streams;
      if (visible) return report();
      if (current.invalidTicks === previous.invalidTicks || pending !== null) return;
      const wait = lastReportAt + INVALID_REPORT_MS - performance.now();
      if (wait <= 0) report();
      else pending = setTimeout(report, wait);
    },
    dispose() {
      disposed = true;
      if (pending !== null) clearTimeout(pending);
      pending = null;
    },
  };
}
