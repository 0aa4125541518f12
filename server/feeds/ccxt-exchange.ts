/** Builds the ccxt (pro) exchange instance for an ExchangeSpec, optionally pointed at another base URL. */
import ccxt from 'ccxt';
import type { Exchange } from 'ccxt';
import type { FeedMode } from '../../lib/protocol';
import { rewriteExchangeUrls } from './ccxt-url';
import type { ExchangeSpec } from './types';

/** Thrown for an id ccxt does not know; configuration, not a transient fault, so never retried. */
export class UnknownExchangeError extends Error {
  readonly code = 'UNKNOWN_EXCHANGE';
  constructor(readonly exchangeId: string) {
    super(`unknown exchange "${exchangeId}": not a ccxt exchange id (e.g. binance, kraken, coinbase)`);
    this.name = 'UnknownExchangeError';
  }
}

/** ms per unit of request cost against a loopback server; real exchanges keep their own rateLimit. */
export const LOOPBACK_RATE_LIMIT_MS = 1;

type ExchangeClass = new (config?: Record<string, unknown>) => Exchange;

function classFor(id: string): ExchangeClass {
  // Own-property lookups only: an id such as "constructor" or "__proto__" must not resolve to anything.
  const pro = ccxt.pro as unknown as Record<string, unknown>;
  if (Object.hasOwn(pro, id) && typeof pro[id] === 'function') return pro[id] as ExchangeClass;
  // REST-only exchanges (no ccxt.pro class) still work, through polling.
  const rest = ccxt as unknown as Record<string, unknown>;
  const known = (ccxt as unknown as { exchanges: unknown }).exchanges;
  if (Array.isArray(known) && known.includes(id) && typeof rest[id] === 'function') {
    return rest[id] as ExchangeClass;
  }
  throw new UnknownExchangeError(id);
}

/** True for URLs whose host is this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * A ccxt.pro instance for `spec` (a REST-only one when ccxt has no pro class for the id).
 * The rate limiter stays on for real exchanges; only a loopback URL (the demo exchange) turns it down.
 * ccxt's own WebSocket re-dial backoff is disabled because the feed loop runs its own, with injected
 * randomness, and two stacked backoffs would double every reconnect delay.
 */
export async function createCcxtExchange(
  spec: ExchangeSpec,
  hooks: { log?: (...args: unknown[]) => void } = {},
): Promise<Exchange> {
  const ExchangeCtor = classFor(spec.id);
  const loopback = spec.url !== null && isLoopbackUrl(spec.url);
  const config: Record<string, unknown> = {
    enableRateLimit: true,
    // watchTickers resolves with the tickers of the latest message only; the feed keeps its own view.
    newUpdates: true,
    options: {
      // Binance's loadMarkets otherwise also fetches futures (fapi/dapi): 3 calls where 1 serves a spot dashboard.
      ...(spec.id === 'binance'
        ? {
            fetchMarkets: { types: ['spot'] },
            // ccxt spreads each new symbol list over a new WebSocket, up to 50 of them; as the watched set
            // changes with the clients that would pile up connections. One connection carries 1024 streams.
            streamLimits: { spot: 1 },
          }
        : {}),
      ws: { backoff: { base: 0 } },
    },
  };
  if (loopback) config.rateLimit = LOOPBACK_RATE_LIMIT_MS;
  const exchange = new ExchangeCtor(config);
  // ccxt prints some failures (a WebSocket frame that is not JSON) with console.log; route them.
  if (hooks.log !== undefined) exchange.log = hooks.log;
  if (spec.url !== null) {
    const url = new URL(spec.url);
    exchange.urls.api = rewriteExchangeUrls(exchange.urls.api, spec.url) as Exchange['urls']['api'];
    // Node's ws refuses plain ws:// in ccxt until its http agent is loaded (NotSupported otherwise).
    if (url.protocol === 'http:') await exchange.loadHttpProxyAgent();
  }
  guardSends(exchange);
  return exchange;
}

type Sender = { send(message: unknown): Promise<unknown>; livefolioGuarded?: true };

/**
 * ccxt sends a subscription after its rate-limit throttle with `throttle().then(() => { client.send(m) })`,
 * dropping the promise: when the socket closed in between, the rejection is unhandled. The pending watch is
 * rejected by the close anyway, so the lost send is only marked handled here; callers still see it fail.
 */
function guardSends(exchange: Exchange): void {
  const client = exchange.client.bind(exchange);
  exchange.client = (url: string) => {
    const ws = client(url) as unknown as Sender;
    if (!ws.livefolioGuarded) {
      const send = ws.send.bind(ws);
      ws.send = (message) => {
        const sent = send(message);
        sent.catch(() => undefined);
        return sent;
      };
      ws.livefolioGuarded = true;
    }
    return ws as unknown as ReturnType<Exchange['client']>;
  };
}

/** The best way to get tickers from `ex`, or `forced` when the exchange supports it. */
export function pickFeedMode(ex: Exchange, forced?: FeedMode): FeedMode {
  const canPoll = Boolean(ex.has.fetchTickers || ex.has.fetchTicker);
  if (forced === 'poll' && canPoll) return forced;
  if (forced !== undefined && forced !== 'poll' && ex.has[forced]) return forced;
  if (ex.has.watchTickers) return 'watchTickers';
  if (ex.has.watchTicker) return 'watchTicker';
  return 'poll';
}

/** Tickers of `symbols` over REST: one fetchTickers call, or fetchTicker per symbol where there is none. */
export async function fetchTickersOf(ex: Exchange, symbols: readonly string[]): Promise<unknown> {
  if (ex.has.fetchTickers) return ex.fetchTickers([...symbols]);
  const out: Record<string, unknown> = {};
  for (const symbol of symbols) out[symbol] = await ex.fetchTicker(symbol);
  return out;
}

/**
 * loadMarkets(true) with ccxt's cache repaired on failure: ccxt keeps the rejected promise in
 * `marketsLoading`, and every later loadMarkets() (called inside many ccxt methods) would return it forever.
 */
export async function reloadMarkets(ex: Exchange): Promise<void> {
  try {
    await ex.loadMarkets(true);
  } catch (err) {
    const markets = ex.markets;
    ex.marketsLoading = (
      markets === undefined ? undefined : Promise.resolve(markets)
    ) as Exchange['marketsLoading'];
    throw err;
  }
}
