/** How many bytes a connection has queued towards its client but not yet handed to the network. */
import type { Socket } from 'socket.io';

// engine.io keeps packets in `writeBuffer` while its transport is busy (a WebSocket whose last frame the
// kernel has not taken, or a long-polling client that has not polled again); `ws` counts what it holds in
// `bufferedAmount`. Together they are the memory a slow client makes the server hold.
interface EngineConnection {
  writeBuffer?: Array<{ data?: unknown }>;
  transport?: { name?: string; socket?: { bufferedAmount?: number } };
}

/** Bytes queued for one socket.io connection. */
export function bufferedBytes(socket: Socket): number {
  const conn = socket.conn as unknown as EngineConnection;
  let total = 0;
  for (const packet of conn.writeBuffer ?? []) {
    const data = packet.data;
    if (typeof data === 'string') total += data.length;
    else if (data instanceof Uint8Array) total += data.byteLength;
  }
  if (conn.transport?.name === 'websocket') total += conn.transport.socket?.bufferedAmount ?? 0;
  return total;
}
