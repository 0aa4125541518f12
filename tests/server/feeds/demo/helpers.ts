/** Shared setup for the demo exchange tests: a real ccxt binance client pointed at a demo on loopback. */
import ccxt from 'ccxt';
import type { Ticker } from 'ccxt';
import { rewriteExchangeUrls } from '../../../../server/feeds/ccxt-url';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startDemoExchange } from '../../../../server/feeds/demo/index';
import type { DemoExchange } from '../../../../server/feeds/demo/index';
import type { SimulatedExchange } from '../../../../server/feeds/demo/venue';

/** The production class, unmodified; only its URLs and rate limit are changed, as the feed does. */
export type DemoClient = InstanceType<typeof ccxt.pro.binance>;

type Simulated = 'binance' | 'coinbase' | 'kraken';

const open = new Set<{ close(): Promise<unknown> }>();

/** A real ccxt.pro client of `id` on a simulated exchange, markets loaded unless `load` is false. */
export async function simulatedClient<K extends Simulated>(
  id: K,
  exchange: SimulatedExchange,
  { load = true, options = {} }: { load?: boolean; options?: Record<string, unknown> } = {},
): Promise<InstanceType<(typeof ccxt.pro)[K]>> {
  const Client = ccxt.pro[id] as unknown as new (config: object) => InstanceType<(typeof ccxt.pro)[K]>;
  const ex = new Client({ enableRateLimit: false, options });
  const urls = ex.urls as { api: unknown };
  urls.api = rewriteExchangeUrls(urls.api, exchange.url);
  await ex.loadHttpProxyAgent(); // plain ws:// needs it in Node
  open.add(ex);
  if (load) await ex.loadMarkets();
  return ex;
}

/** A ccxt.pro.binance client on the demo; `spotOnly: false` keeps ccxt's default (spot+linear+inverse) loadMarkets. */
export function binanceClient(
  demo: DemoExchange,
  { spotOnly = true, load = true }: { spotOnly?: boolean; load?: boolean } = {},
): Promise<DemoClient> {
  const options = spotOnly ? { fetchMarkets: { types: ['spot'] } } : {};
  return simulatedClient('binance', demo, { load, options });
}

/** Closes every client made by simulatedClient; call from afterEach so nothing keeps a socket open. */
export async function closeClients(): Promise<void> {
  const clients = [...open];
  open.clear();
  await Promise.all(clients.map((ex) => ex.close()));
}

/** Resolves with the promise's value, or 'timeout' after ms; never rejects because of the timer. */
export function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A raw HTTP answer: its status and headers, its text, and that text parsed as JSON (undefined when it is not). */
export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
  body: unknown;
}

/** Fetches a URL and keeps everything a test may look at, even an answer that is not JSON. */
export async function fetchRaw(url: string, init?: RequestInit): Promise<RawAnswer> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, text, body };
}

/** What a promise settled with, so a test can assert on rejections and values alike. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Settles a promise into an Outcome. */
export function settle<T>(promise: Promise<T>): Promise<Outcome<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

/** A ccxt ticker's bid and ask, asserting they exist. */
export function book(ticker: Ticker | undefined): { bid: number; ask: number } {
  if (ticker?.bid === undefined || ticker.ask === undefined) throw new Error('ticker without bid/ask');
  return { bid: ticker.bid, ask: ticker.ask };
}

/**
 * One demo exchange for a test file (started before, closed after), with faults cleared and clients closed after
 * each test; `get` is a raw GET for what ccxt hides (status codes, exact bodies).
 */
export function useDemo(seed: number): {
  demo(): DemoExchange;
  get(path: string): Promise<{ status: number; body: unknown }>;
} {
  let demo: DemoExchange | undefined;
  beforeAll(async () => {
    demo = await startDemoExchange({ seed, tickMs: 50 });
  });
  afterEach(async () => {
    demo?.faults.resume();
    await closeClients();
  });
  afterAll(async () => {
    await demo?.close();
  });
  const current = () => {
    if (!demo) throw new Error('the demo exchange is not started yet');
    return demo;
  };
  return {
    demo: current,
    async get(path) {
      const res = await fetch(current().url + path);
      return { status: res.status, body: await res.json() };
    },
  };
}
