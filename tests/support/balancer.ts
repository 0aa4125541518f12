/**
 * A TCP load balancer for tests: each new connection goes to the next backend in turn, skipping backends that
 * refuse, as nginx or Caddy do with a backend that is down. WebSocket upgrades pass through untouched.
 */
import { connect, createServer } from 'node:net';
import type { Socket } from 'node:net';

export interface Balancer {
  url: string;
  /** Which backend port each accepted connection went to, in order. */
  readonly routed: number[];
  close(): Promise<void>;
}

export async function startBalancer(ports: readonly number[]): Promise<Balancer> {
  let next = 0;
  const routed: number[] = [];
  const open = new Set<Socket>();
  const track = (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  };
  const server = createServer((client) => {
    track(client);
    client.pause();
    const attempt = (tries: number) => {
      if (tries === ports.length) return client.destroy();
      const port = ports[next++ % ports.length] as number;
      const backend = connect(port, '127.0.0.1');
      backend.once('error', () => attempt(tries + 1));
      backend.once('connect', () => {
        backend.removeAllListeners('error');
        track(backend);
        routed.push(port);
        backend.on('error', () => client.destroy());
        client.on('error', () => backend.destroy());
        backend.on('close', () => client.destroy());
        client.on('close', () => backend.destroy());
        client.pipe(backend).pipe(client);
        client.resume();
      });
    };
    attempt(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    routed,
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
