/** Command-line flags of `npm run bench`, and the stream sets the clients subscribe to. */
import { parseArgs } from 'node:util';

/** The bench's settings, every one from a flag with a default. */
export interface BenchOptions {
  clients: number;
  /** Measurement window per mode, seconds. */
  duration: number;
  /** Seconds between the last subscription and the measurement: V8 still compiles hot code in the first few. */
  warmup: number;
  /** Interval between ticks of each demo market: 100 is a busy market (10 ticks/s), 1000 Binance's cadence. */
  tickMs: number;
  /** Distinct 20-stream subscriptions the clients are spread over. */
  sets: number;
  streamsPerClient: number;
  maxFrequency: number;
  naive: boolean;
  clientProcs: number;
  /** Connections opened at once per client process during the ramp-up. */
  batch: number;
  seed: number;
  /** Directory for a V8 CPU profile of each server process (node --cpu-prof), or null. */
  cpuProf: string | null;
  /** Server processes; from 2 they form a cluster on Redis (REDIS_URL), one of them the feed leader. */
  instances: number;
  /** Rounds of the real server against the bare socket.io baseline (bare-child.ts), alternated; 0 for none. */
  bareRounds: number;
  /** Minutes of a soak run (throttled only, one long window, memory per minute); 0 for none. */
  soakMinutes: number;
}

/** Usage text. */
export const USAGE = `usage: npm run bench -- [--clients 200] [--duration 10] [--tick-ms 100] [--sets 1]
       [--max-frequency 4] [--no-naive] [--warmup 5] [--client-procs 1 (2 from 2000 clients)]
       [--batch 100] [--seed 42] [--cpu-prof DIR] [--instances 1] [--bare ROUNDS] [--soak MINUTES]

  --instances N   server processes, 1 to 8. From 2 they form a cluster on Redis (REDIS_URL, default
                  redis://127.0.0.1:6379) under a fresh REDIS_PREFIX, sharing one database; the clients
                  are spread evenly over them (--client-procs is then at least N), and only the throttled
                  mode runs (the naive mode is a single-process baseline).
  --bare R        also measure a bare socket.io server that broadcasts messages of the throttled run's
                  size at its rate to the same number of clients: R rounds, the real server and the bare
                  one alternated (its order swapped every round), each round's server CPU ratio and their
                  median reported. Lone server only.
  --soak M        one throttled run measured for M minutes (3 to 10; --duration is ignored, no naive
                  run): disconnects and the server's memory minute by minute.`;

function int(raw: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`--${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

/** Parses argv; throws a RangeError naming the bad flag. */
export function parseOptions(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      clients: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      'tick-ms': { type: 'string' },
      sets: { type: 'string' },
      'max-frequency': { type: 'string' },
      'no-naive': { type: 'boolean' },
      'client-procs': { type: 'string' },
      batch: { type: 'string' },
      seed: { type: 'string' },
      'cpu-prof': { type: 'string' },
      instances: { type: 'string' },
      bare: { type: 'string' },
      soak: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const maxFrequency = Number(values['max-frequency'] ?? 4);
  if (!(maxFrequency >= 0.1 && maxFrequency <= 20)) {
    throw new RangeError(`--max-frequency must be from 0.1 to 20, got "${values['max-frequency']}"`);
  }
  const clients = int(values.clients, 'clients', 200, 1, 20_000);
  const instances = int(values.instances, 'instances', 1, 1, 8);
  // One client process parsing 3,000 clients' frames lags by >100 ms and inflates the latency it measures.
  // Each client process talks to one instance, so every instance needs one at least.
  const clientProcs = int(
    values['client-procs'],
    'client-procs',
    Math.max(instances, clients >= 2000 ? 2 : 1),
    1,
    8,
  );
  if (clientProcs < instances) {
    throw new RangeError(
      `--client-procs must be at least --instances (${instances}): each client process talks to one instance, got "${clientProcs}"`,
    );
  }
  const bareRounds = int(values.bare, 'bare', 0, 0, 20);
  const soakMinutes = int(values.soak, 'soak', 0, 3, 10);
  if ((bareRounds > 0 || soakMinutes > 0) && instances > 1) {
    throw new RangeError('--bare and --soak measure a lone server: leave out --instances');
  }
  if (bareRounds > 0 && soakMinutes > 0) throw new RangeError('--bare and --soak are separate runs');
  if (clients < instances) {
    throw new RangeError(`--instances must be at most --clients (${clients}), got "${instances}"`);
  }
  return {
    clients,
    duration: soakMinutes > 0 ? soakMinutes * 60 : int(values.duration, 'duration', 10, 1, 600),
    warmup: int(values.warmup, 'warmup', 5, 0, 120),
    tickMs: int(values['tick-ms'], 'tick-ms', 100, 20, 60_000),
    sets: int(values.sets, 'sets', 1, 1, 1000),
    streamsPerClient: 20,
    maxFrequency,
    // The naive mode is a single-process baseline: several instances run the throttled mode only.
    naive: !values['no-naive'] && instances === 1 && soakMinutes === 0,
    clientProcs,
    batch: int(values.batch, 'batch', 100, 1, 5000),
    seed: int(values.seed, 'seed', 42, 0, 2 ** 31 - 1),
    cpuProf: values['cpu-prof'] ?? null,
    instances,
    bareRounds,
    soakMinutes,
  };
}

/**
 * `count` different sets of `size` streams from the exchange's markets: set k starts at an evenly spread
 * offset of the catalogue and wraps around, so sets overlap only as much as the catalogue forces them to.
 */
export function streamSets(
  exchange: string,
  symbols: readonly string[],
  count: number,
  size: number,
): string[][] {
  if (symbols.length < size)
    throw new Error(`the demo exchange lists ${symbols.length} markets; ${size} needed`);
  const distinctSets = new Set<string>();
  const sets: string[][] = [];
  for (let k = 0; k < count; k++) {
    const offset = Math.floor((k * symbols.length) / count);
    const set = Array.from(
      { length: size },
      (_, i) => `${exchange}:${symbols[(offset + i) % symbols.length]}`,
    );
    sets.push(set);
    distinctSets.add([...set].sort().join(','));
  }
  if (distinctSets.size < count) {
    // With 42 markets, more than 42 sets of 20 consecutive ones repeat; say so rather than report a false K.
    process.stderr.write(`note: only ${distinctSets.size} of the ${count} stream sets are distinct\n`);
  }
  return sets;
}
