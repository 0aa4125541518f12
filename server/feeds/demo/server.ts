/** The demo exchange's single port: REST over node:http, WebSocket upgrades on any path handed to the hub. */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WsHub } from './ws-hub';

/** A listening HTTP+WS server. */
export interface ListeningServer {
  port: number;
  /** Base URL without a path, e.g. `http://127.0.0.1:9100` (an IPv6 host in brackets). */
  url: string;
  close(): Promise<void>;
}

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|localhost)$/;

/** True for host names that stay on this machine; the demo exchange never listens anywhere else. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.test(host);
}

/** Listens on host:port (0 = ephemeral) and resolves once bound. */
export async function listen(options: {
  host: string;
  port: number;
  rest: (req: IncomingMessage, res: ServerResponse) => void;
  hub: Pick<WsHub, 'handleUpgrade' | 'close'>;
  /** The exchange's own answer to an internal failure; default Binance's. */
  internalError?: string;
}): Promise<ListeningServer> {
  const { host, port, rest, hub } = options;
  const internalError =
    options.internalError ?? '{"code":-1000,"msg":"An unknown error occurred while processing the request."}';
  if (!isLoopbackHost(host)) {
    throw new Error(`demo exchange: refusing to listen on non-loopback host ${host}`);
  }
  const server = createServer((req, res) => {
    try {
      rest(req, res);
    } catch {
      // The exchange's own answer to an internal failure; never a stack trace on the wire.
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json;charset=UTF-8' });
      res.end(internalError);
    }
  });
  server.on('upgrade', (req, socket, head) => hub.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    port: bound,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        hub.close();
        server.close(() => resolve());
        // Keep-alive REST connections (ccxt keeps them) would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
