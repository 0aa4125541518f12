/** The feed against the simulated Coinbase through real ccxt: per-trade tickers, -USDC aliasing, heartbeats (F5, F8). */
import { describe, expect, it } from 'vitest';
import { startCoinbaseExchange } from '../../../server/feeds/demo/coinbase/index';
import { quietFor } from './feed-harness';
import { useVenueFeed } from './venue-feed';

const BTC = 'BTC/USD';
const ETH = 'ETH/USD';
const BTC_USDC = 'BTC/USDC';

const venue = useVenueFeed(() => startCoinbaseExchange({ seed: 5, tickMs: 50 }));
const startFeed = venue.startFeed;

describe('the feed against the simulated Coinbase', () => {
  it('[F8] takes the per-trade ticker channel by default: every tick has a bid and an ask', async () => {
    const { feed, sink } = startFeed([BTC, ETH]);
    await sink.until(() => sink.ticksFor(BTC).length >= 5 && sink.ticksFor(ETH).length >= 3, 15_000, 'ticks');
    expect(feed.status().mode).toBe('watchTicker');
    for (const tick of sink.ticks) {
      expect(tick.fields.bid).toBeGreaterThan(0);
      expect(tick.fields.ask).toBeGreaterThanOrEqual(tick.fields.bid!);
    }
    expect(feed.status()).toMatchObject({ state: 'live', invalidTicks: 0, lastError: null, streams: {} });
  });

  it('[F8] a configured mode overrides the default: watchTickers is the 5 s batch, without bid and ask', async () => {
    const { feed, sink } = startFeed([BTC], { mode: 'watchTickers' });
    await sink.until(() => sink.ticksFor(BTC).length >= 2, 15_000, 'batched ticks');
    expect(feed.status().mode).toBe('watchTickers');
    expect(sink.ticksFor(BTC).every((t) => t.fields.bid === null && t.fields.ask === null)).toBe(true);
  });

  it('[F8] a -USDC product is priced from its -USD data, never counted invalid', async () => {
    const { feed, sink } = startFeed([BTC_USDC, BTC]);
    await sink.until(
      () => sink.ticksFor(BTC_USDC).length >= 3 && sink.ticksFor(BTC).length >= 3,
      15_000,
      'ticks',
    );
    expect(feed.status().invalidTicks).toBe(0);
    expect(feed.status().streams[BTC_USDC]).toBeUndefined();
    // The same trades: every USDC price is one the USD market printed.
    const usd = new Set(sink.ticksFor(BTC).map((t) => t.fields.last));
    const usdc = sink.ticksFor(BTC_USDC).map((t) => t.fields.last);
    expect(usdc.filter((p) => usd.has(p)).length).toBeGreaterThan(0);
  });

  it('[F8] a -USDC product watched alone is priced too', async () => {
    const { feed, sink } = startFeed([BTC_USDC]);
    await sink.until(() => sink.ticksFor(BTC_USDC).length >= 3, 15_000, 'USDC ticks');
    expect(feed.status()).toMatchObject({ state: 'live', invalidTicks: 0 });
  });

  it('[F5] a quiet market on a connection that sends heartbeats is quiet, not stale, and never redialled', async () => {
    venue.exchange().faults.quiet(ETH);
    const { feed, sink } = startFeed([BTC, ETH], {
      watchdogMs: 2_500,
      freshness: { quietAfterMs: 1_000, silentAfterMs: 1_000, firstPriceMs: 60_000 },
    });
    await sink.until(() => sink.ticksFor(ETH).length > 0, 15_000, 'the snapshot of ETH');
    venue.exchange().faults.quiet(BTC);
    await sink.until(
      () =>
        sink.lastStatus()?.streams[BTC]?.state === 'quiet' &&
        sink.lastStatus()?.streams[ETH]?.state === 'quiet',
      10_000,
      'both quiet',
    );
    // Three watchdog periods with no trade at all: only the heartbeats keep the connection judged alive.
    await quietFor(7_500);
    expect(feed.status().reconnects).toBe(0);
    expect(feed.status().streams[BTC]?.state).toBe('quiet');
    expect(feed.status().streams[BTC]?.reason).toMatch(/connection healthy/);
  });

  it('[F5] a frozen connection (no heartbeat either) makes its streams stale, then redials', async () => {
    const { feed, sink } = startFeed([BTC], {
      watchdogMs: 4_000,
      freshness: { silentAfterMs: 1_000 },
    });
    await sink.until(() => sink.ticksFor(BTC).length >= 2, 15_000, 'ticks');
    venue.exchange().faults.stall();
    const at = Date.now();
    await sink.until(() => sink.lastStatus()?.streams[BTC]?.state === 'stale', 5_000, 'stale');
    expect(Date.now() - at).toBeLessThan(3_000);
    expect(feed.status().reconnects).toBe(0);
    await sink.until(() => feed.status().reconnects > 0, 10_000, 'a redial');
    venue.exchange().faults.resume();
    const from = sink.ticks.length;
    await sink.until(() => sink.ticks.length > from && feed.status().state === 'live', 15_000, 'live again');
  });
});
