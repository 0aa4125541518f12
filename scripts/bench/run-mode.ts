/** One bench run: the server(s) in the given push mode, the client processes, warm-up, measurement, teardown. */
import { cpus } from 'node:os';
import { signIn, TEST_ADMIN } from '../../tests/support/stack';
import type { ClientChildConfig, ClientReport } from './client-child';
import type { DemoReport } from './demo-child';
import { spawnChild } from './ipc';
import type { Child } from './ipc';
import type { BenchOptions } from './options';
import type { BareChildConfig } from './bare-child';
import type { BenchRedis } from './redis';
import type { FeedFloorConfig, FeedFloorReport } from './feed-floor-child';
import type { ServerReport } from './server-child';
import { startServers } from './servers';
import { subscribersPerStream, summarize } from './summary';
import type { ModeResult } from './summary';

interface ClientsReady {
  connected: number;
  subscribed: number;
  errors: string[];
  disconnects: Record<string, number>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// Redis is part of a cluster's cost: its CPU seconds per second since `start`, or null if it cannot be read.
async function redisCpuSince(redis: BenchRedis, start: { cpu: number; at: number }): Promise<number | null> {
  try {
    const cpu = await redis.cpuSeconds();
    return (cpu - start.cpu) / ((performance.now() - start.at) / 1000);
  } catch {
    return null;
  }
}

/** Busy and total CPU time of the whole machine so far, ms summed over cores. */
export function machineTimes(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const { times } of cpus()) {
    const all = times.user + times.nice + times.sys + times.irq + times.idle;
    total += all;
    busy += all - times.idle;
  }
  return { busy, total };
}

/** Splits n as evenly as possible into p parts: [first, count] each, empty parts left out. */
function split(n: number, p: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let first = 0;
  for (let k = 0; k < p; k++) {
    const count = Math.floor(n / p) + (k < n % p ? 1 : 0);
    if (count > 0) out.push([first, count]);
    first += count;
  }
  return out;
}

/**
 * The client processes: the clients are split evenly over the instances first, then each instance's share over
 * the processes given to it (procs ≥ instances), so that every instance holds the same number of clients.
 */
export function placeClients(
  clients: number,
  procs: number,
  instances: number,
): Array<{ instance: number; firstIndex: number; count: number }> {
  const procsOf = split(procs, instances);
  return split(clients, instances).flatMap(([first, share], instance) =>
    split(share, procsOf[instance]?.[1] ?? 1).map(([offset, count]) => ({
      instance,
      firstIndex: first + offset,
      count,
    })),
  );
}

/** What every run shares: the demo exchange, the stream sets, a scratch directory, the progress output. */
export interface RunContext {
  demo: Child;
  demoUrl: string;
  sets: string[][];
  /** Removed by the parent on exit, so a killed server leaves no database behind. */
  scratchDir: string;
  /** The cluster's Redis with --instances ≥ 2; null for a lone server. */
  redis: BenchRedis | null;
  /** What the bare baseline sends (mode `bare`); absent otherwise. */
  bare?: BareChildConfig;
  say: (line: string) => void;
}

/** Starts the feed-floor child on the first stream set; pushed to `children` so that the run stops it. */
async function startFeedFloor(ctx: RunContext, children: Child[]): Promise<Child> {
  const config: FeedFloorConfig = {
    demoUrl: ctx.demoUrl,
    symbols: (ctx.sets[0] ?? []).map((stream) => stream.slice(stream.indexOf(':') + 1)),
  };
  const child = spawnChild('feed floor (ccxt alone)', './feed-floor-child.ts', config);
  children.push(child);
  await child.next('ready', 60_000);
  return child;
}

/** Runs the bench once in `mode` against the running demo exchange; every child it starts is stopped. */
export async function runMode(
  mode: ModeResult['mode'],
  opts: BenchOptions,
  ctx: RunContext,
): Promise<ModeResult> {
  const { demo, sets, say, redis } = ctx;
  const servers: Child[] = [];
  const sidecars: Child[] = [];
  const clientProcs: Child[] = [];
  try {
    const { urls, leader } = await startServers(mode, opts, ctx, servers);
    // Beside the bare baseline, ccxt alone on the same streams: the feed's floor, measured in the same window.
    // Started with the server, so that it is as warm as the real server's feed when the window opens.
    const floor = mode === 'bare' ? await startFeedFloor(ctx, sidecars) : null;
    // One session for every client: a session may hold any number of connections, on any instance (the
    // instances share the database).
    // The bare baseline has no accounts.
    const cookie = mode === 'bare' ? '' : await signIn(urls[0] as string, TEST_ADMIN);
    say(
      urls.length > 1
        ? `[${mode}] ${urls.length} instances on ${urls.join(', ')}; instance ${leader + 1} leads the feeds;` +
            ` connecting ${opts.clients} clients in batches of ${opts.batch}`
        : `[${mode}] server on ${urls[0]}; connecting ${opts.clients} clients in batches of ${opts.batch}`,
    );
    const rampStart = Date.now();
    const placement = placeClients(opts.clients, opts.clientProcs, urls.length);
    for (const { instance, firstIndex, count } of placement) {
      const url = urls[instance] as string;
      const config: ClientChildConfig = { url, cookie, mode, sets, firstIndex, count, batch: opts.batch };
      clientProcs.push(spawnChild(`clients ${clientProcs.length + 1}`, './client-child.ts', config));
    }
    // Each connection is authenticated against the database: on a machine shared with other work, slow.
    const rampMs = 60_000 + opts.clients * 100;
    const opened = await Promise.all(
      clientProcs.map((c) => c.next<Pick<ClientsReady, 'connected' | 'errors'>>('connected', rampMs)),
    );
    const connectedFirst = opened.reduce((n, r) => n + r.connected, 0);
    if (connectedFirst !== opts.clients) {
      const errors = opened.flatMap((r) => r.errors).slice(0, 5);
      throw new Error(
        `[${mode}] only ${connectedFirst} of ${opts.clients} clients connected: ${errors.join('; ')}`,
      );
    }
    const ready = clientProcs.map((c) => c.next<ClientsReady>('ready', rampMs));
    for (const child of clientProcs) child.send({ type: 'subscribe' });
    const readies = await Promise.all(ready);
    const subscribed = readies.reduce((n, r) => n + r.subscribed, 0);
    const connected = readies.reduce((n, r) => n + r.connected, 0);
    if (subscribed !== opts.clients || connected !== opts.clients) {
      const errors = readies.flatMap((r) => r.errors).slice(0, 5);
      const reasons = readies.flatMap((r) =>
        Object.entries(r.disconnects).map(([why, n]) => `${n} x ${why}`),
      );
      throw new Error(
        `[${mode}] only ${connected} of ${opts.clients} clients still connected and ${subscribed} subscribed` +
          ` after the ramp-up (disconnects: ${reasons.join(', ') || 'none'}): ${errors.join('; ')}`,
      );
    }
    say(
      `[${mode}] ${subscribed} clients connected and subscribed in ${Date.now() - rampStart} ms; warm-up ${opts.warmup} s`,
    );
    await sleep(opts.warmup * 1000);

    const measured: Child[] = [...servers, demo, ...clientProcs, ...(floor ? [floor] : [])];
    // Listen before asking, so a fast answer is not missed.
    const reports = measured.map((c) =>
      c.next<Record<string, unknown>>('report', opts.duration * 1000 + 60_000),
    );
    const redisAtStart = redis && { cpu: await redis.cpuSeconds(), at: performance.now() };
    const machineAtStart = machineTimes();
    for (const child of measured) child.send({ type: 'start' });
    say(`[${mode}] measuring for ${opts.duration} s`);
    await sleep(opts.duration * 1000);
    for (const child of measured) child.send({ type: 'stop' });
    const machineAtEnd = machineTimes();
    const redisCpuCores = redis && redisAtStart ? await redisCpuSince(redis, redisAtStart) : null;
    const all = await Promise.all(reports);
    const serverReports = all.slice(0, servers.length);
    const [demoReport, ...clientReports] = all.slice(servers.length, servers.length + 1 + clientProcs.length);
    const floorReport = floor ? (all.at(-1) as unknown as FeedFloorReport) : null;
    // Other work on the machine takes CPU from the bench's processes: measure it rather than guess.
    const machineBusyCores =
      ((machineAtEnd.busy - machineAtStart.busy) / (machineAtEnd.total - machineAtStart.total)) *
      cpus().length;
    const result = summarize(
      {
        mode,
        clients: opts.clients,
        durationS: opts.duration,
        subscribers: subscribersPerStream(sets, opts.clients),
        exchange: 'binance',
        machineBusyCores,
        instanceOfPart: placement.map((p) => p.instance),
        redisCpuCores,
      },
      serverReports as unknown as ServerReport[],
      demoReport as unknown as DemoReport,
      clientReports as unknown as ClientReport[],
    );
    if (!result.valid) {
      say(
        `[${mode}] WARNING: a process measured ${result.windows.server.map((s) => s.toFixed(1)).join(', ')} s (server) /` +
          ` ${result.windows.clients.map((s) => s.toFixed(1)).join(', ')} s (clients) of the ${opts.duration} s window:` +
          ' it was too busy to answer in time; its per-second figures are not valid',
      );
    }
    if (result.cluster?.leadMoved) {
      say(`[${mode}] WARNING: the feed leader changed during the window; per-role figures mix both roles`);
    }
    say(
      `[${mode}] ${Math.round(result.msgsPerSec)} msgs/s, p99 ${result.p99Ms} ms, server CPU ${result.serverCpuCores.toFixed(2)} cores` +
        (urls.length > 1 ? ` (${urls.length} instances)` : ''),
    );
    if (floorReport) {
      result.feedFloorCores = floorReport.meter.cpuCores;
      // Measured, so not "other work on the machine".
      result.otherBusyCores = Math.max(0, result.otherBusyCores - floorReport.meter.cpuCores);
    }
    return result;
  } finally {
    await Promise.all(clientProcs.map((c) => c.stop()));
    await Promise.all([...servers, ...sidecars].map((c) => c.stop()));
  }
}
