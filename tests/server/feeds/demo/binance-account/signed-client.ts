/** Clients of the demo's signed endpoints: raw requests signed by Binance's documented procedure, and keyed ccxt. */
import { createHmac } from 'node:crypto';
import type { DemoExchange } from '../../../../../server/feeds/demo/index';
import {
  DEMO_BINANCE_KEY,
  DEMO_BINANCE_SECRET,
} from '../../../../../server/feeds/demo/binance-account/index';
import { fetchRaw, simulatedClient } from '../helpers';
import type { DemoClient, RawAnswer } from '../helpers';

/**
 * Binance's HMAC procedure as its docs give it, written here and not imported from the demo, so the demo is held
 * to the docs: the `parameter=value` pairs joined by `&` (already percent-encoded), signed with HMAC-SHA256 under
 * the secret key, the result as hex.
 */
export function binanceHmac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload, 'utf8').digest('hex');
}

/** Options of signedGet; every field has the value a well-behaved client would send. */
export interface SignedOptions {
  key?: string | null;
  secret?: string;
  /** Default: now. */
  timestamp?: number | string;
  recvWindow?: number | string;
  /** Default: computed over the query; `null` leaves it out. */
  signature?: string | null;
}

/** A GET of `path` with `params`, a timestamp and a signature appended last, as Binance's examples send them. */
export async function signedGet(
  baseUrl: string,
  path: string,
  params: Record<string, string | number> = {},
  options: SignedOptions = {},
): Promise<RawAnswer> {
  const { key = DEMO_BINANCE_KEY, secret = DEMO_BINANCE_SECRET, recvWindow } = options;
  const pairs = Object.entries(params).map(([name, value]) => `${name}=${encodeURIComponent(value)}`);
  if (recvWindow !== undefined) pairs.push(`recvWindow=${recvWindow}`);
  pairs.push(`timestamp=${options.timestamp ?? Date.now()}`);
  const payload = pairs.join('&');
  const signature = options.signature === undefined ? binanceHmac(secret, payload) : options.signature;
  const query = signature === null ? payload : `${payload}&signature=${signature}`;
  return rawGet(`${baseUrl}${path}?${query}`, key);
}

/** A GET of a full URL with the key header (none when `key` is null). */
export function rawGet(url: string, key: string | null = DEMO_BINANCE_KEY): Promise<RawAnswer> {
  return fetchRaw(url, { headers: key === null ? {} : { 'X-MBX-APIKEY': key } });
}

/** A ccxt binance client on the demo holding an API key pair; markets are loaded unless `load` is false. */
export async function keyedClient(
  demo: DemoExchange,
  { key = DEMO_BINANCE_KEY, secret = DEMO_BINANCE_SECRET, load = true } = {},
): Promise<DemoClient> {
  const ex = await simulatedClient('binance', demo, {
    load: false,
    options: { fetchMarkets: { types: ['spot'] } },
  });
  ex.apiKey = key;
  ex.secret = secret;
  if (load) await ex.loadMarkets();
  return ex;
}
