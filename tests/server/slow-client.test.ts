import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { bufferedBytes } from '../../server/push/buffered-bytes';
import { serverTickers } from '../support/converge';
import { autoClose, waitFor } from '../support/stack';
import { SyncedClient } from '../support/synced-client';

const CAP = 16 * 1024;
const { start, client } = autoClose();

// engine.io-client internals, used to make a real client stop reading the way a stalled phone does.
interface PollingTransport {
  readyState: string;
  pause(done: () => void): void;
  _poll(): void;
}
interface WebSocketTransport {
  ws: { _socket: { pause(): void } };
}

describe('slow consumers and dead connections', () => {
  it('[M8] a client that stops reading stays bounded, others keep their rate, and it resumes from a snapshot', async () => {
    const stack = await start({
      tickMs: 20,
      env: { SLOW_CLIENT_BUFFER_BYTES: String(CAP), MAX_FREQUENCY: '10' },
    });
    const streams = stack.demo.symbols().map((s) => `binance:${s}`);
    const healthy = new SyncedClient(await client(stack));
    const slowSocket = await client(stack, { transports: ['polling'] });
    const slow = new SyncedClient(slowSocket);
    await healthy.subscribe(streams);
    await slow.subscribe(streams);
    await waitFor(() => slow.diffs.length >= 2, 5_000, 'first diffs');

    const transport = slowSocket.io.engine.transport as unknown as PollingTransport;
    await new Promise<void>((resolve) => transport.pause(resolve));
    const serverSide = stack.app.io.sockets.sockets.get(slowSocket.id as string);
    expect(serverSide).toBeDefined();
    const healthyBefore = healthy.diffs.length;
    // The buffer is measured each time the healthy client gets a diff, through 20 of them (2 s at 10 a second).
    let peak = 0;
    const measure = () => void (peak = Math.max(peak, bufferedBytes(serverSide!)));
    healthy.socket.on('market:diff', measure);
    await waitFor(() => healthy.diffs.length - healthyBefore >= 20, 10_000, '20 diffs to the healthy client');
    healthy.socket.off('market:diff', measure);
    // Bounded: the cap plus the one message that crossed it (a full batch of every stream here).
    const largest = Math.max(...healthy.diffs.map((d) => JSON.stringify(d.diff).length));
    expect(peak).toBeGreaterThan(CAP);
    expect(peak).toBeLessThanOrEqual(CAP + largest + 1024);
    const stats = stack.app.push.stats();
    expect(stats.heldClients).toBe(1);
    expect(stats.diffsSkipped).toBeGreaterThan(5);
    // The healthy client was not held back: the group kept sending, and every diff it sent reached the healthy
    // one in sequence. (The rate itself, 10 a second beside a held client, is checked on a fake clock in
    // push-engine.test.ts; a wall clock on a loaded machine cannot hold it.)
    const seqs = healthy.diffs.slice(healthyBefore).map((d) => d.diff.seq);
    seqs.forEach((seq, i) => i > 0 && expect(seq).toBe((seqs[i - 1] as number) + 1));

    transport.readyState = 'open';
    transport._poll();
    await waitFor(() => slow.snapshotEvents === 1, 5_000, 'a snapshot after draining');
    const after = slow.diffs.length;
    await waitFor(() => slow.diffs.length > after + 2, 5_000, 'diffs after the snapshot');
    // Once the exchange is frozen, both end on the server's values; a client that diverged never would.
    await stack.demo.faults.stall();
    const equal = () =>
      [slow, healthy].every((c) => isDeepStrictEqual(c.market.tickers, serverTickers(stack, streams)));
    await waitFor(equal, 5_000, 'both clients to equal the server').catch(() => undefined);
    await slow.settled();
    expect(slow.resyncs).toBe(0);
    expect(slow.market.tickers).toEqual(serverTickers(stack, streams));
    expect(slow.market.tickers).toEqual(healthy.market.tickers);
    expect(stack.app.push.stats().heldClients).toBe(0);
  });

  it('[C4] a client that stops answering heartbeats is dropped within the heartbeat time', async () => {
    const stack = await start({ env: { HEARTBEAT_INTERVAL_MS: '1000', HEARTBEAT_TIMEOUT_MS: '1000' } });
    const zombie = await client(stack);
    await new SyncedClient(zombie).subscribe(['binance:BTC/USDT']);
    expect(stack.app.io.engine.clientsCount).toBe(1);
    const reason = new Promise<string>((resolve) =>
      stack.app.io.sockets.sockets.get(zombie.id as string)!.once('disconnect', resolve),
    );
    const started = Date.now();
    (zombie.io.engine.transport as unknown as WebSocketTransport).ws._socket.pause();
    expect(await reason).toBe('ping timeout');
    expect(Date.now() - started).toBeLessThan(2_000 + 500);
    expect(stack.app.io.engine.clientsCount).toBe(0);
    expect(stack.app.push.stats().groups).toBe(0);
  });

  it('[C4] by default a dead client is gone within 20 s', () => {
    const config = loadConfig({});
    expect(config.HEARTBEAT_INTERVAL_MS + config.HEARTBEAT_TIMEOUT_MS).toBeLessThanOrEqual(20_000);
  });
});
