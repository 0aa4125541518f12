/** Where ccxt's tickers enter the server: validated, counted, and handed to the sink exactly once each. */
import type { Exchange } from 'ccxt';
import type { Logger } from 'pino';
import { validateTicker } from './ticker-validation';
import type { ValidateTickerOptions } from './ticker-validation';
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
  /** The symbol the exchange labels this watched symbol's tickers with, where it serves another market's data. */
  servedAs(symbol: string): string | undefined;
  /** After stop() nothing more reaches the sink. */
  stopped(): boolean;
  /** A valid tick was delivered from the stream. */
  onValid(): void;
  /** A valid tick of `symbol` was delivered, from the stream or from the fallback poll. */
  onTick(symbol: string, receivedAt: number, via: 'stream' | 'poll'): void;
  /** Every WebSocket message, before ccxt handles it: proof of life, and what the exchange says of subscriptions. */
  onMessage(message: unknown, receivedAt: number): void;
  /** JUNK_LIMIT unparseable messages in a row: the connection is probably broken. */
  onJunkLimit(message: string): void;
}

/** The intake of one feed. */
export interface TickIntake {
  /**
   * One ticker ccxt returned for `symbol`; the same object twice is delivered once. `via: 'poll'` is the fallback
   * poll of a stream that gave no price (F6): it prices the stream but says nothing of the connection.
   */
  deliver(symbol: string, raw: unknown, receivedAt: number, via?: 'stream' | 'poll'): void;
  /** A dictionary of tickers (watchTickers, fetchTickers): those of `symbols` are delivered. */
  deliverMany(result: unknown, symbols: readonly string[], via?: 'stream' | 'poll'): void;
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
    deliver(symbol, raw, receivedAt, via = 'stream') {
      if (deps.stopped() || lastSeen.get(symbol) === raw) return;
      lastSeen.set(symbol, raw);
      const result = validateTicker(raw, receivedAt, deps.validation);
      if (!result.ok) return reject(symbol, result.reason);
      const reported = (raw as { symbol: string }).symbol;
      if (reported !== symbol && reported !== deps.servedAs(symbol))
        return reject(symbol, `symbol: expected ${symbol}, got ${reported.slice(0, 40)}`);
      junkStreak = 0;
      if (via === 'stream') {
        deps.onValid();
        const patch = status.current().state === 'live' ? {} : { state: 'live' as const };
        status.update({ lastTickAt: receivedAt, ...patch });
      }
      deps.onTick(symbol, receivedAt, via);
      safeCall(log, 'ticker', () => sink.ticker(symbol, result.fields, receivedAt));
    },

    deliverMany(result, symbols, via = 'stream') {
      const receivedAt = deps.now();
      if (typeof result !== 'object' || result === null || Array.isArray(result)) {
        return reject(
          null,
          `tickers: not a dictionary (got ${Array.isArray(result) ? 'array' : typeof result})`,
        );
      }
      // Each key names the watched symbols it serves: itself, and those served with its data (BTC/USDC by BTC/USD).
      const wanted = new Map<string, string[]>();
      for (const symbol of symbols) {
        for (const key of new Set([symbol, deps.servedAs(symbol) ?? symbol])) {
          wanted.set(key, [...(wanted.get(key) ?? []), symbol]);
        }
      }
      for (const [key, raw] of Object.entries(result)) {
        const targets = wanted.get(key);
        if (targets !== undefined) for (const symbol of targets) intake.deliver(symbol, raw, receivedAt, via);
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
        const raw = cache[symbol] ?? cache[deps.servedAs(symbol) ?? symbol];
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
    // It also sees what ccxt keeps to itself: heartbeats, and per-symbol refusals filed where nothing awaits them.
    instrument(exchange) {
      const handleMessage = exchange.handleMessage;
      if (typeof handleMessage !== 'function') return;
      exchange.handleMessage = (client: unknown, message: unknown): void => {
        if (!deps.stopped()) deps.onMessage(message, deps.now());
        // ccxt hands on a frame it could not parse as the raw text; some exchanges' handlers ignore it silently.
        const unparsed = typeof message === 'string';
        if (unparsed) intake.junk(new Error(`unparseable message: ${message.slice(0, 40)}`));
        try {
          handleMessage.call(exchange, client, message);
        } catch (err) {
          // Counted once: as the unparsed frame, or as the error (the rejected watch reports it again).
          if (unparsed && typeof err === 'object' && err !== null) countedJunk.add(err);
          else if (classifyError(err) === 'junk') intake.junk(err);
          throw err;
        }
      };
    },
  };
  return intake;
}
