import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../server/metrics';

const sources = {
  clients: () => 0,
  push: () => ({
    groups: 0,
    diffsSent: 0,
    deliveries: 0,
    diffsSkipped: 0,
    heldClients: 0,
    snapshotsAfterDrain: 0,
  }),
  feeds: () => [],
};

async function value(metrics: ReturnType<typeof createMetrics>, name: string, labels: object = {}) {
  const metric = await metrics.registry.getSingleMetric(name)?.get();
  const entry = metric?.values.find((v) => JSON.stringify(v.labels) === JSON.stringify(labels));
  return entry?.value ?? 0;
}

describe('packet counters', () => {
  it('count every packet per type and its exact UTF-8 bytes, for a broadcast string sent to many sockets too', async () => {
    const metrics = createMetrics(sources);
    const broadcast = '2["market:diff",{"changes":{"binance:€/USDT":{"last":1}}}]';
    for (let socket = 0; socket < 3; socket++) metrics.countPacket('message', broadcast);
    metrics.countPacket('message', 'ü');
    metrics.countPacket('ping', undefined);
    metrics.countPacket('message', new Uint8Array(7));
    // An equal string built anew (not the same object) is the same bytes.
    metrics.countPacket('message', ['2["a",', '"é"]'].join(''));

    expect(await value(metrics, 'livefolio_socket_messages_sent_total', { type: 'message' })).toBe(6);
    expect(await value(metrics, 'livefolio_socket_messages_sent_total', { type: 'ping' })).toBe(1);
    const expected = 3 * Buffer.byteLength(broadcast) + 2 + 7 + Buffer.byteLength('2["a","é"]');
    expect(await value(metrics, 'livefolio_socket_bytes_sent_total')).toBe(expected);
  });

  it('keep counting between scrapes: a scrape reads the total so far', async () => {
    const metrics = createMetrics(sources);
    metrics.countPacket('message', 'abc');
    expect(await value(metrics, 'livefolio_socket_bytes_sent_total')).toBe(3);
    metrics.countPacket('message', 'abc');
    metrics.countPacket('message', 'abcd');
    expect(await value(metrics, 'livefolio_socket_bytes_sent_total')).toBe(10);
    expect(await value(metrics, 'livefolio_socket_messages_sent_total', { type: 'message' })).toBe(3);
  });
});
