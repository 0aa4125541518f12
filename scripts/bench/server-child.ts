/** Bench child: the real server (createApp) fed by the demo exchange; measures its own CPU and memory. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { childConfig, failChild, serveCommands, startMeter, tell } from './ipc';
import type { MeterReading } from './ipc';

/** What the parent passes in. */
export interface ServerChildConfig {
  demoUrl: string;
  mode: 'throttled' | 'naive';
  maxFrequency: number;
  /** Scratch directory for the database; the parent removes it. */
  dataDir: string;
  /** The account created at start (ADMIN_USERNAME / ADMIN_PASSWORD), which the parent signs in with. */
  admin: { username: string; password: string };
}

/** What the server reports for the measurement window. */
export interface ServerReport {
  meter: MeterReading;
  /** Valid ticks the server took in, per stream. */
  ticksByStream: Record<string, number>;
  /** PushEngine deliveries (diffs × room size) in the window; 0 in naive mode. */
  pushDeliveries: number;
  pushDiffsSkipped: number;
  heldClients: number;
  connections: number;
}

const MARKETS_TIMEOUT_MS = 30_000;

async function main(): Promise<void> {
  const { demoUrl, mode, maxFrequency, dataDir, admin } = childConfig<ServerChildConfig>();
  mkdirSync(dataDir, { recursive: true });
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    EXCHANGES: 'binance',
    DATA_DIR: dataDir,
    MAX_FREQUENCY: String(maxFrequency),
    ADMIN_USERNAME: admin.username,
    ADMIN_PASSWORD: admin.password,
    // Every bench client connects from 127.0.0.1, far beyond what one real address may do.
    CONNECTION_RATE_LIMIT: '1000000',
    EVENT_RATE_LIMIT: '100000',
  });
  const app = await createApp({
    config,
    log: pino({ level: 'silent' }),
    exchanges: [{ id: 'binance', url: demoUrl, simulated: true }],
    databaseFile: join(dataDir, 'bench.db'),
    pushMode: mode,
  });
  const address = await app.listen(0, '127.0.0.1');
  // Subscriptions are refused (EXCHANGE_UNAVAILABLE) until the markets are loaded.
  const since = Date.now();
  while ((app.feeds.statuses()[0]?.markets ?? 0) === 0) {
    if (Date.now() - since > MARKETS_TIMEOUT_MS) throw new Error('the demo exchange markets did not load');
    await new Promise((r) => setTimeout(r, 50));
  }

  let ticks = new Map<string, number>();
  let counting = false;
  app.market.onTick((stream) => {
    if (counting) ticks.set(stream, (ticks.get(stream) ?? 0) + 1);
  });
  let stopMeter: (() => MeterReading) | null = null;
  let pushAtStart = app.push.stats();
  serveCommands({
    start: () => {
      ticks = new Map();
      counting = true;
      pushAtStart = app.push.stats();
      stopMeter = startMeter();
    },
    stop: () => {
      const meter = stopMeter?.();
      counting = false;
      const push = app.push.stats();
      const report: ServerReport = {
        meter: meter as MeterReading,
        ticksByStream: Object.fromEntries(ticks),
        pushDeliveries: push.deliveries - pushAtStart.deliveries,
        pushDiffsSkipped: push.diffsSkipped - pushAtStart.diffsSkipped,
        heldClients: push.heldClients,
        connections: app.io.engine.clientsCount,
      };
      return { ...report };
    },
    exit: () => app.close(),
  });
  tell({ type: 'ready', port: address.port });
}

main().catch(failChild);
