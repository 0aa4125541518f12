import { describe, expect, it } from 'vitest';
import type { FeedStatus, Ticker } from '../../lib/protocol';
import { GARBAGE_KINDS } from '../../server/feeds/demo';
import type { Stack } from '../support/stack';
import { autoClose, waitFor } from '../support/stack';
import { SyncedClient } from '../support/synced-client';

const STREAMS = ['binance:BTC/USDT', 'binance:ETH/USDT', 'binance:SOL/USDT'];
const { start, client } = autoClose();

/** A subscribed client that also records every feeds:status it hears. */
async function watcher(s: Stack) {
  await waitFor(() => s.app.feeds.statuses()[0]?.state === 'live', 10_000, 'live feed');
  const socket = await client(s);
  const statuses: FeedStatus[] = [];
  socket.on('feeds:status', ({ feeds }) => statuses.push(...feeds));
  const synced = new SyncedClient(socket);
  await synced.subscribe(STREAMS);
  return { synced, statuses, last: () => statuses.at(-1) };
}

const tickers = (c: SyncedClient) => Object.values(c.market.tickers) as Ticker[];

describe('feed faults as clients see them', () => {
  it('[F1][F3] a stalled exchange turns the feed stale and its prices stale, then live again', async () => {
    const stack = await start({ watchdogMs: 1_500 });
    const { synced, statuses, last } = await watcher(stack);
    await waitFor(() => tickers(synced).length === 3, 5_000, 'tickers');
    stack.demo.faults.stall();
    await waitFor(() => statuses.some((s) => s.state === 'stale'), 5_000, 'stale status');
    await waitFor(() => tickers(synced).every((t) => t.stale), 3_000, 'stale tickers');
    stack.demo.faults.resume();
    await waitFor(() => last()?.state === 'live', 10_000, 'live again');
    expect(last()?.reconnects).toBeGreaterThanOrEqual(1);
    await waitFor(() => tickers(synced).every((t) => !t.stale), 5_000, 'fresh tickers');
  });

  it('[F3][F4] a frozen exchange: clients see each stream stale within 5 s, with no redial; then live again', async () => {
    const stack = await start();
    const { synced, last } = await watcher(stack);
    await waitFor(() => tickers(synced).length === 3, 5_000, 'tickers');
    stack.demo.faults.stall();
    const frozenAt = Date.now();
    await waitFor(
      () => STREAMS.every((s) => last()?.streams[s.split(':')[1]!]?.state === 'stale'),
      6_000,
      'every stream stale in feeds:status',
    );
    await waitFor(() => tickers(synced).every((t) => t.stale), 1_000, 'stale tickers');
    expect(Date.now() - frozenAt).toBeLessThanOrEqual(5_000);
    expect(last()).toMatchObject({ state: 'stale', reconnects: 0 });
    stack.demo.faults.resume();
    await waitFor(
      () => last()?.state === 'live' && Object.keys(last()?.streams ?? {}).length === 0,
      5_000,
      'live',
    );
    await waitFor(() => tickers(synced).every((t) => !t.stale), 5_000, 'fresh tickers');
    expect(last()?.reconnects).toBe(0);
  });

  it('[F6] a stream the exchange never serves is priced by polling, and clients are told so', async () => {
    const stack = await start();
    // A market nobody watched yet: the exchange acknowledges its stream and never sends a tick.
    stack.demo.faults.refuseSymbol('XRP/USDT');
    const { synced, statuses, last } = await watcher(stack);
    const startedAt = Date.now();
    expect((await synced.subscribe(['binance:XRP/USDT'])).ok).toBe(true);
    // Unpriced, then live by polling within a poll period: feeds:status (at most 1/s) may carry either first.
    await waitFor(() => last()?.streams['XRP/USDT']?.via === 'poll', 15_000, 'XRP on the fallback poll');
    expect(Date.now() - startedAt).toBeGreaterThan(8_000);
    await waitFor(() => (synced.market.tickers['binance:XRP/USDT']?.last ?? 0) > 0, 10_000, 'a polled price');
    await waitFor(() => last()?.streams['XRP/USDT']?.state === 'live', 5_000, 'live by polling');
    expect(Date.now() - startedAt).toBeLessThanOrEqual(20_000);
    expect(synced.market.tickers['binance:XRP/USDT']?.stale).toBe(false);
    // An operator sees it too.
    const metrics = await (await fetch(`${stack.url}/metrics`)).text();
    expect(metrics).toMatch(/^livefolio_feed_streams\{exchange="binance",state="polled"\} 1$/m);
    expect(metrics).toMatch(/^livefolio_feed_streams\{exchange="binance",state="stale"\} 0$/m);
    // The other streams never left their stream.
    expect(statuses.some((s) => s.streams['BTC/USDT'] !== undefined)).toBe(false);
  }, 40_000);

  it('[F1] dropped exchange connections are redialled and prices keep coming', async () => {
    const stack = await start();
    const { synced, last } = await watcher(stack);
    stack.demo.faults.dropConnections();
    await waitFor(() => (last()?.reconnects ?? 0) >= 1 && last()?.state === 'live', 10_000, 'reconnected');
    const seen = synced.diffs.length;
    await waitFor(() => synced.diffs.length > seen + 2, 5_000, 'diffs after the reconnect');
  });

  it.each(GARBAGE_KINDS)('[F3] garbage (%s) is counted and dropped; clients never see it', async (kind) => {
    const stack = await start();
    const { synced, last } = await watcher(stack);
    const before = stack.app.feeds.statuses()[0]?.invalidTicks ?? 0;
    stack.demo.faults.garbage(kind, 5);
    await waitFor(
      () => (stack.app.feeds.statuses()[0]?.invalidTicks ?? 0) > before,
      5_000,
      'invalid ticks counted',
    );
    const seen = synced.diffs.length;
    await waitFor(() => synced.diffs.length > seen + 4, 8_000, 'good diffs after the garbage');
    for (const { diff } of synced.diffs) {
      for (const changes of Object.values(diff.changes)) {
        for (const field of ['last', 'bid', 'ask', 'high', 'low', 'open'] as const) {
          const v = changes[field];
          if (v !== undefined && v !== null) expect(v > 0 && v < 1e12).toBe(true);
        }
      }
    }
    for (const t of tickers(synced))
      if (t.bid !== null && t.ask !== null) expect(t.bid).toBeLessThanOrEqual(t.ask);
    await waitFor(() => last()?.state === 'live', 8_000, 'live feed');
  });

  it('[F3] a stream whose tick was invalid keeps its last good value, marked stale until the next valid tick', async () => {
    // Slow ticks (1 per second per market) so the stale mark outlives a push window.
    const stack = await start({ tickMs: 1_000 });
    const { synced } = await watcher(stack);
    await waitFor(() => tickers(synced).length === 3, 5_000, 'tickers');
    stack.demo.faults.garbage('negative-price', 1);
    await waitFor(
      () => synced.diffs.some((d) => Object.values(d.diff.changes).some((c) => c.stale === true)),
      5_000,
      'a stale mark',
    );
    const marked = synced.diffs.find((d) => Object.values(d.diff.changes).some((c) => c.stale === true));
    const [stream, changes] = Object.entries(marked!.diff.changes).find(([, c]) => c.stale === true)!;
    // Only the flag travelled: the last good price stayed.
    expect(changes).toEqual({ stale: true });
    await waitFor(() => synced.market.tickers[stream]?.stale === false, 5_000, 'fresh again');
  });

  it('a changing set of watched streams stays on one exchange connection', async () => {
    const stack = await start();
    const { synced } = await watcher(stack);
    for (const symbol of ['DOGE/USDT', 'XRP/USDT', 'ADA/USDT', 'AVAX/USDT']) {
      const ack = await synced.subscribe([`binance:${symbol}`]);
      expect(ack.ok).toBe(true);
      await waitFor(() => stack.app.market.get(`binance:${symbol}`) !== undefined, 5_000, `${symbol} ticks`);
    }
    expect(stack.demo.connections()).toBe(1);
  });
});
