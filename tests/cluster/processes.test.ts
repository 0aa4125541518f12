import { isDeepStrictEqual } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { StreamId } from '../../lib/protocol';
import { metric, startProcessCluster } from '../support/process-cluster';
import type { ProcessCluster } from '../support/process-cluster';
import { startPrivateRedis } from '../support/private-redis';
import type { PrivateRedis } from '../support/private-redis';
import type { ServerProcess } from '../support/server-process';
import { postgresAvailable, redisAvailable } from '../support/services';
import type { Client, Target } from '../support/stack';
import { connect, send, signIn, sleep, TEST_ADMIN, waitFor } from '../support/stack';
import { SyncedClient } from '../support/synced-client';
import { live, tabs } from '../client/socket/tab';
import type { Tab } from '../client/socket/tab';

// The fault tests of a cluster: production server processes on their own ports behind a balancer, one Redis,
// one PostgreSQL, killed and restarted while dashboard tabs (the real client library) watch.
const servicesUp = (await redisAvailable()) && (await postgresAvailable());
const STREAMS = ['binance:BTC/USDT', 'binance:ETH/USDT', 'binance:SOL/USDT'] as StreamId[];

let cluster: ProcessCluster | undefined;
let redis: PrivateRedis | undefined;
const direct: Client[] = [];
const tabOf = tabs();
// WebSocket only: long-polling needs a balancer that keeps a client on one instance (docs/scaling.md); this
// test balancer spreads connections, not clients.
const openTab = (target: Target) => tabOf(target, { socket: { transports: ['websocket'] } });
afterEach(async () => {
  for (const c of direct.splice(0)) c.disconnect();
  await cluster?.close();
  await redis?.close();
  cluster = undefined;
  redis = undefined;
}, 60_000);

/** Samples the exchange's connections every 20 ms: the most seen at once. */
function watchConnections(c: ProcessCluster): { most(): number; stop(): void } {
  let most = 0;
  const timer = setInterval(() => (most = Math.max(most, c.demo.connections())), 20);
  return { most: () => most, stop: () => clearInterval(timer) };
}

async function allReady(servers: ServerProcess[]): Promise<void> {
  await waitFor(
    async () => {
      const codes = await Promise.all(
        servers.map((s) =>
          fetch(`${s.url}/readyz`).then(
            (r) => r.status,
            () => 0,
          ),
        ),
      );
      return codes.every((code) => code === 200);
    },
    30_000,
    'every instance ready',
  );
}

/** A plain client on one process, following the same streams: that process's own market state. */
async function truthOf(server: ServerProcess): Promise<SyncedClient> {
  const socket = await connect({ url: server.url, cookie: await signIn(server.url, TEST_ADMIN) });
  direct.push(socket);
  const client = new SyncedClient(socket);
  await waitFor(async () => (await client.subscribe(STREAMS)).ok, 10_000, 'the subscription');
  return client;
}

/** Freezes the exchange and expects every tab to end holding exactly what the leader holds. */
async function expectAllEqualLeader(c: ProcessCluster, leader: ServerProcess, all: Tab[]): Promise<void> {
  const truth = await truthOf(leader);
  c.demo.faults.stall();
  const tickersOf = (tab: Tab) => tab.store.getState().market.tickers;
  const equal = () => all.every((tab) => isDeepStrictEqual(tickersOf(tab), truth.market.tickers));
  await waitFor(equal, 5_000, 'every tab to hold the leader’s state').catch(() => undefined);
  for (const tab of all) expect(tickersOf(tab)).toEqual(truth.market.tickers);
  expect(Object.keys(truth.market.tickers).sort()).toEqual([...STREAMS].sort());
}

describe.skipIf(!servicesUp)('a cluster of server processes', () => {
  it('kill the feed leader: another takes over within 10 s, every tab ends in the leader’s state, data intact', async () => {
    cluster = await startProcessCluster(3);
    await allReady(cluster.processes);
    const connections = watchConnections(cluster);
    const leader = await cluster.leader();
    expect(leader).not.toBeNull();
    const target: Target = {
      url: cluster.balancer.url,
      cookie: await signIn(cluster.balancer.url, TEST_ADMIN),
    };
    // Six tabs through the balancer: two on each instance.
    const all = Array.from({ length: 6 }, () => openTab(target));
    for (const tab of all) await live(tab);
    const onLeader = all.filter((_, i) => cluster!.processes[i % 3] === leader);
    expect(onLeader).toHaveLength(2);
    const written = await send(target, 'POST', '/api/v1/transactions', {
      type: 'buy',
      asset: 'ETH',
      quantity: '2.5',
      price: '3000',
      quoteCurrency: 'USDT',
      fee: '1.25',
      feeCurrency: 'USDT',
      time: '2026-03-04T05:06:07Z',
    });
    expect(written.status).toBe(201);
    // Diffs keep coming in order to every tab: none needed a resync.
    const before = all.map((t) => t.store.getState().market.seq);
    await waitFor(
      () => all.every((t, i) => t.store.getState().market.seq >= (before[i] as number) + 8),
      15_000,
      'eight more diffs in every tab',
    );
    for (const tab of all) expect(tab.sent('market:resync')).toHaveLength(0);

    const killedAt = Date.now();
    await leader!.stop('SIGKILL');
    const survivors = cluster.processes.filter((p) => p !== leader);
    let next: ServerProcess | null = null;
    await waitFor(async () => (next = await cluster!.leader(survivors)) !== null, 10_000, 'a new leader');
    const takeoverMs = Date.now() - killedAt;
    expect(takeoverMs).toBeLessThan(10_000);
    // Ticks flow again from the new leader, to every tab: those of the killed instance through another one.
    await waitFor(
      () => all.every((t) => t.store.getState().connection.state === 'live'),
      15_000,
      'every tab live again',
    );
    const seqs = all.map((t) => t.store.getState().market.seq);
    await waitFor(
      () => all.every((t, i) => t.store.getState().market.seq > (seqs[i] as number) + 2),
      10_000,
      'ticks after the takeover',
    );
    // The tabs that stayed on a living instance never needed a resync; at most one each, anywhere.
    for (const tab of all.filter((t) => !onLeader.includes(t)))
      expect(tab.sent('market:resync')).toHaveLength(0);
    for (const tab of all) expect(tab.sent('market:resync').length).toBeLessThanOrEqual(1);

    await expectAllEqualLeader(cluster, next!, all);
    // Never two instances ingesting at once.
    connections.stop();
    expect(connections.most()).toBe(1);
    const after = await send(target, 'GET', '/api/v1/transactions');
    expect(after.body.transactions).toHaveLength(1);
    expect(after.body.transactions[0]).toMatchObject({ asset: 'ETH', quantity: '2.5', fee: '1.25' });
    console.log(`feed takeover after SIGKILL of the leader: ${takeoverMs} ms`);
  }, 120_000);

  // The exchange freezes while Redis is away, so nothing that changes later can hide a follower left behind: the
  // tabs reach the leader's state only if the leader writes it again and every instance reads it.
  it.each([
    { lapses: false, leaseMs: 10_000, term: 'the leader keeps its term' },
    { lapses: true, leaseMs: 2_000, term: 'the lease lapses and a new term begins' },
  ])(
    'restart Redis ($term): every instance survives, every tab ends in the leader’s state',
    async (c) => {
      redis = await startPrivateRedis();
      cluster = await startProcessCluster(2, { REDIS_URL: redis.url, FEED_LEASE_MS: String(c.leaseMs) });
      await allReady(cluster.processes);
      const before = await cluster.leader();
      const target: Target = {
        url: cluster.balancer.url,
        cookie: await signIn(cluster.balancer.url, TEST_ADMIN),
      };
      const all = Array.from({ length: 4 }, () => openTab(target));
      for (const tab of all) await live(tab);

      const epochs = all.map((tab) => tab.store.getState().market.epoch);
      await redis.kill();
      const killedAt = Date.now();
      const everyMetric = async (name: string, value: string) =>
        (await Promise.all(cluster!.processes.map((p) => metric(p, name)))).every((v) => v === value);
      // Both still answer, and say Redis is away.
      await waitFor(() => everyMetric('livefolio_redis_connected', '0'), 10_000, 'both to report Redis away');
      if (c.lapses) {
        // The leader stops once its lease can have expired, and with it the cluster's one exchange connection.
        await waitFor(() => everyMetric('livefolio_feed_leader', '0'), 15_000, 'the leader to step down');
        await waitFor(() => cluster!.demo.connections() === 0, 10_000, 'the exchange connection to close');
        cluster.demo.faults.stall();
      } else {
        cluster.demo.faults.stall();
        // The outage's length is what this case is about: shorter than the renewal period (leaseMs / 3), so the
        // leader keeps its lease whenever its last renewal came; a failed renewal, if one falls in it, must not
        // cost it either.
        await sleep(Math.max(0, 2_500 - (Date.now() - killedAt)));
      }
      await redis.start();
      await waitFor(
        async () =>
          (await Promise.all(cluster!.processes.map((p) => metric(p, 'livefolio_redis_connected')))).every(
            (v) => v === '1',
          ),
        15_000,
        'both back on Redis',
      );
      let leader: ServerProcess | null = null;
      await waitFor(async () => (leader = await cluster!.leader()) !== null, 10_000, 'a leader again');
      if (!c.lapses) expect(leader).toBe(before);
      await expectAllEqualLeader(cluster, leader!, all);
      // Each instance's push engine went on: same epoch, no gap, no resync.
      expect(all.map((tab) => tab.store.getState().market.epoch)).toEqual(epochs);
      for (const tab of all) expect(tab.sent('market:resync')).toHaveLength(0);
      for (const tab of all) expect(tab.store.getState().connection.state).toBe('live');
      for (const p of cluster.processes) expect(p.output()).not.toMatch(/Unhandled|uncaught/i);
    },
    120_000,
  );
});
