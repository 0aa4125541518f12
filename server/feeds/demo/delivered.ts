/** A barrier on WebSocket connections: resolves once each client has read everything sent to it so far. */
import { WebSocket } from 'ws';

/**
 * Pings every open socket and resolves when each has answered or closed. A pong is sent only after the frames
 * ahead of its ping were read (TCP keeps order, ws and browsers answer pings on their own), so this is when a
 * switch thrown now is all a client will see.
 */
export function delivered(sockets: Iterable<WebSocket>): Promise<void> {
  const open = [...sockets].filter((ws) => ws.readyState === WebSocket.OPEN);
  return Promise.all(
    open.map(
      (ws) =>
        new Promise<void>((resolve) => {
          const done = () => {
            ws.off('pong', done);
            ws.off('close', done);
            resolve();
          };
          ws.on('pong', done);
          ws.on('close', done);
          ws.ping();
        }),
    ),
  ).then(() => undefined);
}
