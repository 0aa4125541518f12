import { isDeepStrictEqual } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { StreamId } from '../../lib/protocol';
import type { ClusterFeeds } from '../../server/cluster/cluster-feeds';
import { useCluster } from '../support/cluster';
import type { Instance } from '../support/cluster';
import { nginxAvailable, startNginx } from '../support/nginx';
import type { Nginx } from '../support/nginx';
import { redisAvailable } from '../support/services';
import type { Target } from '../support/stack';
import { signIn, TEST_ADMIN, waitFor } from '../support/stack';
import { live, tabs } from '../client/socket/tab';
import type { Tab } from '../client/socket/tab';

// deploy/nginx.conf, the balancer of compose.yaml's scaled profile, run by Debian's nginx in front of three
// instances: WebSocket and long-polling tabs of many users, spread over the instances, all live and all equal.
const ready = (await redisAvailable()) && nginxAvailable();
const STREAMS = ['binance:BTC/USDT', 'binance:ETH/USDT', 'binance:SOL/USDT'] as StreamId[];

const clusters = useCluster();
const openTab = tabs();
let nginx: Nginx | undefined;
afterEach(async () => {
  await nginx?.close();
  nginx = undefined;
});

/** The instance holding a tab's connection, found by the tab's own session cookie. */
function instanceOf(instances: Instance[], target: Target): Instance | undefined {
  return instances.find((i) =>
    [...i.app.io.sockets.sockets.values()].some((s) => s.handshake.headers.cookie === target.cookie),
  );
}

interface Placed {
  tab: Tab;
  target: Target;
  polling: boolean;
}

/** Opens tabs, each a new sign-in, alternating long-polling only and the default (polling, then WebSocket). */
async function spread(instances: Instance[], url: string): Promise<Placed[]> {
  const placed: Placed[] = [];
  const covered = () => instances.every((i) => placed.some((p) => instanceOf(instances, p.target) === i));
  for (let n = 0; n < 30 && (placed.length < 6 || !covered()); n++) {
    const target = { url, cookie: await signIn(url, TEST_ADMIN) };
    const polling = n % 2 === 0;
    const tab = openTab(target, polling ? { socket: { transports: ['polling'] } } : {});
    await live(tab);
    placed.push({ tab, target, polling });
  }
  return placed;
}

function expectEqualTo(instance: Instance, placed: Placed[]): Promise<void> {
  const held = (p: Placed) => p.tab.store.getState().market.tickers;
  const truth = () => Object.fromEntries(STREAMS.map((s) => [s, instance.app.market.get(s)]));
  return waitFor(() => placed.every((p) => isDeepStrictEqual(held(p), truth())), 5_000, 'equal tabs')
    .catch(() => undefined)
    .then(() => {
      for (const p of placed) expect(held(p)).toEqual(truth());
    });
}

describe.skipIf(!ready)('deploy/nginx.conf in front of a cluster', () => {
  it('keeps each client on one instance: polling and WebSocket tabs of users on every instance stay live and equal', async () => {
    const cluster = await clusters.start(3);
    nginx = await startNginx(cluster.instances.map((i) => Number(new URL(i.url).port)));
    const placed = await spread(cluster.instances, nginx.url);
    for (const instance of cluster.instances)
      expect(placed.some((p) => instanceOf(cluster.instances, p.target) === instance)).toBe(true);
    // Long-polling makes a new request for every few messages; each must reach the instance holding its session.
    const seqs = placed.map((p) => p.tab.store.getState().market.seq);
    await waitFor(
      () => placed.every((p, i) => p.tab.store.getState().market.seq >= (seqs[i] as number) + 8),
      15_000,
      'eight more diffs in every tab',
    );
    for (const p of placed) {
      expect(p.tab.store.getState().connection.state).toBe('live');
      expect(p.tab.sent('market:resync')).toHaveLength(0);
      expect(p.tab.states.filter((s) => s === 'reconnecting')).toHaveLength(0);
    }
    expect(placed.some((p) => p.polling)).toBe(true);
    cluster.demo.faults.stall();
    await expectEqualTo(cluster.instances[0] as Instance, placed);
  });

  it('when an instance goes, nginx moves its tabs to the others and they end equal to them', async () => {
    const cluster = await clusters.start(3, { FEED_LEASE_MS: '1500' });
    nginx = await startNginx(cluster.instances.map((i) => Number(new URL(i.url).port)));
    const placed = await spread(cluster.instances, nginx.url);
    // A follower goes, so that prices keep flowing meanwhile.
    const gone = cluster.instances.find((i) => !(i.app.feeds as ClusterFeeds).leading) as Instance;
    const moved = placed.filter((p) => instanceOf(cluster.instances, p.target) === gone);
    expect(moved.length).toBeGreaterThan(0);
    await gone.app.close();
    cluster.instances.splice(cluster.instances.indexOf(gone), 1);
    await waitFor(
      () => moved.every((p) => instanceOf(cluster.instances, p.target) !== undefined),
      15_000,
      'the moved tabs to reconnect elsewhere',
    );
    for (const p of moved) await live(p.tab);
    cluster.demo.faults.stall();
    await expectEqualTo(cluster.instances[0] as Instance, placed);
  });
});
