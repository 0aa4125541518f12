/** The server processes of one run: a lone server, or from --instances 2 a cluster on Redis with one feed leader. */
import { join } from 'node:path';
import { TEST_ADMIN } from '../../tests/support/stack';
import { spawnChild } from './ipc';
import type { Child } from './ipc';
import type { BenchOptions } from './options';
import type { BareChildConfig } from './bare-child';
import type { BenchRedis } from './redis';
import type { ServerChildConfig } from './server-child';

/** Covers loading the markets: a follower reads them from Redis once the leader has published them. */
const READY_MS = 60_000;
const LEADER_MS = 30_000;

/** What starting the servers needs from the run. */
export interface ServersContext {
  demoUrl: string;
  scratchDir: string;
  /** Null for a lone server. */
  redis: BenchRedis | null;
  /** What the bare baseline sends (mode `bare`); absent otherwise. */
  bare?: BareChildConfig;
}

/** The `livefolio_feed_leader` gauge of an instance's /metrics: true, false, or null when it cannot be read. */
async function leads(url: string): Promise<boolean | null> {
  try {
    const res = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(5_000) });
    const match = /^livefolio_feed_leader (\d+)/m.exec(await res.text());
    return match ? match[1] === '1' : null;
  } catch {
    return null;
  }
}

/** Polls every instance until exactly one says it leads; resolves with its index. */
async function oneLeader(urls: readonly string[]): Promise<number> {
  const since = Date.now();
  let seen: Array<boolean | null> = [];
  while (Date.now() - since < LEADER_MS) {
    seen = await Promise.all(urls.map(leads));
    const leaders = seen.flatMap((lead, k) => (lead === true ? [k] : []));
    if (leaders.length === 1 && seen.every((lead) => lead !== null)) return leaders[0] as number;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not exactly one feed leader within ${LEADER_MS} ms: ${JSON.stringify(seen)}`);
}

/**
 * Starts `opts.instances` servers into `children` (so that the caller stops them even when this fails) and
 * resolves with their URLs and the index of the feed leader (0 for a lone server). The first starts alone: it
 * creates the database and the admin account, and takes the lease; the rest then join it.
 */
export async function startServers(
  mode: ServerChildConfig['mode'] | 'bare',
  opts: BenchOptions,
  ctx: ServersContext,
  children: Child[],
): Promise<{ urls: string[]; leader: number }> {
  const { redis } = ctx;
  if (mode === 'bare') return startBare(opts, ctx, children);
  const config: ServerChildConfig = {
    demoUrl: ctx.demoUrl,
    mode,
    maxFrequency: opts.maxFrequency,
    // One directory, one database file, shared by every instance (SQLite's WAL mode allows several processes).
    dataDir: join(ctx.scratchDir, mode),
    admin: TEST_ADMIN,
    cluster: redis && { redisUrl: redis.url, prefix: redis.prefix },
  };
  const start = (k: number) => {
    const name = opts.instances > 1 ? `server ${k + 1} (${mode})` : `server (${mode})`;
    // One file per thread (tsx runs its loader in a worker): the largest is the server's main thread.
    const dir = `${opts.cpuProf}/server-${mode}${opts.instances > 1 ? `-${k + 1}` : ''}`;
    const profile = opts.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
    const child = spawnChild(name, './server-child.ts', config, profile);
    children.push(child);
    return child.next<{ port: number }>('ready', READY_MS);
  };
  const first = await start(0);
  const rest = await Promise.all(Array.from({ length: opts.instances - 1 }, (_, k) => start(k + 1)));
  const urls = [first, ...rest].map(({ port }) => `http://127.0.0.1:${port}`);
  return { urls, leader: redis ? await oneLeader(urls) : 0 };
}

/** The bare socket.io baseline: one process, no database, no feed; profiled like the server with --cpu-prof. */
async function startBare(
  opts: BenchOptions,
  ctx: ServersContext,
  children: Child[],
): Promise<{ urls: string[]; leader: number }> {
  if (!ctx.bare) throw new Error('the bare baseline needs its message size and rate');
  const profile = opts.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProf}/server-bare`] : [];
  const child = spawnChild('server (bare)', './bare-child.ts', ctx.bare, profile);
  children.push(child);
  const { port } = await child.next<{ port: number }>('ready', READY_MS);
  return { urls: [`http://127.0.0.1:${port}`], leader: 0 };
}
