/** Freshness per stream through the real feed and real ccxt, against the simulated Binance (docs/protocol.md F4-F7). */
import { describe, expect, it } from 'vitest';
import { startDemoExchange } from '../../../server/feeds/demo/index';
import type { RecordingSink } from './feed-harness';
import { useVenueFeed } from './venue-feed';

const BTC = 'BTC/USDT';
const ETH = 'ETH/USDT';
const SOL = 'SOL/USDT';

// Binance's own cadence (1 s per stream), so the rules are tested at the period they are written for; the feed
// keeps the production freshness rules and watchdog.
const venue = useVenueFeed(() => startDemoExchange({ seed: 11, tickMs: 1000 }));
const demo = {
  get faults() {
    return venue.exchange().faults;
  },
};
const startFeed = (symbols: string[]) => venue.startFeed(symbols);

const streamState = (sink: RecordingSink, symbol: string) => sink.lastStatus()?.streams[symbol]?.state;

describe('stream freshness against the simulated Binance', () => {
  it('[F4] a frozen exchange: every stream stale within 5 s of its last tick, the feed stale, no redial; live on resume', async () => {
    const { feed, sink } = startFeed([BTC, ETH]);
    await sink.until(() => sink.ticksFor(BTC).length >= 2 && sink.ticksFor(ETH).length >= 2, 15_000, 'ticks');
    demo.faults.stall();
    const frozenAt = Date.now();
    const lastTick = () => Math.max(...sink.ticks.map((t) => t.receivedAt));
    await sink.until(
      () => streamState(sink, BTC) === 'stale' && streamState(sink, ETH) === 'stale',
      10_000,
      'both streams stale',
    );
    const toldAt = Date.now();
    expect(toldAt - lastTick()).toBeLessThanOrEqual(5_000);
    expect(toldAt - frozenAt).toBeLessThanOrEqual(5_000);
    expect(sink.lastStatus()?.state).toBe('stale');
    expect(sink.lastStatus()?.streams[BTC]?.reason).toMatch(/no tick within 3 s/);
    // Told long before the redial watchdog (30 s): the connection was not touched.
    expect(feed.status().reconnects).toBe(0);

    const from = sink.ticks.length;
    demo.faults.resume();
    await sink.until(
      () =>
        sink.ticks.length > from &&
        sink.lastStatus()?.state === 'live' &&
        sink.lastStatus()?.streams[BTC] === undefined,
      10_000,
      'live again',
    );
    expect(feed.status().reconnects).toBe(0);
  });

  it('[F6] a stream Binance acknowledges but never serves is unpriced within 10 s and priced by polling within 20 s', async () => {
    demo.faults.refuseSymbol(SOL);
    const startedAt = Date.now();
    const { feed, sink } = startFeed([BTC, SOL]);
    await sink.until(() => streamState(sink, SOL) === 'unpriced', 15_000, 'SOL unpriced');
    const unpricedAfter = Date.now() - startedAt;
    expect(sink.lastStatus()?.streams[SOL]).toMatchObject({ state: 'unpriced', via: 'poll' });
    expect(sink.lastStatus()?.streams[SOL]?.reason).toMatch(
      /no price from the exchange's stream within 10 s/,
    );
    // The feed itself is fine meanwhile: the other stream is live.
    expect(feed.status().state).toBe('live');
    expect(unpricedAfter).toBeLessThanOrEqual(13_000);

    await sink.until(() => sink.ticksFor(SOL).length > 0, 10_000, 'a polled SOL price');
    expect(Date.now() - startedAt).toBeLessThanOrEqual(20_000);
    await sink.until(() => streamState(sink, SOL) === 'live', 5_000, 'SOL live by polling');
    expect(sink.lastStatus()?.streams[SOL]).toMatchObject({ state: 'live', via: 'poll', reason: null });
    const price = sink.ticksFor(SOL).at(-1)!.fields.last!;
    expect(price).toBeGreaterThan(0);
    expect(streamState(sink, BTC)).toBeUndefined();
  }, 40_000);
});
