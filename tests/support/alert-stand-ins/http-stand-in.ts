/** The HTTP part every alert stand-in shares: a loopback server, its URL, waiting for what it received, closing. */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server on 127.0.0.1 at a free port. */
export interface HttpStandIn {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** A request as read: the raw body with it, for signatures. */
export type Handler = (req: IncomingMessage, body: Buffer, res: ServerResponse) => void;

export async function startHttpStandIn(handle: Handler): Promise<HttpStandIn> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, Buffer.concat(chunks), res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        // Hanging requests are held open on purpose: end them with the server.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const json = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

/** A list that can be awaited: `next(n)` resolves once it holds n entries. */
export class Arrivals<T> {
  readonly all: T[] = [];
  private waiters: Array<{ count: number; resolve: (items: T[]) => void }> = [];

  push(item: T): void {
    this.all.push(item);
    this.waiters = this.waiters.filter((w) => {
      if (this.all.length < w.count) return true;
      w.resolve(this.all.slice());
      return false;
    });
  }

  /** Resolves with every entry once there are at least `count`. */
  atLeast(count: number): Promise<T[]> {
    if (this.all.length >= count) return Promise.resolve(this.all.slice());
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }
}
