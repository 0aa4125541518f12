/** WebSocket side of the demo exchange: Binance market streams with SUBSCRIBE/UNSUBSCRIBE on any path. */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { WireObject } from './binance-wire';
import { wsBookTicker, wsMiniTicker, wsTicker } from './binance-wire';
import type { FaultControl } from './faults';
import { delivered } from './delivered';
import { corruptFrame } from './garbage';
import type { DemoTicker } from './simulator';

interface Connection {
  ws: WebSocket;
  /** Combined-stream connections (`/stream`) get `{stream, data}` envelopes; raw ones (`/ws`) the event alone. */
  combined: boolean;
  streams: Set<string>;
  /** Replies owed while stalled, sent on resume so a stall delays rather than loses them. */
  held: string[];
}

/** The WebSocket connections of one demo exchange. */
export interface WsHub {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  publishTicker(ticker: DemoTicker): void;
  publishArrays(tickers: readonly DemoTicker[]): void;
  dropAll(): void;
  flushHeld(): void;
  /** Resolves once every client has read what was sent to it so far. */
  delivered(): Promise<void>;
  connections(): number;
  /** Unified symbols some open connection streams tickers of (`<id>@ticker` and the like; `!…@arr` is all). */
  subscribed(): string[];
  close(): void;
}

const PER_MARKET: ReadonlyArray<[suffix: string, format: (t: DemoTicker) => WireObject]> = [
  ['@ticker', wsTicker],
  ['@miniTicker', wsMiniTicker],
  ['@bookTicker', wsBookTicker],
];

/** Stream names given in the URL itself: `/ws/btcusdt@ticker` or `/stream?streams=a@ticker/b@ticker`. */
function streamsFromUrl(url: URL): string[] {
  const names = url.pathname.split('/').filter((part) => part.includes('@'));
  const query = url.searchParams.get('streams');
  return query === null ? names : [...names, ...query.split('/').filter(Boolean)];
}

/** Creates the hub; it sends nothing while the faults say stalled. `markets` names the symbols of market ids. */
export function createWsHub(
  faults: FaultControl,
  markets: { symbolOf(id: string): string | undefined; all(): string[] } = {
    symbolOf: () => undefined,
    all: () => [],
  },
): WsHub {
  // noServer: the HTTP server hands over upgrades on every path, as Binance accepts /ws, /ws/<n>, /stream.
  const wss = new WebSocketServer({ noServer: true });
  const conns = new Set<Connection>();

  function reply(conn: Connection, body: WireObject): void {
    const text = JSON.stringify(body);
    if (faults.isStalled()) conn.held.push(text);
    else conn.ws.send(text);
  }

  function onRequest(conn: Connection, raw: string): void {
    let msg: unknown;
    try {
      msg = JSON.parse(raw);
    } catch {
      reply(conn, { error: { code: 3, msg: 'Invalid JSON: expected value at line 1 column 1' }, id: null });
      return;
    }
    const { method, params, id = null } = (typeof msg === 'object' && msg !== null ? msg : {}) as WireObject;
    const names =
      Array.isArray(params) && params.every((p) => typeof p === 'string') ? (params as string[]) : null;
    if ((method === 'SUBSCRIBE' || method === 'UNSUBSCRIBE') && names !== null) {
      for (const name of names) {
        if (method === 'SUBSCRIBE') conn.streams.add(name);
        else conn.streams.delete(name);
      }
      reply(conn, { result: null, id });
    } else if (method === 'LIST_SUBSCRIPTIONS') {
      reply(conn, { result: [...conn.streams], id });
    } else if (
      method === 'SET_PROPERTY' &&
      names === null &&
      Array.isArray(params) &&
      params[0] === 'combined'
    ) {
      conn.combined = params[1] === true;
      reply(conn, { result: null, id });
    } else if (method === 'GET_PROPERTY' && names !== null && names[0] === 'combined') {
      reply(conn, { result: conn.combined, id });
    } else {
      reply(conn, {
        error: { code: 2, msg: `Invalid request: unknown method or params ${String(method)}` },
        id,
      });
    }
  }

  /** Sends one event to everyone subscribed; one garbage fault is spent on it if anyone receives it. */
  function publish(streams: ReadonlyArray<[name: string, payload: () => WireObject | WireObject[]]>): void {
    if (faults.isStalled()) return;
    const targets = [...conns].filter(
      (conn) => conn.ws.readyState === WebSocket.OPEN && streams.some(([name]) => conn.streams.has(name)),
    );
    if (targets.length === 0) return;
    const kind = faults.takeGarbage();
    const payloads = new Map(streams.map(([name, payload]) => [name, payload()] as const));
    for (const conn of targets) {
      for (const [name, data] of payloads) {
        if (!conn.streams.has(name)) continue;
        const wrap = (inner: unknown) => (conn.combined ? { stream: name, data: inner } : inner);
        conn.ws.send(kind === undefined ? JSON.stringify(wrap(data)) : corruptFrame(kind, data, wrap));
      }
    }
  }

  return {
    handleUpgrade(req, socket, head) {
      // A reset during the handshake must not take the server down.
      socket.on('error', () => socket.destroy());
      wss.handleUpgrade(req, socket, head, (ws) => {
        const url = new URL(req.url ?? '/', 'http://demo.invalid');
        const conn: Connection = {
          ws,
          combined: url.pathname.startsWith('/stream'),
          streams: new Set(streamsFromUrl(url)),
          held: [],
        };
        conns.add(conn);
        ws.on('message', (data) => onRequest(conn, String(data)));
        ws.on('error', () => ws.terminate());
        ws.on('close', () => conns.delete(conn));
      });
    },
    publishTicker(ticker) {
      // Binance acknowledges a SUBSCRIBE to a stream it does not serve and then sends nothing for it; a market
      // without trades has nothing new to push either.
      if (faults.isRefused(ticker.symbol) || faults.isQuiet(ticker.symbol)) return;
      const lower = ticker.id.toLowerCase();
      publish(PER_MARKET.map(([suffix, format]) => [lower + suffix, () => format(ticker)]));
    },
    publishArrays(tickers) {
      const served = tickers.filter((t) => !faults.isRefused(t.symbol) && !faults.isQuiet(t.symbol));
      if (served.length === 0) return;
      publish([
        ['!ticker@arr', () => served.map(wsTicker)],
        ['!miniTicker@arr', () => served.map(wsMiniTicker)],
      ]);
    },
    dropAll() {
      for (const conn of conns) conn.ws.terminate();
    },
    flushHeld() {
      for (const conn of conns) {
        for (const text of conn.held.splice(0)) conn.ws.send(text);
      }
    },
    delivered: () => delivered([...conns].map((conn) => conn.ws)),
    connections: () => [...conns].filter((conn) => conn.ws.readyState === WebSocket.OPEN).length,
    subscribed() {
      const out = new Set<string>();
      for (const conn of conns) {
        if (conn.ws.readyState !== WebSocket.OPEN) continue;
        for (const name of conn.streams) {
          if (name.startsWith('!')) markets.all().forEach((symbol) => out.add(symbol));
          const symbol = markets.symbolOf(name.split('@')[0]?.toUpperCase() ?? '');
          if (symbol !== undefined && PER_MARKET.some(([suffix]) => name.endsWith(suffix))) out.add(symbol);
        }
      }
      return [...out].sort();
    },
    close() {
      for (const conn of conns) conn.ws.terminate();
      wss.close();
    },
  };
}
