/** Turns the raw reports of one run (server, demo exchange, client processes) into per-second figures. */
import type { ClientReport } from './client-child';
import type { DemoReport } from './demo-child';
import { clusterFigures, instanceFigures } from './cluster-summary';
import type { ClusterFigures, InstanceFigures } from './cluster-summary';
import { Histogram } from './histogram';
import type { MeterReading } from './ipc';
import type { ServerReport } from './server-child';

/** The figures of one run (one push mode). */
export interface ModeResult {
  /** `bare`: the bare socket.io baseline (bare-child.ts), not the real server. */
  mode: 'throttled' | 'naive' | 'bare';
  clients: number;
  /** Messages (market:diff or market:tick) delivered to all clients per second. */
  msgsPerSec: number;
  /** WebSocket frame payload bytes per client per second. */
  bytesPerClientPerSec: number;
  /** WebSocket frame payload bytes per delivered message (pings, a few per minute, included). */
  bytesPerMsg: number | null;
  /** TCP bytes read per client per second (frames + WebSocket headers). */
  wireBytesPerClientPerSec: number;
  minClientMsgsPerSec: number;
  maxClientMsgsPerSec: number;
  latencySamples: number;
  p50Ms: number | null;
  p90Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  /** Summed over every server process. */
  serverCpuCores: number;
  /** Server CPU µs (every instance) per delivered message. */
  cpuUsPerMsg: number | null;
  /** RSS at the end of the window, summed over the instances. */
  rssMb: number;
  /** Each instance's peak, summed: an upper bound of the instances' peak together. */
  rssPeakMb: number;
  /** Mean RSS of each minute of the window, summed over the instances, MB. */
  rssMbByMinute: number[];
  /** The worst instance's. */
  serverLoopDelayP99Ms: number;
  clientCpuCores: number[];
  clientLoopDelayP99Ms: number[];
  demoCpuCores: number;
  /** `bare` only: ccxt alone on the same streams, in the same window (feed-floor-child.ts); else null. */
  feedFloorCores: number | null;
  /** Ticks per second the demo exchange generated for the subscribed streams. */
  exchangeTicksPerSec: number;
  /**
   * Valid ticks per second the server took in for the subscribed streams (fewer when it falls behind); in a
   * cluster, those the feed leader took in (the others apply its changes: see `instances[k].changesPerSec`).
   */
  ticksPerSec: number;
  /** Exchange ticks × subscribers per second: what the naive mode has to deliver to send every tick. */
  everyTickMsgsPerSec: number;
  /** Push engine deliveries per second as counted by the servers, summed (throttled mode). */
  serverDeliveriesPerSec: number;
  seqGaps: number;
  epochMismatches: number;
  earlyDiffs: number;
  snapshots: number;
  heldClients: number;
  disconnects: Record<string, number>;
  serverConnectionsAtEnd: number;
  /** Per server process, in start order: one for a lone server. */
  instances: InstanceFigures[];
  /** With --instances ≥ 2: the leader, latency by where the clients are, Redis's CPU; null for a lone server. */
  cluster: ClusterFigures | null;
  /** Whole machine during the window: busy cores, and the part not used by the bench's own processes. */
  machineBusyCores: number;
  otherBusyCores: number;
  /** Seconds each process actually measured (its own clock from 'start' to 'stop'). */
  windows: { server: number[]; clients: number[] };
  /** False when a process measured a window far from the intended one: it was too busy to answer in time. */
  valid: boolean;
}

/** Subscribers per stream when client i takes sets[i % sets.length]. */
export function subscribersPerStream(sets: readonly string[][], clients: number): Map<string, number> {
  const out = new Map<string, number>();
  sets.forEach((set, k) => {
    const members = Math.floor(clients / sets.length) + (k < clients % sets.length ? 1 : 0);
    for (const stream of set) out.set(stream, (out.get(stream) ?? 0) + members);
  });
  return out;
}

const perSec = (count: number, meter: MeterReading) => count / (meter.elapsedMs / 1000);

/** How one run was set up, as summarize needs it. */
export interface RunFacts {
  mode: ModeResult['mode'];
  clients: number;
  durationS: number;
  subscribers: ReadonlyMap<string, number>;
  exchange: string;
  machineBusyCores: number;
  /** The instance each client report's process talked to (its index in the server reports). */
  instanceOfPart: readonly number[];
  /** Redis's CPU seconds per second over the window (a cluster run); null when not measured. */
  redisCpuCores: number | null;
}

/** A process this busy answers 'start' and 'stop' late, and measures a window that is not the bench's. */
const WINDOW_TOLERANCE = 0.2;

/** Combines the reports of one run: every server process (one per instance), the demo exchange, the clients. */
export function summarize(
  facts: RunFacts,
  servers: readonly ServerReport[],
  demo: DemoReport,
  parts: readonly ClientReport[],
): ModeResult {
  const { mode, clients, subscribers, machineBusyCores } = facts;
  const latency = Histogram.merge(parts.map((p) => p.latency));
  const msgsPerSec = parts.reduce((n, p) => n + perSec(p.msgs, p.meter), 0);
  const msgs = parts.reduce((n, p) => n + p.msgs, 0);
  const frameBytes = parts.reduce((n, p) => n + p.frameBytes, 0);
  const sum = (of: (s: ServerReport) => number) => servers.reduce((n, s) => n + of(s), 0);
  // Only a feed leader sees ticks (onTick): the sum is the leader's, or the leaders' should the lead move.
  const ticksPerSec = sum((s) => {
    let ticks = 0;
    for (const [stream, n] of Object.entries(s.ticksByStream)) if (subscribers.has(stream)) ticks += n;
    return perSec(ticks, s.meter);
  });
  let exchangeTicks = 0;
  let everyTick = 0;
  for (const [symbol, n] of Object.entries(demo.ticksBySymbol)) {
    const subs = subscribers.get(`${facts.exchange}:${symbol}`) ?? 0;
    if (subs > 0) exchangeTicks += n;
    everyTick += n * subs;
  }
  const serverCpuCores = sum((s) => s.meter.cpuCores);
  const ownCores =
    serverCpuCores +
    demo.meter.cpuCores +
    parts.reduce((n, p) => n + p.meter.cpuCores, 0) +
    (facts.redisCpuCores ?? 0);
  const disconnects: Record<string, number> = {};
  for (const p of parts) {
    for (const [reason, n] of Object.entries(p.disconnects))
      disconnects[reason] = (disconnects[reason] ?? 0) + n;
  }
  const windows = {
    server: servers.map((s) => s.meter.elapsedMs / 1000),
    clients: parts.map((p) => p.meter.elapsedMs / 1000),
  };
  const valid = [...windows.server, ...windows.clients].every(
    (s) => Math.abs(s - facts.durationS) <= WINDOW_TOLERANCE * facts.durationS,
  );
  const instances = instanceFigures(servers, parts, facts.instanceOfPart, subscribers);
  return {
    mode,
    clients,
    msgsPerSec,
    bytesPerClientPerSec: parts.reduce((n, p) => n + perSec(p.frameBytes, p.meter), 0) / clients,
    bytesPerMsg: msgs > 0 ? frameBytes / msgs : null,
    wireBytesPerClientPerSec: parts.reduce((n, p) => n + perSec(p.wireBytes, p.meter), 0) / clients,
    minClientMsgsPerSec: Math.min(...parts.map((p) => perSec(p.minClientMsgs, p.meter))),
    maxClientMsgsPerSec: Math.max(...parts.map((p) => perSec(p.maxClientMsgs, p.meter))),
    latencySamples: latency.count,
    p50Ms: latency.percentile(50),
    p90Ms: latency.percentile(90),
    p99Ms: latency.percentile(99),
    maxMs: latency.max(),
    serverCpuCores,
    // The servers' windows and the clients' differ by the IPC delay only (a few ms in 10 s).
    cpuUsPerMsg: msgsPerSec > 0 ? sum((s) => s.meter.cpuUs / (s.meter.elapsedMs / 1000)) / msgsPerSec : null,
    rssMb: sum((s) => s.meter.rssMb),
    rssPeakMb: sum((s) => s.meter.rssPeakMb),
    rssMbByMinute: (servers[0]?.meter.rssMbByMinute ?? []).map((_, k) =>
      sum((s) => s.meter.rssMbByMinute[k] ?? 0),
    ),
    serverLoopDelayP99Ms: Math.max(...servers.map((s) => s.meter.loopDelayP99Ms)),
    clientCpuCores: parts.map((p) => p.meter.cpuCores),
    clientLoopDelayP99Ms: parts.map((p) => p.meter.loopDelayP99Ms),
    demoCpuCores: demo.meter.cpuCores,
    feedFloorCores: null,
    exchangeTicksPerSec: exchangeTicks / (demo.meter.elapsedMs / 1000),
    ticksPerSec,
    everyTickMsgsPerSec: everyTick / (demo.meter.elapsedMs / 1000),
    serverDeliveriesPerSec: sum((s) => perSec(s.pushDeliveries, s.meter)),
    seqGaps: parts.reduce((n, p) => n + p.seqGaps, 0),
    epochMismatches: parts.reduce((n, p) => n + p.epochMismatches, 0),
    earlyDiffs: parts.reduce((n, p) => n + p.earlyDiffs, 0),
    snapshots: parts.reduce((n, p) => n + p.snapshots, 0),
    heldClients: sum((s) => s.heldClients),
    disconnects,
    serverConnectionsAtEnd: sum((s) => s.connections),
    instances,
    cluster:
      servers.length > 1 ? clusterFigures(servers, parts, facts.instanceOfPart, facts.redisCpuCores) : null,
    machineBusyCores,
    otherBusyCores: Math.max(0, machineBusyCores - ownCores),
    windows,
    valid,
  };
}
