/** One exchange's feed: wires its parts, runs each watch or poll call, reconnects, and starts and stops. */
import type { Exchange } from 'ccxt';
import type { Logger } from 'pino';
import type { FeedMode, FeedStatus } from '../../lib/protocol';
import { createBackoff, DEFAULT_BACKOFF } from './backoff';
import { createCcxtExchange, pickFeedMode } from './ccxt-exchange';
import { createConnectionGuard } from './connection-guard';
import {
  DEFAULT_MARKETS_REFRESH_MS,
  DEFAULT_POLL_MS,
  defaultModeFor,
  freshnessFor,
  hasHeartbeats,
  keepAliveSubscriptionFor,
  numericInfoKeysFor,
  watchdogMsFor,
  watchParamsFor,
} from './feed-defaults';
import { classifyError, errorMessage } from './feed-errors';
import { createFeedMarkets } from './feed-markets';
import { runMode } from './feed-modes';
import { createStatusReporter, initialStatus } from './feed-status';
import { Wake, withTimeout } from './signals';
import type { FreshnessRules } from './stream-health';
import { createStreamJudge } from './stream-judge';
import { subscribeRefusal } from './subscribe-refusals';
import { createTickIntake } from './tick-intake';
import { createUnsubscriber } from './unsubscriber';
import type { ExchangeSpec, FeedSink, MarketInfo } from './types';

/** Tuning and injected dependencies of a feed. */
export interface FeedOptions {
  log: Logger;
  /** No valid tick for this long: stale, close and reconnect. Default: per exchange (feed-defaults.ts). */
  watchdogMs?: number;
  /** Reconnect backoff; default 1 s doubling to 60 s, ±20 % jitter. */
  backoff?: { initialMs: number; maxMs: number };
  /** Period of loadMarkets(true); default 1 h. */
  marketsRefreshMs?: number;
  /** Poll period in poll mode; never faster than the exchange's rateLimit. Default 2 s. */
  pollMs?: number;
  now?: () => number;
  random?: () => number;
  /** Forces a mode the exchange supports instead of the best one (tests; an exchange whose watchTickers misbehaves). */
  mode?: FeedMode;
  /** Overrides the freshness rules of feed-defaults.ts (tests run them faster). */
  freshness?: Partial<FreshnessRules>;
}

/** One running exchange feed. */
export interface ExchangeFeed {
  start(): void;
  stop(): Promise<void>;
  /** The unified symbols to watch; may change any time. */
  setSymbols(symbols: readonly string[]): void;
  status(): FeedStatus;
  markets(): ReadonlyMap<string, MarketInfo>;
}

/** exchange.close() waits for the WebSocket close handshake, which a stalled server may never answer. */
const CLOSE_TIMEOUT_MS = 2_000;

type Outcome<T> = { kind: 'data'; value: T } | { kind: 'woken' };

/** Creates a feed for `spec`; nothing happens until start(). */
export function createExchangeFeed(spec: ExchangeSpec, sink: FeedSink, options: FeedOptions): ExchangeFeed {
  const log = options.log;
  const now = options.now ?? Date.now;
  const watchdogMs = options.watchdogMs ?? watchdogMsFor(spec.id);
  const marketsRefreshMs = options.marketsRefreshMs ?? DEFAULT_MARKETS_REFRESH_MS;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const backoff = createBackoff({ ...(options.backoff ?? DEFAULT_BACKOFF), random: options.random });
  const watchParams = watchParamsFor(spec.id);

  const stopper = new AbortController();
  const stopping = () => stopper.signal.aborted;
  /** Fired on anything a pending watch must give way to: new symbols, a failed connection, markets, stop. */
  const wake = new Wake();

  let exchange: Exchange | null = null;
  let requested: readonly string[] = [];
  let started = false;
  let stopPromise: Promise<void> | null = null;
  let runPromise: Promise<void> = Promise.resolve();
  const heartbeats = hasHeartbeats(spec.id);
  /** Why the connection is being redialled, from a failure until the next attempt; null while it runs. */
  let connectionTrouble: string | null = null;

  const status = createStatusReporter(initialStatus(spec), (s) => sink.status(s), { log, muted: stopping });
  const error = (message: string) => ({ message, at: now() });

  const markets = createFeedMarkets({
    exchangeId: spec.id,
    log,
    status,
    sink,
    backoff,
    signal: stopper.signal,
    now,
    onPublished: () => wake.fire(),
  });

  const judge = createStreamJudge({
    exchangeId: spec.id,
    log,
    now,
    status,
    signal: stopper.signal,
    wanted: () => markets.wanted(requested),
    trouble: () => connectionTrouble,
    // Kraken's WebSocket names are ccxt's unified ones but for renamed assets (its market's wsId).
    resolve: (name) =>
      markets.map().has(name)
        ? name
        : requested.find((s) => (exchange?.markets?.[s] as { wsId?: unknown } | undefined)?.wsId === name),
    onPolledChange: () => wake.fire(),
  });

  const connection = createConnectionGuard({
    log,
    watchdogMs,
    silence: heartbeats ? 'message (heartbeats come every second)' : undefined,
    backoff,
    signal: stopper.signal,
    close: closeExchange,
    onAttempt() {
      connectionTrouble = null;
      status.update({ state: 'connecting' });
    },
    onFailure(state, message, delayMs) {
      connectionTrouble = message;
      const reconnects = status.current().reconnects + 1;
      status.update({ state, reconnects, lastError: error(message) });
      log.info({ delayMs, state, reason: message }, 'reconnecting after backoff');
      wake.fire();
    },
  });

  const intake = createTickIntake({
    sink,
    status,
    log,
    now,
    validation: { numericInfoKeys: numericInfoKeysFor(spec.id) },
    isMarket: (symbol) => markets.map().has(symbol),
    servedAs: (symbol) => markets.servedAs(symbol),
    stopped: stopping,
    onValid: () => connection.alive(),
    onTick: (symbol, at, via) => judge.ticked(symbol, at, via),
    onMessage(message, at) {
      judge.heard(at);
      if (heartbeats) connection.heard();
      const refusal = subscribeRefusal(spec.id, message);
      if (refusal !== null) judge.refuse(refusal.symbol, refusal.reason);
    },
    onJunkLimit: (message) => connection.fail(connection.generation, 'down', message),
  });

  const subscriptions = createUnsubscriber({
    exchangeId: spec.id,
    log,
    watchParams,
    generation: () => connection.generation,
  });

  async function closeExchange(): Promise<void> {
    if (exchange === null) return;
    try {
      await withTimeout(exchange.close(), CLOSE_TIMEOUT_MS, undefined);
    } catch (err) {
      log.debug({ err }, 'exchange.close() failed');
    }
  }

  // --- symbols and markets ------------------------------------------------------------------

  /** The wanted symbols to watch on the stream: those priced by the fallback poll are left out. */
  function activeSymbols(): string[] {
    const polled = new Set(judge.polled());
    return markets.wanted(requested).filter((symbol) => !polled.has(symbol));
  }

  // --- one watch/fetch call ------------------------------------------------------------------

  function onCallError(err: unknown, atGeneration: number, symbols: readonly string[]): void {
    if (stopping()) return;
    const message = errorMessage(err);
    switch (classifyError(err)) {
      case 'closed':
        // After our own close (watchdog) the generation has moved on; otherwise someone else closed.
        return connection.fail(atGeneration, 'down', message);
      case 'bad-symbol': {
        const text = err instanceof Error ? err.message : '';
        const culprits = symbols.length === 1 ? symbols : symbols.filter((s) => text.includes(s));
        if (culprits.length === 0) return connection.fail(atGeneration, 'down', message);
        for (const symbol of culprits) markets.drop(symbol, message);
        return wake.fire();
      }
      case 'junk':
        return intake.junk(err);
      case 'network':
      case 'exchange':
        log.warn({ err: message }, 'ticker call failed');
        return connection.fail(atGeneration, 'down', message);
    }
  }

  /** Awaits `promise` unless a wake-up comes first; a promise given up on can never reject unhandled. */
  async function raceWake<T>(promise: Promise<T>): Promise<Outcome<T>> {
    promise.catch(() => undefined);
    const waiter = wake.wait();
    try {
      return await Promise.race([
        promise.then((value): Outcome<T> => ({ kind: 'data', value })),
        waiter.promise.then((): Outcome<T> => ({ kind: 'woken' })),
      ]);
    } finally {
      waiter.cancel();
    }
  }

  /** The connection generation whose socket has its keep-alive subscription. */
  let keptAlive = -1;

  /** Subscribes what keeps a quiet connection talking (Coinbase's heartbeats), once per connection. */
  function keepAlive(ex: Exchange, generation: number): void {
    if (keptAlive === generation) return;
    keptAlive = generation;
    const message = keepAliveSubscriptionFor(spec.id);
    const url = (ex.urls.api as { ws?: unknown }).ws;
    if (message === null || typeof url !== 'string') return;
    // Never resolves (ccxt only reads heartbeats); rejected when the socket closes, which the watches handle.
    ex.watch(url, 'heartbeats', message, 'heartbeats').catch(() => undefined);
  }

  /** One attempt: `call` raced against wake-ups, its result delivered, its error sorted. */
  async function attempt(symbols: string[], call: () => Promise<unknown>, onData: (v: unknown) => void) {
    const atGeneration = connection.begin();
    if (exchange !== null) keepAlive(exchange, atGeneration);
    try {
      const outcome = await raceWake(call());
      if (outcome.kind === 'data') onData(outcome.value);
    } catch (err) {
      onCallError(err, atGeneration, symbols);
    }
  }

  /** Waits for the reconnect gate, and for symbols while there are none; null when the loop must end. */
  async function nextSymbols(only?: string): Promise<string[] | null> {
    while (!stopping()) {
      await connection.ready();
      if (stopping()) return null;
      // Registered before reading the symbols, so a setSymbols() in between is not missed.
      const waiter = wake.wait();
      const symbols = activeSymbols().filter((s) => only === undefined || s === only);
      if (symbols.length > 0 || only !== undefined) {
        waiter.cancel();
        return symbols.length > 0 ? symbols : null;
      }
      connection.idle();
      await waiter.promise;
    }
    return null;
  }

  function ccxtLog(...args: unknown[]): void {
    const text = args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(' ');
    log.debug({ ccxt: text.slice(0, 300) }, 'ccxt log');
  }

  // --- lifecycle -------------------------------------------------------------------------------

  async function run(): Promise<void> {
    let ex: Exchange;
    try {
      ex = await createCcxtExchange(spec, { log: ccxtLog });
    } catch (err) {
      // A configuration error: retrying cannot fix it.
      log.error({ err: errorMessage(err) }, 'cannot create the exchange');
      status.update({ state: 'down', lastError: error(errorMessage(err)) });
      return;
    }
    exchange = ex;
    intake.instrument(ex);
    if (stopping()) return;
    const wantedMode = options.mode ?? spec.mode ?? defaultModeFor(spec.id);
    const mode = pickFeedMode(ex, wantedMode);
    if (wantedMode !== undefined && mode !== wantedMode) {
      log.warn({ mode: wantedMode }, 'mode not supported by the exchange; ignored');
    }
    const pollInterval = Math.max(pollMs, ex.rateLimit ?? 0);
    judge.begin({ ...freshnessFor(spec.id, mode, pollInterval, watchdogMs), ...options.freshness });
    status.update({ mode });
    log.info({ mode, url: spec.url }, 'feed starting');
    if (!(await markets.loadUntilLoaded(ex)) || stopping()) return;
    markets.refreshEvery(ex, marketsRefreshMs);
    // Streams that give no price are polled beside the stream loops (F6); a polling feed needs no second poll.
    const fallback = () =>
      judge.pollLoop(
        ex,
        pollInterval,
        (result, symbols) => intake.deliverMany(result, symbols, 'poll'),
        (err) => intake.junk(err),
      );
    const loop = runMode(mode, {
      ex,
      log,
      now,
      signal: stopper.signal,
      wake,
      connection,
      intake,
      subscriptions,
      watchParams,
      pollIntervalMs: pollInterval,
      activeSymbols,
      nextSymbols,
      attempt,
    });
    await Promise.all(mode === 'poll' ? [loop] : [loop, fallback()]);
  }

  return {
    start() {
      if (started || stopping()) return;
      started = true;
      runPromise = run().catch((err) => {
        log.error({ err }, 'feed loop crashed');
        status.update({ state: 'down', lastError: error(errorMessage(err)) });
      });
    },

    stop() {
      if (stopPromise !== null) return stopPromise;
      stopper.abort();
      status.dispose();
      wake.fire();
      judge.stop();
      markets.stop();
      stopPromise = (async () => {
        await closeExchange();
        await runPromise;
        log.info('feed stopped');
      })();
      return stopPromise;
    },

    setSymbols(symbols) {
      // Compared as a set: the same symbols in another order must not resubscribe.
      const next = [...new Set(symbols)].sort();
      if (next.length === requested.length && next.every((s, i) => s === requested[i])) return;
      requested = next;
      wake.fire();
    },

    status: () => ({ ...status.current() }),

    markets: () => markets.map(),
  };
}
