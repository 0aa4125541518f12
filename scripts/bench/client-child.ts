/** Bench child: many real socket.io clients (WebSocket transport); counts frames, bytes, latency and seq gaps. */
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type WebSocket from 'ws';
import type { ClientToServerEvents, ServerToClientEvents, SnapshotAck } from '../../lib/protocol';
import type { NaiveServerEvents } from './naive-push';
import { Histogram } from './histogram';
import type { SparseHistogram } from './histogram';
import { childConfig, failChild, serveCommands, startMeter, tell } from './ipc';
import type { MeterReading } from './ipc';

/** What the parent passes in: this process runs clients firstIndex .. firstIndex + count - 1. */
export interface ClientChildConfig {
  url: string;
  /** The session cookie (`livefolio_session=…`) every client connects with: one session, many connections. */
  cookie: string;
  mode: 'throttled' | 'naive' | 'bare';
  /** Client i subscribes to sets[i % sets.length]. */
  sets: string[][];
  firstIndex: number;
  count: number;
  /** Connections opened at once during the ramp-up. */
  batch: number;
}

/** What the clients of one process report for the measurement window. */
export interface ClientReport {
  meter: MeterReading;
  /** Clients this process ran (all connected to one server). */
  clients: number;
  msgs: number;
  /** Payload bytes of every WebSocket frame received (socket.io's text frames, pings included). */
  frameBytes: number;
  /** Bytes read from the TCP sockets: frames plus their WebSocket headers. */
  wireBytes: number;
  minClientMsgs: number;
  maxClientMsgs: number;
  latency: SparseHistogram;
  /** Since subscribing, not only in the window: diffs missing from a client's sequence. */
  seqGaps: number;
  epochMismatches: number;
  /** Diffs before the subscription's snapshot arrived: must be 0 (the ack goes out before the first diff). */
  earlyDiffs: number;
  snapshots: number;
  disconnects: Record<string, number>;
}

type BenchSocket = Socket<ServerToClientEvents & NaiveServerEvents, ClientToServerEvents>;
const ACK_TIMEOUT_MS = 20_000;

const cfg = childConfig<ClientChildConfig>();
const sockets: BenchSocket[] = [];
const wsOf: Array<WebSocket | undefined> = [];
const frameBytes = new Float64Array(cfg.count);
const msgs = new Uint32Array(cfg.count);
const wireAtStart = new Float64Array(cfg.count);
const latency = new Histogram();
const disconnects: Record<string, number> = {};
let measuring = false;
let seqGaps = 0;
let earlyDiffs = 0;
const bases: Array<{ epoch: string | null; seq: number }> = [];
let epochMismatches = 0;
let snapshots = 0;

// `ws` hands text frames to 'message' as one Buffer, or as fragments, or an ArrayBuffer by binaryType.
const sizeOf = (data: Buffer | ArrayBuffer | Buffer[]) =>
  Array.isArray(data) ? data.reduce((n, b) => n + b.byteLength, 0) : data.byteLength;
const wireRead = (i: number) =>
  (wsOf[i] as unknown as { _socket?: { bytesRead: number } } | undefined)?._socket?.bytesRead ?? 0;

/** Listens from the connection on, like a real client: no diff may slip by between the ack and the handler. */
function watch(i: number, socket: BenchSocket, base: { epoch: string | null; seq: number }): void {
  // engine.io-client's WebSocket transport wraps a `ws` WebSocket: its frames are the bytes on the wire.
  const ws = (socket.io.engine.transport as unknown as { ws?: WebSocket }).ws;
  wsOf[i] = ws;
  ws?.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
    if (measuring) frameBytes[i] = (frameBytes[i] ?? 0) + sizeOf(data);
  });
  socket.on('market:diff', (diff) => {
    const now = Date.now();
    if (base.epoch === null) earlyDiffs++;
    else if (diff.epoch !== base.epoch) epochMismatches++;
    else if (diff.seq > base.seq + 1) seqGaps += diff.seq - base.seq - 1;
    if (diff.seq > base.seq) base.seq = diff.seq;
    if (!measuring) return;
    msgs[i] = (msgs[i] ?? 0) + 1;
    for (const stream in diff.changes) {
      const receivedAt = diff.changes[stream]?.receivedAt;
      if (receivedAt !== undefined) latency.add(now - receivedAt);
    }
  });
  socket.on('market:snapshot', (snapshot) => {
    snapshots++;
    base.epoch = snapshot.epoch;
    base.seq = snapshot.seq;
  });
  socket.on('market:tick', ({ ticker }) => {
    if (!measuring) return;
    msgs[i] = (msgs[i] ?? 0) + 1;
    latency.add(Date.now() - ticker.receivedAt);
  });
}

function open(i: number): Promise<void> {
  const socket: BenchSocket = io(cfg.url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: { cookie: cfg.cookie },
  });
  sockets[i] = socket;
  socket.on('disconnect', (reason) => (disconnects[reason] = (disconnects[reason] ?? 0) + 1));
  return new Promise((resolve, reject) => {
    socket.once('connect_error', reject);
    socket.once('server:hello', () => {
      watch(i, socket, (bases[i] = { epoch: null, seq: 0 }));
      resolve();
    });
  });
}

function subscribe(i: number): Promise<void> {
  const socket = sockets[i];
  if (!socket?.connected) return Promise.reject(new Error(`client ${cfg.firstIndex + i} is not connected`));
  const streams = cfg.sets[(cfg.firstIndex + i) % cfg.sets.length] ?? [];
  const base = bases[i] ?? { epoch: null, seq: 0 };
  // The acknowledgement callback runs as its packet is decoded, before the next frame's diff; an awaited
  // promise would resume only after the whole read, and a diff in the same read would look like a gap.
  return new Promise((resolve, reject) => {
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emit('market:subscribe', { streams }, (err: Error | null, res: SnapshotAck) => {
        if (err) return reject(err);
        if (!res.ok) return reject(new Error(`subscribe refused: ${res.error.code} ${res.error.message}`));
        base.epoch = res.snapshot.epoch;
        base.seq = res.snapshot.seq;
        if (res.subscription.streams.length !== streams.length)
          return reject(new Error('subscription lost streams'));
        resolve();
      });
  });
}

/** Runs `step` for every client, `cfg.batch` at a time; returns how many succeeded. */
async function inBatches(step: (i: number) => Promise<void>, errors: string[]): Promise<number> {
  let ok = 0;
  for (let start = 0; start < cfg.count; start += cfg.batch) {
    const batch = Array.from({ length: Math.min(cfg.batch, cfg.count - start) }, (_, k) => step(start + k));
    for (const result of await Promise.allSettled(batch)) {
      if (result.status === 'fulfilled') ok++;
      else if (errors.length < 5) errors.push(String(result.reason));
    }
  }
  return ok;
}

async function main(): Promise<void> {
  const errors: string[] = [];
  let stopMeter: (() => MeterReading) | null = null;
  serveCommands({
    // Every process connects all its clients before any client subscribes: in naive mode the first
    // subscribers' flood would otherwise starve the ramp-up of the rest.
    subscribe: () => {
      void inBatches(subscribe, errors).then((subscribed) => {
        const connected = sockets.filter((s) => s?.connected).length;
        tell({ type: 'ready', connected, subscribed, errors, disconnects: { ...disconnects } });
      });
    },
    start: () => {
      latency.reset();
      frameBytes.fill(0);
      msgs.fill(0);
      for (let i = 0; i < cfg.count; i++) wireAtStart[i] = wireRead(i);
      for (const key of Object.keys(disconnects)) delete disconnects[key];
      measuring = true;
      stopMeter = startMeter();
    },
    stop: () => {
      measuring = false;
      const meter = stopMeter?.() as MeterReading;
      let wireBytes = 0;
      for (let i = 0; i < cfg.count; i++) wireBytes += wireRead(i) - (wireAtStart[i] ?? 0);
      const report: ClientReport = {
        meter,
        clients: cfg.count,
        msgs: msgs.reduce((a, b) => a + b, 0),
        frameBytes: frameBytes.reduce((a, b) => a + b, 0),
        wireBytes,
        minClientMsgs: Math.min(...msgs),
        maxClientMsgs: Math.max(...msgs),
        latency: latency.toSparse(),
        seqGaps,
        epochMismatches,
        earlyDiffs,
        snapshots,
        disconnects: { ...disconnects },
      };
      return { ...report };
    },
    exit: async () => {
      for (const socket of sockets) socket?.disconnect();
    },
  });
  const connected = await inBatches(open, errors);
  tell({ type: 'connected', connected, errors });
}

main().catch(failChild);
