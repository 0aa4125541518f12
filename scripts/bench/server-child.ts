/** Bench child: the real server (createApp) fed by the demo exchange; measures its own CPU and memory. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { createApp } from '../../server/app';
import { ClusterFeeds } from '../../server/cluster/cluster-feeds';
import { loadConfig } from '../../server/config';
import { childConfig, failChild, serveCommands, startMeter, tell } from './ipc';
import type { MeterReading } from './ipc';
import { NaivePush } from './naive-push';

/** What the parent passes in. */
export interface ServerChildConfig {
  demoUrl: string;
  mode: 'throttled' | 'naive';
  maxFrequency: number;
  /** Scratch directory for the database; the parent removes it. */
  dataDir: string;
  /** The account created at start (ADMIN_USERNAME / ADMIN_PASSWORD), which the parent signs in with. */
  admin: { username: string; password: string };
  /** With --instances ≥ 2: the Redis the instances share and this run's key prefix; null for a lone server. */
  cluster: { redisUrl: string; prefix: string } | null;
}

/** What the server reports for the measurement window. */
export interface ServerReport {
  meter: MeterReading;
  /**
   * Valid ticks the server took in from the exchange, per stream (MarketState.onTick). In a cluster only the feed
   * leader takes ticks in: the others apply the leader's changes (MarketState.put), which onTick does not see.
   */
  ticksByStream: Record<string, number>;
  /** Changes applied to the market state, per stream (MarketState.onChange): a follower's whole intake. */
  changesByStream: Record<string, number>;
  /** Whether this instance ran the feeds at the start and at the end of the window; null for a lone server. */
  leading: { atStart: boolean; atEnd: boolean } | null;
  /** PushEngine deliveries (diffs × room size) in the window; 0 in naive mode. */
  pushDeliveries: number;
  pushDiffsSkipped: number;
  heldClients: number;
  connections: number;
}

const MARKETS_TIMEOUT_MS = 30_000;

async function main(): Promise<void> {
  const { demoUrl, mode, maxFrequency, dataDir, admin, cluster } = childConfig<ServerChildConfig>();
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
    ...(cluster ? { REDIS_URL: cluster.redisUrl, REDIS_PREFIX: cluster.prefix } : {}),
  });
  const app = await createApp({
    config,
    log: pino({ level: 'silent' }),
    exchanges: [{ id: 'binance', url: demoUrl, simulated: true }],
    databaseFile: join(dataDir, 'bench.db'),
    // The naive baseline sends every tick in full to every subscriber: no throttle, conflation or diffs.
    ...(mode === 'naive' ? { subscriptions: (io, market) => new NaivePush(io, market) } : {}),
  });
  const address = await app.listen(0, '127.0.0.1');
  // Subscriptions are refused (EXCHANGE_UNAVAILABLE) until the markets are loaded. A follower learns the count
  // from the leader's status before it has read the markets themselves: wait for both.
  const since = Date.now();
  const loaded = () =>
    (app.feeds.statuses()[0]?.markets ?? 0) > 0 && app.feeds.search('binance', '', 1).length > 0;
  while (!loaded()) {
    if (Date.now() - since > MARKETS_TIMEOUT_MS) throw new Error('the demo exchange markets did not load');
    await new Promise((r) => setTimeout(r, 50));
  }

  let ticks = new Map<string, number>();
  let changes = new Map<string, number>();
  let counting = false;
  app.market.onTick((stream) => {
    if (counting) ticks.set(stream, (ticks.get(stream) ?? 0) + 1);
  });
  app.market.onChange((stream) => {
    if (counting) changes.set(stream, (changes.get(stream) ?? 0) + 1);
  });
  const feeds = app.feeds;
  const leading = () => (feeds instanceof ClusterFeeds ? feeds.leading : null);
  let ledAtStart = leading();
  let stopMeter: (() => MeterReading) | null = null;
  let pushAtStart = app.push.stats();
  serveCommands({
    start: () => {
      ticks = new Map();
      changes = new Map();
      ledAtStart = leading();
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
        changesByStream: Object.fromEntries(changes),
        leading: ledAtStart === null ? null : { atStart: ledAtStart, atEnd: leading() === true },
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
