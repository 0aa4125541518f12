/** The bench's output: a table for people and, as the last line, one JSON object for tools. */
import { availableParallelism } from 'node:os';
import type { InstanceFigures, LatencyFigures } from './cluster-summary';
import type { BenchOptions } from './options';
import type { ModeResult } from './summary';

/** Largest bytesRatio the throttled protocol must reach at 1,000 clients. */
export const BYTES_RATIO_TARGET = 0.3;
/** p99 latency may exceed the throttle window by this much. */
export const P99_SLACK_MS = 50;

const round = (v: number | null, digits = 0) => (v === null ? null : Number(v.toFixed(digits)));
const fmt = (v: number | null | undefined, digits = 0) =>
  v === null || v === undefined
    ? '-'
    : v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ratio = (a: number | null, b: number | null | undefined) => (a === null || !b ? null : a / b);
const deliveredPct = (r: ModeResult) =>
  r.everyTickMsgsPerSec > 0 ? (100 * r.msgsPerSec) / r.everyTickMsgsPerSec : null;
const reasons = (d: Record<string, number>) => Object.values(d).reduce((a, b) => a + b, 0);

/**
 * Bytes per client per second the naive mode would need to send every tick the exchange generated: its measured
 * bytes per message times every tick × subscribers. Equal to its measured rate while it keeps up; larger once it
 * falls behind (its feed then drops ticks and its clients get fewer, later messages).
 */
const naiveEveryTickBytes = (n: ModeResult) =>
  n.bytesPerMsg === null ? null : (n.bytesPerMsg * n.everyTickMsgsPerSec) / n.clients;

/** The throttle window at a rate (as server/push/throttle.ts computes it). */
export const windowOf = (maxFrequency: number) => Math.ceil(1000 / maxFrequency);

/** The figures as one JSON object (the last line of the output). */
export function resultJson(opts: BenchOptions, t: ModeResult, n: ModeResult | null): Record<string, unknown> {
  const windowMs = windowOf(opts.maxFrequency);
  const bytesRatio = ratio(t.bytesPerClientPerSec, n?.bytesPerClientPerSec);
  const bytesRatioVsEveryTick = n ? ratio(t.bytesPerClientPerSec, naiveEveryTickBytes(n)) : null;
  return {
    clients: opts.clients,
    sets: opts.sets,
    streamsPerClient: opts.streamsPerClient,
    tickMs: opts.tickMs,
    maxFrequency: opts.maxFrequency,
    windowMs,
    durationS: opts.duration,
    instances: opts.instances,
    msgsPerSec: round(t.msgsPerSec),
    bytesPerClientPerSec: round(t.bytesPerClientPerSec),
    wireBytesPerClientPerSec: round(t.wireBytesPerClientPerSec),
    p50Ms: t.p50Ms,
    p99Ms: t.p99Ms,
    maxMs: t.maxMs,
    cpuUsPerMsg: round(t.cpuUsPerMsg, 1),
    serverCpuCores: round(t.serverCpuCores, 3),
    rssMb: round(t.rssMb),
    clientCpuCores: t.clientCpuCores.map((c) => round(c, 2)),
    exchangeTicksPerSec: round(t.exchangeTicksPerSec),
    ticksPerSec: round(t.ticksPerSec),
    seqGaps: t.seqGaps,
    epochMismatches: t.epochMismatches,
    earlyDiffs: t.earlyDiffs,
    disconnects: reasons(t.disconnects),
    otherBusyCores: round(t.otherBusyCores, 2),
    naive: n && {
      msgsPerSec: round(n.msgsPerSec),
      everyTickMsgsPerSec: round(n.everyTickMsgsPerSec),
      deliveredPct: round(deliveredPct(n), 1),
      bytesPerClientPerSec: round(n.bytesPerClientPerSec),
      everyTickBytesPerClientPerSec: round(naiveEveryTickBytes(n)),
      p50Ms: n.p50Ms,
      p99Ms: n.p99Ms,
      cpuUsPerMsg: round(n.cpuUsPerMsg, 1),
      serverCpuCores: round(n.serverCpuCores, 3),
      rssMb: round(n.rssMb),
      clientCpuCores: n.clientCpuCores.map((c) => round(c, 2)),
      exchangeTicksPerSec: round(n.exchangeTicksPerSec),
      ticksPerSec: round(n.ticksPerSec),
      disconnects: reasons(n.disconnects),
      otherBusyCores: round(n.otherBusyCores, 2),
      // The naive mode runs on a lone server only: one server window.
      windowS: {
        server: round(n.windows.server[0] ?? 0, 2),
        clients: n.windows.clients.map((s) => round(s, 2)),
      },
      valid: n.valid,
    },
    cluster: t.cluster && {
      leadMoved: t.cluster.leadMoved,
      leaderClients: t.cluster.leaderClients,
      followerClients: t.cluster.followerClients,
      redisCpuCores: round(t.cluster.redisCpuCores, 3),
      instances: t.instances.map((i) => ({
        leading: i.leading,
        clients: i.clients,
        cpuCores: round(i.cpuCores, 3),
        rssMb: round(i.rssMb),
        loopDelayP99Ms: round(i.loopDelayP99Ms, 1),
        changesPerSec: round(i.changesPerSec),
        deliveriesPerSec: round(i.deliveriesPerSec),
      })),
    },
    bytesRatio: round(bytesRatio, 3),
    bytesRatioVsEveryTick: round(bytesRatioVsEveryTick, 3),
    // A run whose processes could not keep to the window has no trustworthy rates: no ratio from it.
    cpuRatio: n?.valid && t.valid ? round(ratio(t.serverCpuCores, n.serverCpuCores), 3) : null,
    valid: t.valid,
    targetsMet: {
      bytesRatio: bytesRatio === null ? null : bytesRatio <= BYTES_RATIO_TARGET,
      bytesRatioVsEveryTick:
        bytesRatioVsEveryTick === null ? null : bytesRatioVsEveryTick <= BYTES_RATIO_TARGET,
      // bytesRatio compares with what the naive server managed to send; below ~95 % it is not "every tick".
      naiveKeptUp: n ? (deliveredPct(n) ?? 0) >= 95 : null,
      p99: t.p99Ms !== null && t.p99Ms <= windowMs + P99_SLACK_MS,
      seqGaps: t.seqGaps === 0 && t.epochMismatches === 0 && t.earlyDiffs === 0,
    },
    machine: { cores: availableParallelism(), node: process.version },
  };
}

type Row = [string, (r: ModeResult) => string];

// Per-instance values in start order, the feed leader's marked with `*`.
const perInstance = (sep: string, value: (i: InstanceFigures) => string) => (r: ModeResult) =>
  r.instances.map((i) => `${value(i)}${i.leading ? '*' : ''}`).join(sep);
const latencyPair = (l: LatencyFigures | undefined) => (l ? `${fmt(l.p50Ms)} / ${fmt(l.p99Ms)}` : '-');

/** The rows only a cluster run has (--instances ≥ 2). */
const CLUSTER_ROWS: Row[] = [
  ['per instance (* = feed leader):', () => ''],
  ['  clients', perInstance(' / ', (i) => fmt(i.clients))],
  ['  server CPU, cores', perInstance(' + ', (i) => fmt(i.cpuCores, 3))],
  ['  server RSS MB (end)', perInstance(' / ', (i) => fmt(i.rssMb))],
  ['  server event-loop lag p99 ms', perInstance(' / ', (i) => fmt(i.loopDelayP99Ms, 1))],
  ['  changes/s applied (watched streams)', perInstance(' / ', (i) => fmt(i.changesPerSec))],
  ['  deliveries/s (push engine)', perInstance(' / ', (i) => fmt(i.deliveriesPerSec))],
  ['latency p50 / p99 ms, clients on leader', (r) => latencyPair(r.cluster?.leaderClients)],
  ['  on followers (through Redis)', (r) => latencyPair(r.cluster?.followerClients)],
  ['Redis CPU, cores (whole server)', (r) => fmt(r.cluster?.redisCpuCores, 3)],
  [
    'servers + Redis CPU, cores',
    (r) => {
      const redis = r.cluster?.redisCpuCores ?? null;
      return fmt(redis === null ? null : r.serverCpuCores + redis, 3);
    },
  ],
];

/** The human-readable table. */
export function table(opts: BenchOptions, t: ModeResult, n: ModeResult | null): string {
  const windowMs = windowOf(opts.maxFrequency);
  const rows: Row[] = [
    ['messages/s delivered (all clients)', (r) => fmt(r.msgsPerSec)],
    ['  every tick x subscribers, /s', (r) => fmt(r.everyTickMsgsPerSec)],
    ['  delivered / every-tick', (r) => `${fmt(deliveredPct(r), 1)} %`],
    [
      '  per client /s (min..max)',
      (r) => `${fmt(r.minClientMsgsPerSec, 1)}..${fmt(r.maxClientMsgsPerSec, 1)}`,
    ],
    ['bytes/client/s (WebSocket frames)', (r) => fmt(r.bytesPerClientPerSec)],
    ['  if every tick were sent', (r) => (r.mode === 'naive' ? fmt(naiveEveryTickBytes(r)) : '-')],
    ['bytes/client/s (TCP)', (r) => fmt(r.wireBytesPerClientPerSec)],
    ['bytes per message', (r) => fmt(r.bytesPerMsg)],
    ['latency p50 / p90 ms', (r) => `${fmt(r.p50Ms)} / ${fmt(r.p90Ms)}`],
    ['latency p99 / max ms', (r) => `${fmt(r.p99Ms)} / ${fmt(r.maxMs)}`],
    ['latency samples', (r) => fmt(r.latencySamples)],
    ['server CPU, cores', (r) => fmt(r.serverCpuCores, 3)],
    ['server CPU µs per message', (r) => fmt(r.cpuUsPerMsg, 1)],
    ['server RSS MB (end / peak)', (r) => `${fmt(r.rssMb)} / ${fmt(r.rssPeakMb)}`],
    ['server event-loop lag p99 ms', (r) => fmt(r.serverLoopDelayP99Ms, 1)],
    ['client process(es) CPU, cores', (r) => r.clientCpuCores.map((c) => fmt(c, 2)).join(' + ')],
    ['client event-loop lag p99 ms', (r) => r.clientLoopDelayP99Ms.map((c) => fmt(c, 1)).join(' / ')],
    ['demo exchange CPU, cores', (r) => fmt(r.demoCpuCores, 3)],
    ['ticks/s generated (watched streams)', (r) => fmt(r.exchangeTicksPerSec)],
    // In a cluster only the feed leader takes ticks in; the others' intake is under "changes/s applied".
    [
      t.cluster ? 'ticks/s taken in by the feed leader' : 'ticks/s taken in by the server',
      (r) => fmt(r.ticksPerSec),
    ],
    ['server deliveries/s (push engine)', (r) => (r.mode === 'naive' ? '-' : fmt(r.serverDeliveriesPerSec))],
    [
      'seq gaps / epoch mismatch / early',
      (r) => (r.mode === 'naive' ? '-' : `${r.seqGaps} / ${r.epochMismatches} / ${r.earlyDiffs}`),
    ],
    ['snapshots after drain / held', (r) => (r.mode === 'naive' ? '-' : `${r.snapshots} / ${r.heldClients}`)],
    ['disconnects / connections at end', (r) => `${reasons(r.disconnects)} / ${r.serverConnectionsAtEnd}`],
    [
      'window measured, s (server / clients)',
      (r) =>
        `${r.windows.server.map((s) => fmt(s, 1)).join(',')} / ${r.windows.clients.map((s) => fmt(s, 1)).join(',')}`,
    ],
    [
      'machine busy / other processes, cores',
      (r) => `${fmt(r.machineBusyCores, 2)} / ${fmt(r.otherBusyCores, 2)}`,
    ],
    ...(t.cluster ? CLUSTER_ROWS : []),
  ];
  const width = 40;
  const col = 16;
  const lines = [
    `Livefolio push bench: ${opts.clients} clients x ${opts.streamsPerClient} streams in ${opts.sets} set(s); demo tick ${opts.tickMs} ms/market;` +
      (opts.instances > 1 ? ` ${opts.instances} instances on Redis (throttled only);` : '') +
      ` max ${opts.maxFrequency} msg/s (window ${windowMs} ms); ${opts.duration} s measured after ${opts.warmup} s warm-up;` +
      ` ${availableParallelism()} cores, Node ${process.version}`,
    '',
    `${'metric'.padEnd(width)}${'throttled'.padStart(col)}${n ? 'naive'.padStart(col) + 'ratio'.padStart(10) : ''}`,
  ];
  const ratioRows = new Set([
    'bytes/client/s (WebSocket frames)',
    '  if every tick were sent',
    'server CPU, cores',
    'messages/s delivered (all clients)',
  ]);
  for (const [label, get] of rows) {
    let line = `${label.padEnd(width)}${get(t).padStart(col)}`;
    if (n) {
      line += get(n).padStart(col);
      if (ratioRows.has(label)) {
        const value = label.startsWith('bytes')
          ? ratio(t.bytesPerClientPerSec, n.bytesPerClientPerSec)
          : label.startsWith('  if')
            ? ratio(t.bytesPerClientPerSec, naiveEveryTickBytes(n))
            : label.startsWith('server')
              ? ratio(t.serverCpuCores, n.serverCpuCores)
              : ratio(t.msgsPerSec, n.msgsPerSec);
        line += fmt(value, 3).padStart(10);
      }
    }
    lines.push(line.trimEnd());
  }
  lines.push('');
  return lines.join('\n');
}

/** Largest server CPU of the real server over the bare socket.io baseline's (--bare) at the same load. */
export const BARE_CPU_RATIO_TARGET = 1.2;
/** With --bare, p99 latency may exceed the throttle window by this much. */
export const BARE_P99_SLACK_MS = 30;

/** Share of the due messages (clients × rate) both runs of a --bare round must deliver for its ratio to count. */
const KEPT_UP = 0.95;

/** One round of --bare: the real server and the bare baseline, measured one right after the other. */
export interface BareRound {
  server: ModeResult;
  bare: ModeResult;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** The --bare figures: each round's CPU ratio, their median, and the server's worst p99 over the rounds. */
export function bareJson(opts: BenchOptions, rounds: readonly BareRound[]): Record<string, unknown> {
  const ratios = rounds.map((r) => r.server.serverCpuCores / r.bare.serverCpuCores);
  const medianCpuRatio = median(ratios);
  // The server less ccxt's own cost of taking in the same frames, over socket.io's: what the server's own code adds.
  const beyond = rounds.map((r) =>
    r.bare.feedFloorCores === null
      ? null
      : (r.server.serverCpuCores - r.bare.feedFloorCores) / r.bare.serverCpuCores,
  );
  const known = beyond.filter((x): x is number => x !== null);
  const worstP99Ms = Math.max(...rounds.map((r) => r.server.p99Ms ?? Infinity));
  // A server that delivers less than the load asks does less work: its CPU says nothing of the load's cost.
  const due = opts.clients * opts.maxFrequency;
  const keptUp = (r: BareRound) => r.server.msgsPerSec >= KEPT_UP * due && r.bare.msgsPerSec >= KEPT_UP * due;
  const allKeptUp = rounds.every(keptUp);
  return {
    rounds: rounds.map((r, k) => ({
      serverCpuCores: round(r.server.serverCpuCores, 3),
      bareCpuCores: round(r.bare.serverCpuCores, 3),
      cpuRatio: round(ratios[k] ?? null, 3),
      feedFloorCores: round(r.bare.feedFloorCores, 3),
      cpuRatioBeyondCcxt: round(beyond[k] ?? null, 3),
      // When either fell short of the load (a starved process delivers less), this is the fairer comparison.
      cpuPerMsgRatio: round(ratio(r.server.cpuUsPerMsg, r.bare.cpuUsPerMsg), 3),
      msgsPerSec: [round(r.server.msgsPerSec), round(r.bare.msgsPerSec)],
      bytesPerMsg: [round(r.server.bytesPerMsg), round(r.bare.bytesPerMsg)],
      serverP99Ms: r.server.p99Ms,
      otherBusyCores: [round(r.server.otherBusyCores, 2), round(r.bare.otherBusyCores, 2)],
      keptUp: keptUp(r),
      valid: r.server.valid && r.bare.valid,
    })),
    medianCpuRatio: round(medianCpuRatio, 3),
    medianCpuRatioBeyondCcxt: known.length > 0 ? round(median(known), 3) : null,
    worstP99Ms,
    valid: rounds.every((r) => r.server.valid && r.bare.valid),
    keptUp: allKeptUp,
    targetsMet: {
      cpuRatio: allKeptUp ? medianCpuRatio <= BARE_CPU_RATIO_TARGET : null,
      p99: worstP99Ms <= windowOf(opts.maxFrequency) + BARE_P99_SLACK_MS,
    },
  };
}

/** The --bare rounds as a table. */
export function bareTable(opts: BenchOptions, rounds: readonly BareRound[]): string {
  const json = bareJson(opts, rounds);
  const lines = [
    `Against a bare socket.io broadcast of the same messages (${rounds.length} round(s), alternated):`,
    '',
    `${'round'.padEnd(8)}${'server CPU'.padStart(12)}${'bare CPU'.padStart(12)}${'ratio'.padStart(8)}` +
      `${'ccxt CPU'.padStart(10)}${'beyond ccxt'.padStart(13)}` +
      `${'msgs/s server / bare'.padStart(24)}${'bytes/msg server / bare'.padStart(26)}${'p99 ms'.padStart(8)}`,
  ];
  rounds.forEach((r, k) => {
    lines.push(
      `${String(k + 1).padEnd(8)}${fmt(r.server.serverCpuCores, 3).padStart(12)}${fmt(r.bare.serverCpuCores, 3).padStart(12)}` +
        `${fmt(r.server.serverCpuCores / r.bare.serverCpuCores, 3).padStart(8)}` +
        `${fmt(r.bare.feedFloorCores, 3).padStart(10)}` +
        `${fmt(r.bare.feedFloorCores === null ? null : (r.server.serverCpuCores - r.bare.feedFloorCores) / r.bare.serverCpuCores, 3).padStart(13)}` +
        `${`${fmt(r.server.msgsPerSec)} / ${fmt(r.bare.msgsPerSec)}`.padStart(24)}` +
        `${`${fmt(r.server.bytesPerMsg)} / ${fmt(r.bare.bytesPerMsg)}`.padStart(26)}${fmt(r.server.p99Ms).padStart(8)}`,
    );
  });
  lines.push(
    '',
    `median CPU ratio ${fmt(json.medianCpuRatio as number, 3)} (target <= ${BARE_CPU_RATIO_TARGET}); ` +
      `beyond ccxt's own cost ${fmt(json.medianCpuRatioBeyondCcxt as number | null, 3)}; ` +
      `worst p99 ${fmt(json.worstP99Ms as number)} ms (target <= ${windowOf(opts.maxFrequency) + BARE_P99_SLACK_MS})`,
    '',
  );
  return lines.join('\n');
}

/** Largest change of the server's memory from the soak's second minute to its last. */
export const SOAK_MEMORY_TOLERANCE = 0.1;

/** The --soak figures: disconnects over the whole window, and the server's RSS minute by minute. */
export function soakJson(opts: BenchOptions, t: ModeResult): Record<string, unknown> {
  // A window of whole minutes may end a moment into the next: that stub is no minute.
  const byMinute = t.rssMbByMinute.slice(0, opts.soakMinutes);
  // The first minute still holds the warm-up's growth; the second is the reference.
  const second = byMinute[1] ?? null;
  const last = byMinute.length > 2 ? (byMinute[byMinute.length - 1] as number) : null;
  const lastVsSecond = second !== null && last !== null ? last / second : null;
  const disconnects = reasons(t.disconnects);
  return {
    minutes: opts.soakMinutes,
    disconnects,
    connectionsAtEnd: t.serverConnectionsAtEnd,
    seqGaps: t.seqGaps,
    rssMbByMinute: byMinute.map((mb) => round(mb, 1)),
    lastVsSecondMinute: round(lastVsSecond, 3),
    targetsMet: {
      noDisconnects: disconnects === 0 && t.serverConnectionsAtEnd === opts.clients,
      memoryFlat: lastVsSecond !== null && Math.abs(lastVsSecond - 1) <= SOAK_MEMORY_TOLERANCE,
    },
  };
}
