/** An HTTP proxy in front of a simulated exchange that counts the requests it passes on, by path. */
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CountingProxy {
  /** Base URL to give the client instead of the exchange's. */
  url: string;
  /** Requests passed on whose path matches `pattern`. */
  count(pattern: RegExp): number;
  close(): Promise<void>;
}

/** Starts the proxy on a loopback port, forwarding every request to `target` (an http:// base URL). */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  const paths: string[] = [];
  const server = createServer((req, res) => {
    paths.push(new URL(req.url ?? '/', 'http://proxy.invalid').pathname);
    const forwarded = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    count: (pattern) => paths.filter((path) => pattern.test(path)).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
