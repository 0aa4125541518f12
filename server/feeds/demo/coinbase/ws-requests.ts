/** Parses and checks a client's subscribe/unsubscribe message the way Coinbase's market data feed does. */
import type { FaultControl } from '../faults';
import type { ProductIndex } from './catalogue-index';

/** The channels served; Coinbase's other public channels (level2, market_trades, candles, status) are not modelled. */
export const CHANNELS = ['ticker', 'ticker_batch', 'heartbeats'] as const;
/** A channel this feed serves. */
export type Channel = (typeof CHANNELS)[number];

/** A valid request, or the error message Coinbase answers it with. */
export type ParsedRequest =
  | { ok: true; type: 'subscribe' | 'unsubscribe'; channel: Channel; productIds: string[] }
  | { ok: false; isSubscribe: boolean; message: string };

// Coinbase's Advanced Trade feed answers a refused subscription with this text and nothing more
// ({"type":"error","message":"failure to subscribe"}); unsubscribing fails alike.
const FAILURE = { subscribe: 'failure to subscribe', unsubscribe: 'failure to unsubscribe' };

const isChannel = (name: unknown): name is Channel => CHANNELS.includes(name as Channel);

/** Checks one text frame; refused products (a fault) are treated as unknown ones. */
export function parseRequest(raw: string, index: ProductIndex, faults: FaultControl): ParsedRequest {
  let msg: unknown;
  try {
    msg = JSON.parse(raw);
  } catch {
    return { ok: false, isSubscribe: false, message: FAILURE.subscribe };
  }
  const {
    type,
    channel,
    product_ids: ids,
  } = (typeof msg === 'object' && msg !== null ? msg : {}) as Record<string, unknown>;
  if (type !== 'subscribe' && type !== 'unsubscribe') {
    return { ok: false, isSubscribe: false, message: FAILURE.subscribe };
  }
  const fail = { ok: false as const, isSubscribe: type === 'subscribe', message: FAILURE[type] };
  if (!isChannel(channel)) return fail;
  if (ids !== undefined && !(Array.isArray(ids) && ids.every((id) => typeof id === 'string'))) return fail;
  const productIds = [...new Set((ids ?? []) as string[])];
  if (channel === 'heartbeats') return { ok: true, type, channel, productIds: [] };
  // Market data channels need products to subscribe; an unsubscribe without any leaves the channel entirely.
  if (type === 'subscribe' && productIds.length === 0) return fail;
  for (const id of productIds) {
    const product = index.byId(id);
    if (product === undefined || (type === 'subscribe' && faults.isRefused(product.symbol))) return fail;
  }
  return { ok: true, type, channel, productIds };
}
