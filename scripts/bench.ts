/**
 * `npm run bench`: the push path under load. The demo exchange, the server and the socket.io clients each run in
 * a process of their own (loopback only); the same run is repeated with the naive baseline for the ratios.
 * With --instances N ≥ 2 the server is a cluster of N processes on Redis, throttled mode only. --bare R alternates
 * the server with a bare socket.io broadcast of the same messages, R rounds; --soak M measures one run for M minutes.
 * See docs/performance.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { killAllChildren, spawnChild } from './bench/ipc';
import { parseOptions, streamSets, USAGE } from './bench/options';
import type { BenchOptions } from './bench/options';
import { benchRedisUrl, openBenchRedis, shownUrl } from './bench/redis';
import type { BenchRedis } from './bench/redis';
import { bareJson, bareTable, resultJson, soakJson, table, windowOf } from './bench/report';
import type { BareRound } from './bench/report';
import { machineTimes, runMode } from './bench/run-mode';
import type { RunContext } from './bench/run-mode';
import type { ModeResult } from './bench/summary';

const say = (line: string) => process.stderr.write(`${line}\n`);

// Each client is a socket in the client process and another in the server process.
function checkFileLimit(opts: BenchOptions): void {
  let limit: number;
  try {
    limit = Number(execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim());
  } catch {
    return; // no shell to ask: the connections will fail loudly instead
  }
  const needed = Math.ceil(opts.clients / opts.clientProcs) + 256;
  if (Number.isFinite(limit) && limit < needed) {
    throw new Error(
      `ulimit -n is ${limit}; ${opts.clients} clients need about ${needed}: raise it (ulimit -n 65536)`,
    );
  }
}

// The bench shares the machine's cores with whatever else runs: say so when that is much.
async function warnIfBusy(): Promise<void> {
  const before = machineTimes();
  await new Promise((r) => setTimeout(r, 1000));
  const after = machineTimes();
  const busy = ((after.busy - before.busy) / (after.total - before.total)) * cpus().length;
  say(`machine: ${busy.toFixed(2)} of ${cpus().length} cores busy before the bench starts`);
  if (busy > 0.25) say('warning: other processes are using the CPU; figures will be lower and noisier');
}

// Generous: the ramp-up, every run and their teardown; a hung child must not keep the bench alive forever.
function deadlineMs(opts: BenchOptions): number {
  const perRun =
    90_000 + (opts.instances - 1) * 30_000 + opts.clients * 120 + (opts.warmup + opts.duration) * 1000;
  const runs = (opts.naive ? 1 : 0) + Math.max(1, 2 * opts.bareRounds);
  return perRun * runs + 30_000;
}

/**
 * --bare: the real server and the bare baseline, one right after the other, their order swapped every round so
 * that a drift of the machine's load weighs on both alike. The baseline sends the first run's message size.
 */
async function bareRounds(opts: BenchOptions, ctx: RunContext): Promise<BareRound[]> {
  const rounds: BareRound[] = [];
  let bare: RunContext['bare'];
  for (let k = 0; k < opts.bareRounds; k++) {
    const runServer = () => runMode('throttled', opts, ctx);
    const runBare = () => runMode('bare', opts, { ...ctx, bare });
    if (k % 2 === 0 || !bare) {
      const server = await runServer();
      bare ??= {
        streams: ctx.sets[0] ?? [],
        frameBytes: Math.round(server.bytesPerMsg ?? 0),
        windowMs: windowOf(opts.maxFrequency),
      };
      rounds.push({ server, bare: await runBare() });
    } else {
      const bareResult = await runBare();
      rounds.push({ server: await runServer(), bare: bareResult });
    }
    const last = rounds[k] as BareRound;
    ctx.say(
      `round ${k + 1}: server ${last.server.serverCpuCores.toFixed(3)} / bare ${last.bare.serverCpuCores.toFixed(3)} cores` +
        ` = ${(last.server.serverCpuCores / last.bare.serverCpuCores).toFixed(3)}`,
    );
  }
  return rounds;
}

async function main(): Promise<number> {
  const parsed = parseOptions(process.argv.slice(2));
  if (parsed === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const opts = parsed;
  checkFileLimit(opts);
  await warnIfBusy();
  const deadline = setTimeout(() => {
    say(`bench: not finished within ${deadlineMs(opts) / 1000} s; stopping`);
    killAllChildren();
    process.exit(1);
  }, deadlineMs(opts));
  deadline.unref();

  let redis: BenchRedis | null = null;
  if (opts.instances > 1) {
    redis = await openBenchRedis(benchRedisUrl());
    say(
      `${opts.instances} instances on Redis ${shownUrl(redis.url)}, prefix ${redis.prefix}; throttled mode only` +
        ' (the naive mode is a single-process baseline)',
    );
  }
  try {
    return await benchWith(opts, redis);
  } finally {
    if (redis) {
      // A fresh prefix per run: what it left in Redis (streams, the latest values, counters) serves nobody.
      await redis
        .dropKeys()
        .catch((err: unknown) => say(`could not remove the run's Redis keys: ${String(err)}`));
      await redis.close();
    }
  }
}

async function benchWith(opts: BenchOptions, redis: BenchRedis | null): Promise<number> {
  const demo = spawnChild('demo exchange', './demo-child.ts', { seed: opts.seed, tickMs: opts.tickMs });
  try {
    const { url, symbols } = await demo.next<{ url: string; symbols: string[] }>('ready', 60_000);
    say(`demo exchange on ${url}: ${symbols.length} markets, one tick every ${opts.tickMs} ms each`);
    const sets = streamSets('binance', symbols, opts.sets, opts.streamsPerClient);
    const scratchDir = mkdtempSync(join(tmpdir(), 'livefolio-bench-'));
    process.once('exit', () => rmSync(scratchDir, { recursive: true, force: true }));
    const ctx: RunContext = { demo, demoUrl: url, sets, scratchDir, redis, say };
    const rounds = opts.bareRounds > 0 ? await bareRounds(opts, ctx) : null;
    // With --bare the first round's server run is the throttled result of the main table.
    const throttled: ModeResult = rounds?.[0]?.server ?? (await runMode('throttled', opts, ctx));
    const naive = opts.naive ? await runMode('naive', opts, ctx) : null;
    process.stdout.write(table(opts, throttled, naive));
    if (rounds) process.stdout.write(bareTable(opts, rounds));
    const soak = opts.soakMinutes > 0 ? soakJson(opts, throttled) : null;
    if (soak) process.stdout.write(`soak: ${JSON.stringify(soak)}\n`);
    const json = {
      ...resultJson(opts, throttled, naive),
      ...(rounds ? { bare: bareJson(opts, rounds) } : {}),
      ...(soak ? { soak } : {}),
    };
    process.stdout.write(`${JSON.stringify(json)}\n`);
    return 0;
  } finally {
    await demo.stop();
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    say(`bench: ${signal}; stopping the children`);
    killAllChildren();
    process.exit(130);
  });
}
process.once('exit', killAllChildren);

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    say(`bench failed: ${err instanceof Error ? err.message : String(err)}`);
    killAllChildren();
    process.exitCode = 1;
  },
);
