/** Connection generations, the watchdog and the reconnect gate shared by every loop of one feed. */
import type { Logger } from 'pino';
import type { Backoff } from './backoff';
import { pause } from './signals';

/** What the feed loops ask of the connection; see createConnectionGuard. */
export interface ConnectionGuard {
  /** Before each watch/fetch: waits out a pending reconnect delay. */
  ready(): Promise<void>;
  /** Right before a watch/fetch: arms the watchdog; returns the generation the call belongs to. */
  begin(): number;
  /** A valid tick arrived: the watchdog starts over. */
  alive(): void;
  /** Any message arrived on an exchange whose heartbeats prove the connection alive: the watchdog starts over. */
  heard(): void;
  /** Nothing to watch: silence is no fault. */
  idle(): void;
  /** Ends generation `atGeneration` (stale: watchdog; down: an error); later reports of it are ignored. */
  fail(atGeneration: number, state: 'down' | 'stale', message: string): void;
  readonly generation: number;
}

/** Callbacks of the guard into the feed. */
export interface ConnectionGuardHooks {
  log: Logger;
  watchdogMs: number;
  /** What the watchdog waits for, in words (default "valid tick"). */
  silence?: string;
  backoff: Backoff;
  signal: AbortSignal;
  /** Closes every socket of the exchange (bounded in time); pending watches reject. */
  close(): Promise<void>;
  /** A new attempt starts (state connecting). */
  onAttempt(): void;
  /** A generation ended and a retry is scheduled after `delayMs`. */
  onFailure(state: 'down' | 'stale', message: string, delayMs: number): void;
}

/**
 * Every per-symbol loop sees the same dropped socket; the generation number makes that one reconnect.
 * The watchdog exists because ccxt never notices a socket that stays open but falls silent.
 */
export function createConnectionGuard(hooks: ConnectionGuardHooks): ConnectionGuard {
  let generation = 0;
  let attempted = -1;
  let gate: Promise<void> = Promise.resolve();
  let watchdog: ReturnType<typeof setTimeout> | null = null;

  function disarm(): void {
    if (watchdog !== null) clearTimeout(watchdog);
    watchdog = null;
  }

  function arm(): void {
    disarm();
    const atGeneration = generation;
    watchdog = setTimeout(() => {
      watchdog = null;
      hooks.log.warn({ watchdogMs: hooks.watchdogMs }, 'nothing within the watchdog timeout; reconnecting');
      guard.fail(atGeneration, 'stale', `no ${hooks.silence ?? 'valid tick'} within ${hooks.watchdogMs} ms`);
    }, hooks.watchdogMs);
  }

  const guard: ConnectionGuard = {
    ready: () => gate,
    begin() {
      if (attempted !== generation) {
        attempted = generation;
        hooks.onAttempt();
        arm();
      } else if (watchdog === null) {
        arm();
      }
      return generation;
    },
    alive() {
      hooks.backoff.reset();
      watchdog?.refresh();
    },
    heard() {
      watchdog?.refresh();
    },
    idle: disarm,
    fail(atGeneration, state, message) {
      if (atGeneration !== generation || hooks.signal.aborted) return;
      generation += 1;
      disarm();
      const delay = hooks.backoff.next();
      // Close first so the redial gets a fresh socket, not the stalled one still in ccxt's client cache.
      gate = hooks.close().then(() => pause(delay, hooks.signal));
      hooks.onFailure(state, message, delay);
    },
    get generation() {
      return generation;
    },
  };
  hooks.signal.addEventListener('abort', disarm, { once: true });
  return guard;
}
