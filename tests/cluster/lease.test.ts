import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { Lease } from '../../server/cluster/lease';
import { createRedis } from '../../server/cluster/redis';
import type { RedisClient } from '../../server/cluster/redis';
import { REDIS_URL, redisAvailable } from '../support/services';
import { leaseRenewals } from '../support/cluster';
import { waitFor } from '../support/stack';

// The feed leader's lease: one holder per cluster, another within the TTL when it dies.
const redisUp = await redisAvailable();
// Long enough that a busy test machine never misses a renewal (every TTL / 3), short enough for quick takeovers.
const TTL = 1_500;

const opened: RedisClient[] = [];
const leases: Lease[] = [];
const contenders = new Map<string, Lease[]>();
// A contender that became holder while another of its key held: the one thing a lease must never allow.
const overlaps: string[] = [];
afterEach(async () => {
  for (const lease of leases.splice(0)) await lease.stop();
  for (const client of opened.splice(0)) if (client.isOpen) client.destroy();
  contenders.clear();
  overlaps.splice(0);
});

/** A contender with a Redis connection of its own, as each instance has; records when it holds. */
async function contender(key: string, name: string) {
  const client = createRedis(REDIS_URL, pino({ level: 'silent' }));
  opened.push(client);
  await client.connect();
  const changes: boolean[] = [];
  const lease = new Lease(client, {
    key,
    holder: name,
    ttlMs: TTL,
    onChange: (holding) => {
      changes.push(holding);
      if (holding && (contenders.get(key) ?? []).some((l) => l !== lease && l.held)) overlaps.push(name);
    },
  });
  contenders.set(key, [...(contenders.get(key) ?? []), lease]);
  leases.push(lease);
  lease.start();
  return { client, lease, changes };
}

const freshKey = () => `livefolio-test:lease:${randomBytes(4).toString('hex')}`;

describe.skipIf(!redisUp)('the lease', () => {
  it('has one holder among contenders, and keeps it while the holder renews', async () => {
    const key = freshKey();
    const a = await contender(key, 'a');
    const b = await contender(key, 'b');
    await waitFor(() => a.lease.held || b.lease.held, 2_000, 'a holder');
    const [holder, other] = a.lease.held ? [a, b] : [b, a];
    // Six renewals: the other contender asked for the lease as often meanwhile.
    await leaseRenewals(key, 6, TTL * 4);
    expect(overlaps).toEqual([]);
    expect(holder.lease.held).toBe(true);
    expect(other.lease.held).toBe(false);
    expect(other.changes).toEqual([]);
  });

  it('passes to another within the TTL when the holder dies, never to two at once', async () => {
    const key = freshKey();
    const a = await contender(key, 'a');
    await waitFor(() => a.lease.held, 2_000, 'a holding');
    const b = await contender(key, 'b');
    // The holder's connection is cut: it can renew no more, as when its process dies or stalls.
    a.client.destroy();
    const cut = Date.now();
    await waitFor(() => b.lease.held, TTL * 3, 'b holding');
    expect(overlaps).toEqual([]);
    // The key expires at most a TTL after the last renewal; the other contender asks every TTL / 3.
    expect(Date.now() - cut).toBeLessThan(TTL + TTL / 3 + 400);
    expect(a.lease.held).toBe(false);
    expect(a.changes).toEqual([true, false]);
  });

  it('passes at once when the holder stops and releases it', async () => {
    const key = freshKey();
    const a = await contender(key, 'a');
    await waitFor(() => a.lease.held, 2_000, 'a holding');
    const b = await contender(key, 'b');
    await a.lease.stop();
    const released = Date.now();
    await waitFor(() => b.lease.held, TTL, 'b holding');
    expect(Date.now() - released).toBeLessThan(TTL / 3 + 150);
  });
});
