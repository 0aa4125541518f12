/** Kraken WebSocket v2 requests (subscribe, unsubscribe, ping): validated, applied, answered per symbol. */
import { z } from 'zod';
import type { DemoTicker } from '../simulator';
import type { KrakenPair } from './markets';
import type { WireObject } from './rest-wire';
import type { Stamp } from './ws-wire';
import { ackMessage, errorMessage, pongMessage, tickerMessage } from './ws-wire';

/** What a request reads from the exchange. */
export interface RequestContext {
  /** The pair behind a v2 symbol (`BTC/USD`); v1 names (`XBT/USD`) are not v2 symbols and find nothing. */
  pairBySymbol(symbol: string): KrakenPair | undefined;
  /** A refused pair is answered exactly as a pair Kraken does not list. */
  isRefused(pair: KrakenPair): boolean;
  ticker(pair: KrakenPair): DemoTicker | undefined;
  now(): number;
}

/** Untrusted input: only the shape Kraken documents passes; `req_id` is an integer when present. */
const envelope = z.object({ method: z.string(), req_id: z.number().int().optional() }).loose();
const tickerParams = z
  .object({
    channel: z.literal('ticker'),
    symbol: z.array(z.string()).min(1),
    event_trigger: z.enum(['bbo', 'trades']).optional(),
    snapshot: z.boolean().optional(),
  })
  .strict();
// Channels Kraken serves on v2 that this simulation does not: refused rather than acknowledged and left silent.
const OTHER_CHANNELS = new Set(['book', 'trade', 'ohlc', 'instrument', 'level3', 'executions', 'balances']);

/** Applies one raw text frame to the connection's subscriptions; returns the messages to send, in order. */
export function handleRequest(
  raw: string,
  subscriptions: Set<string>,
  ctx: RequestContext,
  timeIn: number,
): WireObject[] {
  const stamp = (reqId: number | undefined): Stamp => ({ reqId, timeIn, now: ctx.now() });
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return [errorMessage('error', 'Malformed request', stamp(undefined))];
  }
  const request = envelope.safeParse(json);
  if (!request.success) return [errorMessage('error', 'Malformed request', stamp(undefined))];
  const {
    method,
    req_id: reqId,
    params,
  } = request.data as { method: string; req_id?: number; params?: unknown };
  if (method === 'ping') return [pongMessage(stamp(reqId))];
  if (method !== 'subscribe' && method !== 'unsubscribe') {
    return [errorMessage(method, 'Method not found', stamp(reqId))];
  }
  const channel = (params as { channel?: unknown } | undefined)?.channel;
  if (typeof channel === 'string' && OTHER_CHANNELS.has(channel)) {
    return [errorMessage(method, `Channel not supported: ${channel}`, stamp(reqId))];
  }
  const parsed = tickerParams.safeParse(params);
  if (!parsed.success) return [errorMessage(method, 'Malformed request', stamp(reqId))];
  const { symbol: symbols, event_trigger: trigger = 'trades', snapshot = true } = parsed.data;
  const out: WireObject[] = [];
  for (const symbol of symbols) {
    const pair = ctx.pairBySymbol(symbol);
    if (method === 'unsubscribe') {
      if (!subscriptions.delete(symbol)) {
        out.push(errorMessage(method, 'Subscription Not Found', stamp(reqId), symbol));
      } else {
        out.push(ackMessage(method, { channel: 'ticker', event_trigger: trigger, symbol }, stamp(reqId)));
      }
      continue;
    }
    if (pair === undefined || ctx.isRefused(pair)) {
      out.push(errorMessage(method, `Currency pair not supported ${symbol}`, stamp(reqId), symbol));
      continue;
    }
    if (subscriptions.has(symbol)) {
      out.push(errorMessage(method, 'Already subscribed', stamp(reqId), symbol));
      continue;
    }
    subscriptions.add(symbol);
    out.push(
      ackMessage(method, { channel: 'ticker', event_trigger: trigger, snapshot, symbol }, stamp(reqId)),
    );
    const ticker = ctx.ticker(pair);
    if (snapshot && ticker !== undefined) out.push(tickerMessage('snapshot', pair, ticker));
  }
  return out;
}
