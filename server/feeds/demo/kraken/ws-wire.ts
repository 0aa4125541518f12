/** Kraken WebSocket v2 messages: status, acknowledgements, ticker snapshots and updates, pong and errors. */
import type { DemoTicker } from '../simulator';
import type { KrakenPair } from './markets';
import type { WireObject } from './rest-wire';

/** The version string the status message reports; any 2.x matches what clients see from Kraken. */
export const WS_VERSION = '2.0.10';

/** RFC 3339 with microseconds, as Kraken stamps `time_in`/`time_out` (`2022-12-25T09:30:59.123456Z`). */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** Sent once on every new connection (and on engine status changes, which the simulation never has). */
export function statusMessage(connectionId: number): WireObject {
  return {
    channel: 'status',
    type: 'update',
    data: [{ api_version: 'v2', connection_id: connectionId, system: 'online', version: WS_VERSION }],
  };
}

/** `time_in`/`time_out` and the echoed `req_id` every response to a request carries. */
export interface Stamp {
  reqId: number | undefined;
  timeIn: number;
  now: number;
}

const stamped = (stamp: Stamp, body: WireObject): WireObject => ({
  ...body,
  ...(stamp.reqId === undefined ? {} : { req_id: stamp.reqId }),
  time_in: rfc3339(stamp.timeIn),
  time_out: rfc3339(stamp.now),
});

/** A successful per-symbol subscribe or unsubscribe acknowledgement. */
export function ackMessage(
  method: 'subscribe' | 'unsubscribe',
  result: WireObject,
  stamp: Stamp,
): WireObject {
  return stamped(stamp, { method, result, success: true });
}

/** A failed request; per-symbol failures name the symbol at the top level, as Kraken does. */
export function errorMessage(method: string, error: string, stamp: Stamp, symbol?: string): WireObject {
  return stamped(stamp, { error, method, success: false, ...(symbol === undefined ? {} : { symbol }) });
}

/** The answer to `{"method":"ping"}`. */
export function pongMessage(stamp: Stamp): WireObject {
  return stamped(stamp, { method: 'pong' });
}

/** Sent about once a second on a connection with a subscription. */
export const HEARTBEAT: WireObject = { channel: 'heartbeat' };

/** One ticker entry: numbers, not strings, as v2 sends them; `change_pct` in percent with 2 decimals. */
export function tickerData(pair: KrakenPair, t: DemoTicker): WireObject {
  const pd = pair.priceDecimals;
  return {
    symbol: pair.wsSymbol,
    bid: t.bid,
    bid_qty: t.bidQty,
    ask: t.ask,
    ask_qty: t.askQty,
    last: t.last,
    volume: t.baseVolume,
    vwap: Number(t.vwap.toFixed(pd)),
    low: t.low,
    high: t.high,
    change: t.change,
    change_pct: Math.round(t.percentage * 100) / 100,
    timestamp: rfc3339(t.timestamp),
  };
}

/** A ticker channel message: `snapshot` right after a subscribe, `update` on every trade after it. */
export function tickerMessage(type: 'snapshot' | 'update', pair: KrakenPair, t: DemoTicker): WireObject {
  return { channel: 'ticker', type, data: [tickerData(pair, t)] };
}
