/** The per-instance figures of a run, and with --instances ≥ 2 what the cluster adds: the Redis hop, Redis's CPU. */
import type { ClientReport } from './client-child';
import { Histogram } from './histogram';
import type { MeterReading } from './ipc';
import type { ServerReport } from './server-child';

/** One server process over the window. */
export interface InstanceFigures {
  /** Ran the feeds at the end of the window; null for a lone server (it always does). */
  leading: boolean | null;
  clients: number;
  cpuCores: number;
  rssMb: number;
  rssPeakMb: number;
  loopDelayP99Ms: number;
  /** Changes applied to its market state per second, subscribed streams: the leader's own, or the leader's relayed. */
  changesPerSec: number;
  deliveriesPerSec: number;
  connectionsAtEnd: number;
}

/** Latency of one group of clients. */
export interface LatencyFigures {
  samples: number;
  p50Ms: number | null;
  p99Ms: number | null;
}

/** What only a cluster run has. */
export interface ClusterFigures {
  /** Index of the instance leading at the end of the window; null when none did. */
  leader: number | null;
  /** An instance gained or lost the lead during the window: its figures mix both roles. */
  leadMoved: boolean;
  /** Clients on the leader: the feed is in their own instance. */
  leaderClients: LatencyFigures;
  /** Clients on the other instances: every change reaches them through Redis (the relay) first. */
  followerClients: LatencyFigures;
  /** The whole Redis server's CPU seconds per second over the window (other users of it included); null if unread. */
  redisCpuCores: number | null;
}

const perSec = (count: number, meter: MeterReading) => count / (meter.elapsedMs / 1000);

/** One entry per server report; `instanceOfPart[i]` is the instance client report i talked to. */
export function instanceFigures(
  servers: readonly ServerReport[],
  parts: readonly ClientReport[],
  instanceOfPart: readonly number[],
  subscribers: ReadonlyMap<string, number>,
): InstanceFigures[] {
  return servers.map((s, k) => {
    let changes = 0;
    for (const [stream, n] of Object.entries(s.changesByStream)) if (subscribers.has(stream)) changes += n;
    return {
      leading: s.leading?.atEnd ?? null,
      // A client process reports the clients it ran; its connections were all to one instance.
      clients: parts.reduce((n, p, i) => n + (instanceOfPart[i] === k ? p.clients : 0), 0),
      cpuCores: s.meter.cpuCores,
      rssMb: s.meter.rssMb,
      rssPeakMb: s.meter.rssPeakMb,
      loopDelayP99Ms: s.meter.loopDelayP99Ms,
      changesPerSec: perSec(changes, s.meter),
      deliveriesPerSec: perSec(s.pushDeliveries, s.meter),
      connectionsAtEnd: s.connections,
    };
  });
}

function latencyOf(parts: readonly ClientReport[]): LatencyFigures {
  const h = Histogram.merge(parts.map((p) => p.latency));
  return { samples: h.count, p50Ms: h.percentile(50), p99Ms: h.percentile(99) };
}

/** Latency split by the clients' instance (leader or follower), and who led. */
export function clusterFigures(
  servers: readonly ServerReport[],
  parts: readonly ClientReport[],
  instanceOfPart: readonly number[],
  redisCpuCores: number | null,
): ClusterFigures {
  const leader = servers.findIndex((s) => s.leading?.atEnd === true);
  const onLeader = (i: number) => instanceOfPart[i] === leader;
  return {
    leader: leader >= 0 ? leader : null,
    leadMoved: servers.some((s) => s.leading !== null && s.leading.atStart !== s.leading.atEnd),
    leaderClients: latencyOf(parts.filter((_, i) => onLeader(i))),
    followerClients: latencyOf(parts.filter((_, i) => !onLeader(i))),
    redisCpuCores,
  };
}
