/** Where ccxt's tickers enter the server: validated, counted, and handed to the sink exactly once each. */
import type { Exchange } from 'ccxt';
import type { Logger } from 'pino';
import { validateTicker } from '../../lib/ticker-validation';
import type { ValidateTickerOptions } from '../../lib/ticker-validation';
import { classifyError, errorMessage } from './feed-errors';
import { safeCall } from './feed-status';
import type { StatusReporter } from './feed-status';
import type { FeedSink } from './types';

/** Consecutive junk errors (no valid tick between) after which the connection is redialled. */
export const JUNK_LIMIT = 5;

/** What the intake needs from its feed. */
export interface TickIntakeDeps {
  sink: FeedSink;
  status: StatusReporter;
  log: Logger;
  now: () => number;
  validation: ValidateTickerOptions;
  isMarket(symbol: string): boolean;
  /** After stop() nothing more reaches the sink. */
  stopped(): boolean;
  /** A valid tick was delivered. */
  onValid(): void;
  /** JUNK_LIMIT unparseable messages in a row: the connection is probably broken. */
  onJunkLimit(message: string): void;
}

/** The intake of one feed. */
export interface TickIntake {
  /** One ticker ccxt returned for `symbol`; the same object twice is delivered once. */
  deliver(symbol: string, raw: unknown, receivedAt: number): void;
  /** A dictionary of tickers (watchTickers, fetchTickers): those of `symbols` are delivered. */
  deliverMany(result: unknown, symbols: readonly string[]): void;
  /** Tickers ccxt cached while no watch was pending; see the comment in the implementation. */
  deliverCached(exchange: Exchange, symbols: readonly string[]): void;
  /** An error thrown by ccxt's parsing (HTML or truncated bodies), counted as one invalid tick. */
  junk(err: unknown): void;
  /** Hooks into the exchange's message handler so every unparseable WebSocket frame is counted. */
  instrument(exchange: Exchange): void;
}

/** Creates the intake. */
export function createTickIntake(deps: TickIntakeDeps): TickIntake {
  const { sink, status, log } = deps;
  // ccxt makes a new ticker object per message, so identity means "already handled".
  const lastSeen = new Map<string, unknown>();
  // Errors counted where ccxt threw them, so the watch they also reject does not count them twice.
  const countedJunk = new WeakSet<object>();
  let junkStreak = 0;

  function reject(symbol: string | null, reason: string): void {
    if (deps.stopped()) return;
    status.update({ invalidTicks: status.current().invalidTicks + 1 });
    log.debug({ symbol, reason }, 'invalid tick dropped');
    safeCall(log, 'invalid', () => sink.invalid(symbol, reason));
  }

  const intake: TickIntake = {
    deliver(symbol, raw, receivedAt) {
      if (deps.stopped() || lastSeen.get(symbol) === raw) return;
      lastSeen.set(symbol, raw);
      const result = validateTicker(raw, receivedAt, deps.validation);
      if (!result.ok) return reject(symbol, result.reason);
      const reported = (raw as { symbol: string }).symbol;
      if (reported !== symbol)
        return reject(symbol, `symbol: expected ${symbol}, got ${reported.slice(0, 40)}`);
      junkStreak = 0;
      deps.onValid();
      const patch = status.current().state === 'live' ? {} : { state: 'live' as const };
      status.update({ lastTickAt: receivedAt, ...patch });
      safeCall(log, 'ticker', () => sink.ticker(symbol, result.fields, receivedAt));
    },

    deliverMany(result, symbols) {
      const receivedAt = deps.now();
      if (typeof result !== 'object' || result === null || Array.isArray(result)) {
        return reject(
          null,
          `tickers: not a dictionary (got ${Array.isArray(result) ? 'array' : typeof result})`,
        );
      }
      const wanted = new Set(symbols);
      for (const [key, raw] of Object.entries(result)) {
        if (wanted.has(key)) intake.deliver(key, raw, receivedAt);
        // Markets watched before a symbols change still stream: ignored. A key that is no market at
        // all is ccxt passing on a garbled market id.
        else if (!deps.isMarket(key)) reject(null, `unknown market id in tickers: ${key.slice(0, 40)}`);
      }
    },

    // A watch resolves with the message that woke it. Frames that arrive together are handled by
    // ccxt in one go, and those after the first reach only its `tickers` cache: without this, lost.
    deliverCached(exchange, symbols) {
      const cache = exchange.tickers as Record<string, unknown> | undefined;
      if (cache === undefined) return;
      const receivedAt = deps.now();
      for (const symbol of symbols) {
        const raw = cache[symbol];
        if (raw !== undefined) intake.deliver(symbol, raw, receivedAt);
      }
    },

    junk(err) {
      if (typeof err === 'object' && err !== null) {
        if (countedJunk.has(err)) return;
        countedJunk.add(err);
      }
      reject(null, errorMessage(err));
      junkStreak += 1;
      if (junkStreak >= JUNK_LIMIT) {
        junkStreak = 0;
        deps.onJunkLimit(`${JUNK_LIMIT} unparseable messages in a row: ${errorMessage(err)}`);
      }
    },

    // ccxt rejects the pending watch with a parse error, but drops it silently when no watch is
    // pending; the wrapper sees both. ccxt's behaviour is unchanged: the error is rethrown to it.
    instrument(exchange) {
      const handleMessage = exchange.handleMessage;
      if (typeof handleMessage !== 'function') return;
      exchange.handleMessage = (client: unknown, message: unknown): void => {
        try {
          handleMessage.call(exchange, client, message);
        } catch (err) {
          if (classifyError(err) === 'junk') intake.junk(err);
          throw err;
        }
      };
    },
  };
  return intake;
}
