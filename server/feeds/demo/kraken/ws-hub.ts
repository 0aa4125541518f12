/** WebSocket v2 side of the simulated Kraken: connections on `/v2`, ticker subscriptions, heartbeats, faults. */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { delivered } from '../delivered';
import type { FaultControl } from '../faults';
import type { Rng } from '../prng';
import type { DemoTicker, Simulator } from '../simulator';
import { corruptWsTicker } from './garbage';
import type { KrakenPair } from './markets';
import type { WireObject } from './rest-wire';
import { handleRequest } from './ws-requests';
import { HEARTBEAT, statusMessage, tickerMessage } from './ws-wire';

interface Connection {
  ws: WebSocket;
  /** v2 symbols with a ticker subscription. */
  symbols: Set<string>;
  /** Replies owed while stalled, sent on resume so a stall delays rather than loses them. */
  held: string[];
}

/** What the hub needs from the exchange around it. */
export interface KrakenHubDeps {
  faults: FaultControl;
  simulator: Simulator;
  pairs: readonly KrakenPair[];
  /** Heartbeat period: Kraken's second, scaled like the rest of the model. */
  heartbeatMs: number;
  /** Draws connection ids, so a seed gives the same ids. */
  rng: Rng;
  now: () => number;
}

/** The WebSocket connections of one simulated Kraken. */
export interface KrakenHub {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** One trade happened on this market: an `update` to every subscriber. */
  publishTrade(ticker: DemoTicker): void;
  dropAll(): void;
  flushHeld(): void;
  /** Resolves once every client has read what was sent to it so far. */
  delivered(): Promise<void>;
  connections(): number;
  /** Unified symbols some open connection is subscribed to, sorted. */
  subscribed(): string[];
  close(): void;
}

/** Creates the hub; it sends nothing while the faults say stalled. */
export function createKrakenHub({
  faults,
  simulator,
  pairs,
  heartbeatMs,
  rng,
  now,
}: KrakenHubDeps): KrakenHub {
  const wss = new WebSocketServer({ noServer: true });
  const conns = new Set<Connection>();
  const bySymbol = new Map(pairs.map((pair) => [pair.wsSymbol, pair] as const));
  const byUnified = new Map(pairs.map((pair) => [pair.symbol, pair] as const));
  const open = () => [...conns].filter((conn) => conn.ws.readyState === WebSocket.OPEN);
  const context = {
    pairBySymbol: (symbol: string) => bySymbol.get(symbol),
    isRefused: (pair: KrakenPair) => faults.isRefused(pair.symbol),
    ticker: (pair: KrakenPair) => simulator.ticker(pair.symbol),
    now,
  };

  function reply(conn: Connection, body: WireObject): void {
    const text = JSON.stringify(body);
    if (faults.isStalled()) conn.held.push(text);
    else conn.ws.send(text);
  }

  const heartbeat = setInterval(() => {
    // A stalled exchange is silent, heartbeats included: that is what a client's watchdog must notice.
    if (faults.isStalled()) return;
    const text = JSON.stringify(HEARTBEAT);
    // Kraken starts heartbeats with the first subscription; here they also end with the last one.
    for (const conn of open()) if (conn.symbols.size > 0) conn.ws.send(text);
  }, heartbeatMs).unref();

  return {
    handleUpgrade(req, socket, head) {
      // A reset during the handshake must not take the server down.
      socket.on('error', () => socket.destroy());
      const path = new URL(req.url ?? '/', 'http://demo.invalid').pathname.replace(/\/+$/, '');
      if (path !== '/v2') {
        // Only v2 is simulated; v1 (the bare host) would need its array protocol.
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        const conn: Connection = { ws, symbols: new Set(), held: [] };
        conns.add(conn);
        ws.on('message', (data) => {
          const timeIn = now();
          for (const body of handleRequest(String(data), conn.symbols, context, timeIn)) reply(conn, body);
        });
        ws.on('error', () => ws.terminate());
        ws.on('close', () => conns.delete(conn));
        // Safe integers only: Kraken's ids are 64-bit, which JSON readers in JavaScript would round.
        reply(conn, statusMessage(Math.floor(rng() * Number.MAX_SAFE_INTEGER)));
      });
    },
    publishTrade(ticker) {
      const pair = byUnified.get(ticker.symbol);
      if (pair === undefined || faults.isStalled()) return;
      const targets = open().filter((conn) => conn.symbols.has(pair.wsSymbol));
      if (targets.length === 0) return;
      // One garbage fault is spent per message that someone receives, as on the Binance simulation.
      const kind = faults.takeGarbage();
      const message = tickerMessage('update', pair, ticker);
      const text = kind === undefined ? JSON.stringify(message) : corruptWsTicker(kind, message);
      for (const conn of targets) conn.ws.send(text);
    },
    dropAll() {
      for (const conn of conns) conn.ws.terminate();
    },
    flushHeld() {
      for (const conn of open()) {
        for (const text of conn.held.splice(0)) conn.ws.send(text);
      }
    },
    delivered: () => delivered(open().map((conn) => conn.ws)),
    connections: () => open().length,
    subscribed() {
      const symbols = new Set<string>();
      for (const conn of open()) {
        for (const symbol of conn.symbols) {
          const pair = bySymbol.get(symbol);
          if (pair !== undefined) symbols.add(pair.symbol);
        }
      }
      return [...symbols].sort();
    },
    close() {
      clearInterval(heartbeat);
      for (const conn of conns) conn.ws.terminate();
      wss.close();
    },
  };
}
