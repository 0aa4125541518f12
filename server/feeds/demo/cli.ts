/** Standalone simulated exchange: `npx tsx server/feeds/demo/cli.ts --exchange kraken --port 9100 --seed 42`. */
import { parseArgs } from 'node:util';
import { startCoinbaseExchange } from './coinbase/index';
import { startDemoExchange } from './index';
import { startKrakenExchange } from './kraken/index';
import type { SimulatedExchange, VenueOptions } from './venue';

const USAGE =
  'usage: tsx server/feeds/demo/cli.ts [--exchange binance|coinbase|kraken] [--host 127.0.0.1] [--port 9100] ' +
  '[--seed 42] [--tick-ms 1000]';

const STARTERS: Readonly<Record<string, (options: VenueOptions) => Promise<SimulatedExchange>>> = {
  binance: startDemoExchange,
  coinbase: startCoinbaseExchange,
  kraken: startKrakenExchange,
};

const NAMES: Readonly<Record<string, string>> = {
  binance: 'Binance spot',
  coinbase: 'Coinbase Advanced Trade',
  kraken: 'Kraken spot',
};

function integerOption(values: Record<string, unknown>, name: string, fallback: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isInteger(value)) {
    throw new RangeError(`--${name} must be an integer, got "${String(raw)}"`);
  }
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      exchange: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      seed: { type: 'string' },
      'tick-ms': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const seed = integerOption(values, 'seed', 42);
  const id = values.exchange ?? 'binance';
  const start = Object.hasOwn(STARTERS, id) ? STARTERS[id] : undefined;
  if (start === undefined)
    throw new RangeError(`--exchange must be binance, coinbase or kraken, got "${id}"`);
  const demo = await start({
    host: values.host ?? '127.0.0.1',
    port: integerOption(values, 'port', 9100),
    seed,
    tickMs: integerOption(values, 'tick-ms', 1000),
  });
  process.stdout.write(
    `demo exchange (simulated ${NAMES[id]}, seed ${seed}, ${demo.symbols().length} markets) listening on ${demo.url}\n` +
      `use it with: EXCHANGES=${id}@${demo.url}\n`,
  );
  const stop = (signal: NodeJS.Signals) => {
    process.stdout.write(`${signal}: stopping the demo exchange\n`);
    demo.close().then(
      () => {
        process.exitCode = 0;
      },
      (error: unknown) => {
        process.stderr.write(`demo exchange: close failed: ${String(error)}\n`);
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `demo exchange: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`,
  );
  process.exitCode = 2;
});
