import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { StreamId } from '../../lib/protocol';
import type { ClusterFeeds } from '../../server/cluster/cluster-feeds';
import type { Instance } from '../support/cluster';
import { leaseRenewals, useCluster } from '../support/cluster';
import { freeze } from '../support/converge';
import { redisAvailable } from '../support/services';
import { send, signIn, TEST_ADMIN, waitFor } from '../support/stack';
import { SyncedClient } from '../support/synced-client';

// One instance of a cluster runs the exchange feeds; the others take its market state through Redis.
const redisUp = await redisAvailable();
// Short, so that takeovers are quick; FEED_LEASE_MS documents the same rule for any value.
const LEASE_MS = 1_500;

const clusters = useCluster();

const feedsOf = (instance: Instance) => instance.app.feeds as ClusterFeeds;
const leaders = (instances: Instance[]) => instances.filter((i) => feedsOf(i).leading);

async function synced(instance: Instance): Promise<SyncedClient> {
  return new SyncedClient(
    await clusters.tab({ url: instance.url, cookie: await signIn(instance.url, TEST_ADMIN) }),
  );
}

/** Every stream of `instance`'s market state, with its ticker. */
function state(instance: Instance, streams: readonly StreamId[]) {
  return Object.fromEntries(streams.map((s) => [s, instance.app.market.get(s)]));
}

async function ready(instances: Instance[]): Promise<Instance> {
  await waitFor(() => leaders(instances).length === 1, 10_000, 'a feed leader');
  await waitFor(
    () => instances.every((i) => i.app.feeds.statuses()[0]?.markets !== 0),
    10_000,
    'markets on every instance',
  );
  return leaders(instances)[0] as Instance;
}

describe.skipIf(!redisUp)('the feeds of a cluster', () => {
  it('run on one instance only; the others hold exactly its market state', async () => {
    const cluster = await clusters.start(3, { FEED_LEASE_MS: String(LEASE_MS) });
    const leader = await ready(cluster.instances);
    const followers = cluster.instances.filter((i) => i !== leader);
    // One connection to the exchange for the whole cluster, still after the leader renewed its lease three times:
    // meanwhile every follower asked for the lease too (each as often), and was refused.
    await waitFor(() => cluster.demo.connections() === 1, 5_000, 'the leader to connect');
    await leaseRenewals(`${cluster.prefix}:feeds:leader`, 3);
    expect(cluster.demo.connections()).toBe(1);
    expect(leaders(cluster.instances)).toEqual([leader]);

    const streams = ['binance:BTC/USDT', 'binance:ETH/USDT', 'binance:SOL/USDT'] as StreamId[];
    await waitFor(() => streams.every((s) => followers.every((f) => f.app.market.get(s))), 5_000, 'ticks');
    cluster.demo.faults.stall();
    const equal = () => followers.every((f) => isDeepStrictEqual(state(f, streams), state(leader, streams)));
    await waitFor(equal, 3_000, 'the followers to hold the leader’s state').catch(() => undefined);
    for (const follower of followers) expect(state(follower, streams)).toEqual(state(leader, streams));
    // The followers' feed statuses are the leader's.
    for (const follower of followers)
      expect(follower.app.feeds.statuses()[0]).toMatchObject({ state: 'live', markets: expect.any(Number) });
  });

  it('a stream only a follower’s client wants is watched by the leader and reaches that client', async () => {
    const cluster = await clusters.start(2, { FEED_LEASE_MS: String(LEASE_MS) });
    const leader = await ready(cluster.instances);
    const follower = cluster.instances.find((i) => i !== leader) as Instance;
    const stream = 'binance:XRP/USDT' as StreamId;
    expect(leader.app.market.get(stream)).toBeUndefined();
    const client = await synced(follower);
    const ack = await client.subscribe([stream]);
    expect(ack.ok).toBe(true);
    await waitFor(() => client.diffs.length >= 3, 10_000, 'ticks of the new stream');
    cluster.demo.faults.stall();
    await waitFor(
      () => isDeepStrictEqual(client.market.tickers[stream], leader.app.market.get(stream)),
      3_000,
      'the client to hold the leader’s value',
    ).catch(() => undefined);
    expect(client.market.tickers[stream]).toEqual(leader.app.market.get(stream));
    expect(client.resyncs).toBe(0);
  });

  it('when the leader stops, another takes over within the lease and the followers’ clients go on', async () => {
    const cluster = await clusters.start(3, { FEED_LEASE_MS: String(LEASE_MS) });
    const leader = await ready(cluster.instances);
    const followers = cluster.instances.filter((i) => i !== leader);
    const stream = 'binance:BTC/USDT' as StreamId;
    const client = await synced(followers[0] as Instance);
    await client.subscribe([stream]);
    await waitFor(() => client.diffs.length >= 2, 5_000, 'ticks before');

    const stoppedAt = Date.now();
    await leader.app.close();
    cluster.instances = followers;
    await waitFor(() => leaders(followers).length === 1, 10_000, 'a new leader');
    const before = client.diffs.length;
    await waitFor(() => client.diffs.length > before + 2, 10_000, 'ticks after the takeover');
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
    expect(cluster.demo.connections()).toBe(1);
    // Seq stayed contiguous on the follower: no resync was needed.
    expect(client.resyncs).toBe(0);
    const newLeader = leaders(followers)[0] as Instance;
    cluster.demo.faults.stall();
    await waitFor(
      () => isDeepStrictEqual(client.market.tickers[stream], newLeader.app.market.get(stream)),
      3_000,
      'the client to hold the new leader’s value',
    ).catch(() => undefined);
    expect(client.market.tickers[stream]).toEqual(newLeader.app.market.get(stream));
  });
});

describe.skipIf(!redisUp)('alerts in a cluster', () => {
  it('[P7] an alert set on one instance is still checked, and fires, after that instance has gone', async () => {
    const cluster = await clusters.start(2, { FEED_LEASE_MS: String(LEASE_MS) });
    const leader = await ready(cluster.instances);
    const [a, b] = cluster.instances as [Instance, Instance];
    const cookie = await signIn(a.url, TEST_ADMIN);
    const stream = 'binance:BTC/USDT' as StreamId;
    await waitFor(() => b.app.market.get(stream)?.last != null, 5_000, 'a price');
    // Frozen while the alerts are set, so that neither is met at once: a band around the price, which the
    // moving price leaves soon after, one way or the other.
    await freeze(cluster.demo, leader.app.market, [stream]);
    await waitFor(
      () => isDeepStrictEqual(b.app.market.get(stream), leader.app.market.get(stream)),
      5_000,
      'b to hold the leader’s last price',
    );
    const last = b.app.market.get(stream)?.last as number;
    const set = async (condition: 'above' | 'below', price: number) => {
      const res = await fetch(`${a.url}/api/v1/alerts`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', origin: a.url },
        body: JSON.stringify({ stream, condition, price: price.toFixed(2) }),
      });
      expect(res.status).toBe(201);
    };
    await set('above', last * 1.0002);
    await set('below', last * 0.9998);
    const tabOnB = await clusters.tab({ url: b.url, cookie });
    const fired: unknown[] = [];
    tabOnB.on('alert:triggered', (event) => fired.push(event));

    await a.app.close();
    cluster.instances.splice(0, 1);
    cluster.demo.faults.resume();
    await waitFor(() => fired.length >= 1, 20_000, 'an alert fired by the remaining instance');
    expect(fired[0]).toMatchObject({ alert: { stream, triggeredPrice: expect.any(String) } });
  });
});

describe.skipIf(!redisUp)('work done once per cluster', () => {
  it('[P6] the value backfill of every user runs on the feed leader only, not on every instance', async () => {
    const databaseFile = join(mkdtempSync(join(tmpdir(), 'livefolio-backfill-')), 'shared.db');
    // A user with a past transaction, written by a first instance that then stops.
    const first = await clusters.start(1, {}, { databaseFile });
    const only = first.instances[0] as Instance;
    await ready(first.instances);
    const target = { url: only.url, cookie: await signIn(only.url, TEST_ADMIN) };
    const buy = await send(target, 'POST', '/api/v1/transactions', {
      type: 'buy',
      asset: 'BTC',
      quantity: '1',
      price: '30000',
      quoteCurrency: 'USDT',
      fee: '0',
      feeCurrency: 'USDT',
      time: '2026-10-01T00:00:00Z',
    });
    expect(buy.status).toBe(201);
    await clusters.close();

    const cluster = await clusters.start(2, { FEED_LEASE_MS: String(LEASE_MS) }, { databaseFile });
    const leader = await ready(cluster.instances);
    const follower = cluster.instances.find((i) => i !== leader) as Instance;
    const state = async (instance: Instance) => {
      const history = await send(
        { url: instance.url, cookie: await signIn(instance.url, TEST_ADMIN) },
        'GET',
        '/api/v1/portfolio/history',
      );
      return history.body.backfill as { state: string; days: number };
    };
    await waitFor(async () => (await state(leader)).state === 'done', 15_000, 'the leader’s backfill');
    expect((await state(leader)).days).toBeGreaterThan(0);
    // Both started together, and the leader's run came a debounce after it was queued: a run queued at the
    // follower's start would have shown as pending, then done, by now.
    expect((await state(follower)).state).toBe('none');
  });
});
