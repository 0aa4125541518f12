/**
 * Bench child: the bare socket.io baseline. No feed, no market state, no push engine: a plain socket.io server
 * with the real server's engine settings broadcasts one `market:diff`-shaped message of a given size to every
 * subscribed client once per window. What the real server costs above this is the cost of everything it adds.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../server/config';
import { childConfig, failChild, serveCommands, startMeter, tell } from './ipc';
import type { MeterReading } from './ipc';
import type { ServerReport } from './server-child';

/** What the parent passes in. */
export interface BareChildConfig {
  /** Streams each message carries changes for (one client's subscription). */
  streams: string[];
  /** WebSocket frame bytes each message should take (the real server's measured bytes per message). */
  frameBytes: number;
  /** Messages per second per client (the real server's window: 1000 / maxFrequency ms). */
  windowMs: number;
}

const ROOM = 'subscribed';
// What the real server accepts from a client (server/app.ts): the same engine settings, the same framing.
const MAX_MESSAGE_BYTES = 64 * 1024;

/**
 * One window's message: changed fields of every stream, with fresh values each time so that it is serialised
 * anew like a real diff, padded to the size asked for.
 */
function message(streams: readonly string[], seq: number, pad: string) {
  const now = Date.now();
  const changes: Record<string, Record<string, number>> = {};
  for (const [k, stream] of streams.entries()) {
    const price = 100 + ((seq * 7 + k * 13) % 1000) / 100;
    // Fewer fields than a real change: the padding makes up the size.
    changes[stream] = { last: price, bid: price - 0.01, receivedAt: now };
  }
  return { epoch: 'bare', seq, changes, pad };
}

// socket.io's text frame of an event: `42["market:diff",<json>]`.
const frameOf = (payload: unknown) => `42${JSON.stringify(['market:diff', payload])}`.length;

async function main(): Promise<void> {
  const { streams, frameBytes, windowMs } = childConfig<BareChildConfig>();
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const http = createServer();
  const io = new Server(http, {
    serveClient: false,
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    pingInterval: config.HEARTBEAT_INTERVAL_MS,
    pingTimeout: config.HEARTBEAT_TIMEOUT_MS,
  });
  let seq = 0;
  io.on('connection', (socket) => {
    socket.emit('server:hello', {});
    // The bench's clients subscribe as they would to the real server; the ack starts their sequence at 0.
    socket.on('market:subscribe', (req: { streams?: string[] }, ack: (res: unknown) => void) => {
      void socket.join(ROOM);
      ack({
        ok: true,
        snapshot: { epoch: 'bare', seq, tickers: {} },
        subscription: { streams: req.streams ?? [], maxFrequency: 1000 / windowMs },
      });
    });
  });
  const padding = Math.max(0, frameBytes - frameOf(message(streams, 1e9, '')));
  const pad = 'x'.repeat(padding);
  let deliveries = 0;
  const timer = setInterval(() => {
    seq += 1;
    const receivers = io.sockets.adapter.rooms.get(ROOM)?.size ?? 0;
    io.to(ROOM).emit('market:diff', message(streams, seq, pad));
    deliveries += receivers;
  }, windowMs);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  let stopMeter: (() => MeterReading) | null = null;
  let deliveriesAtStart = 0;
  serveCommands({
    start: () => {
      deliveriesAtStart = deliveries;
      stopMeter = startMeter();
    },
    stop: () => {
      const report: ServerReport = {
        meter: stopMeter?.() as MeterReading,
        ticksByStream: {},
        changesByStream: {},
        leading: null,
        pushDeliveries: deliveries - deliveriesAtStart,
        pushDiffsSkipped: 0,
        heldClients: 0,
        connections: io.engine.clientsCount,
      };
      return { ...report };
    },
    exit: async () => {
      clearInterval(timer);
      await io.close();
    },
  });
  tell({ type: 'ready', port: (http.address() as AddressInfo).port });
}

main().catch(failChild);
