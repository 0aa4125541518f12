/** WebSocket side of the simulated Coinbase: the Advanced Trade market data feed (ticker, ticker_batch, heartbeats). */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { WireObject } from '../binance-wire';
import { delivered } from '../delivered';
import type { FaultControl } from '../faults';
import type { DemoTicker, Simulator } from '../simulator';
import type { WsHub } from '../ws-hub';
import type { CoinbaseMarket } from './catalogue';
import type { ProductIndex } from './catalogue-index';
import { corruptCoinbase } from './garbage';
import { goTime, isoNanos, wsTicker } from './wire';
import type { Channel } from './ws-requests';
import { parseRequest } from './ws-requests';

interface Connection {
  ws: WebSocket;
  /** Per connection, one more for every envelope sent (Coinbase's `sequence_num`), so clients can spot gaps. */
  sequence: number;
  /** Product ids as the client asked for them (-USDC ones included), per channel. */
  subs: Map<Channel, Set<string>>;
  /** Replies owed while stalled, sent on resume so a stall delays rather than loses them. */
  held: Array<() => void>;
  deadline?: NodeJS.Timeout;
}

/** What the feed reads and how often it beats. */
export interface FeedOptions {
  index: ProductIndex;
  simulator: Simulator;
  faults: FaultControl;
  now: () => number;
  /** Heartbeat period (Coinbase: one a second, scaled by tickMs/1000). */
  heartbeatMs: number;
  /** A connection that has not subscribed by then is closed (Coinbase: 5 s). */
  subscribeTimeoutMs: number;
}

/** The feed: the generic hub interface plus what the trading loop and the exchange call. */
export interface CoinbaseFeed extends Pick<
  WsHub,
  'handleUpgrade' | 'dropAll' | 'flushHeld' | 'delivered' | 'connections' | 'close'
> {
  publishTrade(market: CoinbaseMarket, ticker: DemoTicker): void;
  publishBatch(tickers: ReadonlyMap<string, DemoTicker>): void;
  subscribed(): string[];
}

/** Creates the feed; nothing is sent while the faults say stalled. */
export function createCoinbaseFeed(options: FeedOptions): CoinbaseFeed {
  const { index, simulator, faults, now, heartbeatMs, subscribeTimeoutMs } = options;
  const wss = new WebSocketServer({ noServer: true });
  const conns = new Set<Connection>();
  const startedAt = now();
  // One server-wide counter that keeps counting through a stall, so a client sees the beats it missed.
  let heartbeatCounter = 0;

  const open = (conn: Connection) => conn.ws.readyState === WebSocket.OPEN;
  const envelope = (conn: Connection, channel: string, events: unknown[]): WireObject => ({
    channel,
    client_id: '',
    timestamp: isoNanos(now()),
    sequence_num: conn.sequence++,
    events,
  });
  /** Builds at send time, so sequence numbers stay in sending order even for replies held through a stall. */
  const send = (conn: Connection, build: () => string) => {
    const go = () => {
      if (open(conn)) conn.ws.send(build());
    };
    if (faults.isStalled()) conn.held.push(go);
    else go();
  };
  /** The markets a connection's products on a channel carry data of (a -USDC product carries its -USD one's). */
  const marketsOf = (conn: Connection, channel: Channel): Set<CoinbaseMarket> => {
    const out = new Set<CoinbaseMarket>();
    for (const id of conn.subs.get(channel) ?? []) {
      const product = index.byId(id);
      if (product) out.add(product.market);
    }
    return out;
  };
  const subscriptionsEvent = (conn: Connection) => {
    const subscriptions: Record<string, string[]> = {};
    for (const [channel, ids] of conn.subs) {
      if (channel === 'heartbeats') subscriptions.heartbeats = ['heartbeats'];
      else if (ids.size > 0) subscriptions[channel] = [...ids];
    }
    return [{ subscriptions }];
  };

  function onMessage(conn: Connection, raw: string): void {
    const request = parseRequest(raw, index, faults);
    if (request.ok ? request.type === 'subscribe' : request.isSubscribe) clearTimeout(conn.deadline);
    if (!request.ok) {
      send(conn, () => JSON.stringify({ type: 'error', message: request.message }));
      return;
    }
    const { type, channel, productIds } = request;
    const current = conn.subs.get(channel) ?? new Set<string>();
    const added = productIds.filter((id) => !current.has(id));
    if (type === 'subscribe') {
      for (const id of productIds) current.add(id);
      conn.subs.set(channel, current);
    } else if (channel === 'heartbeats' || productIds.length === 0) {
      conn.subs.delete(channel);
    } else {
      for (const id of productIds) current.delete(id);
      if (current.size === 0) conn.subs.delete(channel);
    }
    send(conn, () => JSON.stringify(envelope(conn, 'subscriptions', subscriptionsEvent(conn))));
    if (type !== 'subscribe' || channel === 'heartbeats' || added.length === 0) return;
    // Market data channels open with a snapshot of the products just added, labelled with the market's own id.
    const markets = new Set(added.flatMap((id) => index.byId(id)?.market ?? []));
    const withBook = channel === 'ticker';
    send(conn, () => {
      const tickers = [...markets].flatMap((m) => {
        const ticker = simulator.ticker(m.symbol);
        return ticker ? [wsTicker(m, ticker, withBook)] : [];
      });
      return JSON.stringify(envelope(conn, channel, [{ type: 'snapshot', tickers }]));
    });
  }

  /** Sends one update per target connection; one garbage fault is spent on it if anyone receives it. */
  function publish(channel: Channel, pick: (conn: Connection) => WireObject[]): void {
    if (faults.isStalled()) return;
    const targets = [...conns].flatMap((conn) => {
      const tickers = open(conn) ? pick(conn) : [];
      return tickers.length > 0 ? [{ conn, tickers }] : [];
    });
    if (targets.length === 0) return;
    const kind = faults.takeGarbage();
    for (const { conn, tickers } of targets) {
      const body = envelope(conn, channel, [{ type: 'update', tickers }]);
      conn.ws.send(kind === undefined ? JSON.stringify(body) : corruptCoinbase(kind, body));
    }
  }

  const beat = setInterval(() => {
    heartbeatCounter += 1;
    if (faults.isStalled()) return;
    const at = now();
    for (const conn of conns) {
      if (!open(conn) || !conn.subs.has('heartbeats')) continue;
      const event = { current_time: goTime(at, at - startedAt), heartbeat_counter: heartbeatCounter };
      conn.ws.send(JSON.stringify(envelope(conn, 'heartbeats', [event])));
    }
  }, heartbeatMs).unref();

  return {
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
      // A reset during the handshake must not take the server down.
      socket.on('error', () => socket.destroy());
      wss.handleUpgrade(req, socket, head, (ws) => {
        const conn: Connection = { ws, sequence: 0, subs: new Map(), held: [] };
        // Coinbase disconnects a client that has not sent a subscribe message within 5 seconds.
        conn.deadline = setTimeout(() => ws.close(1000, 'subscribe timeout'), subscribeTimeoutMs).unref();
        conns.add(conn);
        ws.on('message', (data) => onMessage(conn, String(data)));
        ws.on('error', () => ws.terminate());
        ws.on('close', () => {
          clearTimeout(conn.deadline);
          conns.delete(conn);
        });
      });
    },
    publishTrade(market, ticker) {
      publish('ticker', (conn) =>
        marketsOf(conn, 'ticker').has(market) ? [wsTicker(market, ticker, true)] : [],
      );
    },
    publishBatch(tickers) {
      publish('ticker_batch', (conn) =>
        [...marketsOf(conn, 'ticker_batch')].flatMap((m) => {
          const ticker = tickers.get(m.id);
          return ticker ? [wsTicker(m, ticker, false)] : [];
        }),
      );
    },
    subscribed() {
      const symbols = new Set<string>();
      for (const conn of conns) {
        if (!open(conn)) continue;
        for (const channel of ['ticker', 'ticker_batch'] as const) {
          for (const id of conn.subs.get(channel) ?? []) {
            const product = index.byId(id);
            if (product) symbols.add(product.symbol);
          }
        }
      }
      return [...symbols].sort();
    },
    dropAll() {
      for (const conn of conns) conn.ws.terminate();
    },
    flushHeld() {
      for (const conn of conns) for (const go of conn.held.splice(0)) go();
    },
    delivered: () => delivered([...conns].map((conn) => conn.ws)),
    connections: () => [...conns].filter(open).length,
    close() {
      clearInterval(beat);
      for (const conn of conns) conn.ws.terminate();
      wss.close();
    },
  };
}
