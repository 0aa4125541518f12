/**
 * Prometheus metrics (prom-client): the process's own (CPU, memory, event-loop lag, GC) and the live figures of
 * the push side and the feeds, read when scraped rather than counted on every tick.
 */
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { FeedState, FeedStatus } from '../lib/protocol';
import type { PushStats } from './push/push-engine';

/** What the metrics read from the server. */
export interface MetricsSources {
  clients(): number;
  push(): PushStats;
  feeds(): FeedStatus[];
  /** Whether the cluster's Redis connections are up; absent without REDIS_URL (no metric then). */
  redis?: () => boolean;
  /** Whether this instance runs the cluster's exchange feeds; absent without REDIS_URL. */
  leading?: () => boolean;
  /** Exchange syncs ended so far, by exchange and outcome (`ok` or the error code). */
  syncs?: () => Array<[{ exchange: string; outcome: string }, number]>;
  /** Candles from the exchanges dropped by the candle check so far, by exchange and reason. */
  badCandles?: () => Array<[{ exchange: string; reason: string }, number]>;
  /** Ticks and exchange answers that would have changed a closed candle (K4), by reason. */
  candleRefusals?: () => Array<[{ reason: string }, number]>;
  now?: () => number;
}

const FEED_STATES: readonly FeedState[] = ['connecting', 'live', 'stale', 'down'];

/** A counter that follows a total kept elsewhere: each scrape adds what it grew by since the last. */
function followingCounter<L extends string>(
  registry: Registry,
  name: string,
  help: string,
  labelNames: readonly L[],
  read: () => Array<[Partial<Record<L, string>>, number]>,
): void {
  const seen = new Map<string, number>();
  new Counter({
    name,
    help,
    labelNames,
    registers: [registry],
    collect() {
      for (const [labels, total] of read()) {
        const key = JSON.stringify(labels);
        const grown = total - (seen.get(key) ?? 0);
        seen.set(key, total);
        // A total that went down (a feed recreated) starts the count again from its new value.
        this.inc(labels, grown >= 0 ? grown : total);
      }
    },
  });
}

/** The registry with every metric; `countPacket` is called by the engine.io hook for each packet sent. */
export function createMetrics(sources: MetricsSources) {
  const registry = new Registry();
  const now = sources.now ?? Date.now;
  collectDefaultMetrics({ register: registry });

  new Gauge({
    name: 'livefolio_connected_clients',
    help: 'Socket.io clients connected now.',
    registers: [registry],
    collect() {
      this.set(sources.clients());
    },
  });
  // Counted for every packet to every client, so in plain numbers, and handed to prom-client when scraped: its
  // labelled inc() costs more than the rest of a delivery's bookkeeping.
  const packetsByType = new Map<string, number>();
  let bytesSent = 0;
  // A broadcast hands the same encoded string to every socket of its room: its byte length is computed once.
  let lastText = '';
  let lastTextBytes = 0;
  followingCounter(
    registry,
    'livefolio_socket_messages_sent_total',
    'Engine.io packets written to clients (messages, heartbeats), per client.',
    ['type'],
    () => [...packetsByType].map(([type, n]): [{ type: string }, number] => [{ type }, n]),
  );
  followingCounter(
    registry,
    'livefolio_socket_bytes_sent_total',
    'Bytes of engine.io packets written to clients, before transport framing.',
    [],
    () => [[{}, bytesSent]],
  );
  const push = (key: keyof PushStats) => () => [[{}, sources.push()[key]]] as Array<[object, number]>;
  followingCounter(
    registry,
    'livefolio_diffs_sent_total',
    'market:diff messages emitted (one per subscription group and window).',
    [],
    push('diffsSent'),
  );
  followingCounter(
    registry,
    'livefolio_diff_deliveries_total',
    'market:diff messages delivered, counted per receiving client.',
    [],
    push('deliveries'),
  );
  followingCounter(
    registry,
    'livefolio_diffs_skipped_total',
    'Diffs not sent to slow clients whose buffers were full (they get a snapshot once drained).',
    [],
    push('diffsSkipped'),
  );
  followingCounter(
    registry,
    'livefolio_snapshots_after_drain_total',
    'Snapshots sent to slow clients once their buffers drained.',
    [],
    push('snapshotsAfterDrain'),
  );
  if (sources.syncs)
    followingCounter(
      registry,
      'livefolio_exchange_syncs_total',
      'Exchange connection syncs ended, by exchange and outcome (ok, or the error code of P9).',
      ['exchange', 'outcome'],
      sources.syncs,
    );
  if (sources.badCandles)
    followingCounter(
      registry,
      'livefolio_bad_candles_total',
      'Candles from the exchanges dropped by the candle check (H4), by exchange and reason.',
      ['exchange', 'reason'],
      sources.badCandles,
    );
  if (sources.candleRefusals)
    followingCounter(
      registry,
      'livefolio_candle_refusals_total',
      'Late ticks and exchange answers refused because they would change a closed candle (K4), by reason.',
      ['reason'],
      sources.candleRefusals,
    );
  new Gauge({
    name: 'livefolio_slow_clients',
    help: 'Clients whose diffs are held because their send buffer is full.',
    registers: [registry],
    collect() {
      this.set(sources.push().heldClients);
    },
  });
  new Gauge({
    name: 'livefolio_feed_state',
    help: 'Feed state per exchange: 1 for the current state, 0 for the others.',
    labelNames: ['exchange', 'state'],
    registers: [registry],
    collect() {
      this.reset();
      for (const feed of sources.feeds())
        for (const state of FEED_STATES)
          this.set({ exchange: feed.exchange, state }, feed.state === state ? 1 : 0);
    },
  });
  new Gauge({
    name: 'livefolio_feed_streams',
    help: 'Watched streams per exchange that are not plainly live (protocol F1): stale, quiet, unpriced, or polled.',
    labelNames: ['exchange', 'state'],
    registers: [registry],
    collect() {
      this.reset();
      for (const feed of sources.feeds()) {
        const counts = { stale: 0, quiet: 0, unpriced: 0, polled: 0 };
        for (const health of Object.values(feed.streams)) {
          if (health.state !== 'live') counts[health.state] += 1;
          else if (health.via === 'poll') counts.polled += 1;
        }
        for (const [state, count] of Object.entries(counts))
          this.set({ exchange: feed.exchange, state }, count);
      }
    },
  });
  new Gauge({
    name: 'livefolio_feed_tick_lag_seconds',
    help: 'Seconds since the latest tick of each exchange feed (absent before the first).',
    labelNames: ['exchange'],
    registers: [registry],
    collect() {
      this.reset();
      for (const feed of sources.feeds())
        if (feed.lastTickAt !== null) this.set({ exchange: feed.exchange }, (now() - feed.lastTickAt) / 1000);
    },
  });
  const perFeed = (key: 'reconnects' | 'invalidTicks') => () =>
    sources.feeds().map((f): [{ exchange: string }, number] => [{ exchange: f.exchange }, f[key]]);
  followingCounter(
    registry,
    'livefolio_feed_reconnects_total',
    'Reconnects of each exchange feed.',
    ['exchange'],
    perFeed('reconnects'),
  );
  followingCounter(
    registry,
    'livefolio_feed_invalid_ticks_total',
    'Ticks dropped by validation, per exchange.',
    ['exchange'],
    perFeed('invalidTicks'),
  );

  const flag = (name: string, help: string, read: (() => boolean) | undefined) => {
    if (!read) return;
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read() ? 1 : 0);
      },
    });
  };
  flag(
    'livefolio_redis_connected',
    '1 while this instance is connected to Redis (REDIS_URL), 0 while it is not.',
    sources.redis,
  );
  flag(
    'livefolio_feed_leader',
    '1 while this instance runs the exchange feeds of its cluster (REDIS_URL), 0 while another does.',
    sources.leading,
  );

  return {
    registry,
    /** Counts one engine.io packet written to a client. */
    countPacket(type: string, data: unknown): void {
      packetsByType.set(type, (packetsByType.get(type) ?? 0) + 1);
      if (typeof data === 'string') {
        if (data !== lastText) {
          lastText = data;
          lastTextBytes = Buffer.byteLength(data);
        }
        bytesSent += lastTextBytes;
      } else if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) bytesSent += data.byteLength;
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
