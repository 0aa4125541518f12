/** The feed against the simulated Kraken through real ccxt: per-symbol refusals, heartbeats, XBT naming (F5-F7). */
import { describe, expect, it } from 'vitest';
import { startKrakenExchange } from '../../../server/feeds/demo/kraken/index';
import { quietFor } from './feed-harness';
import { useVenueFeed } from './venue-feed';

const BTC = 'BTC/USD';
const ETH = 'ETH/USD';
const DOGE = 'DOGE/USD';

const venue = useVenueFeed(() => startKrakenExchange({ seed: 9, tickMs: 50 }));
const startFeed = venue.startFeed;

describe('the feed against the simulated Kraken', () => {
  it('ticks per trade with bid and ask, Kraken XBT and XDG pairs under their unified names', async () => {
    const { feed, sink } = startFeed([BTC, DOGE]);
    await sink.until(
      () => sink.ticksFor(BTC).length >= 3 && sink.ticksFor(DOGE).length >= 1,
      15_000,
      'ticks',
    );
    expect(feed.status()).toMatchObject({
      state: 'live',
      mode: 'watchTickers',
      invalidTicks: 0,
      streams: {},
    });
    for (const tick of sink.ticks) expect(tick.fields.ask).toBeGreaterThanOrEqual(tick.fields.bid!);
  });

  it('[F7] a symbol Kraken refuses is reported with its words at once and priced by polling; the rest keep ticking', async () => {
    venue.exchange().faults.refuseSymbol(ETH);
    const startedAt = Date.now();
    const { feed, sink } = startFeed([BTC, ETH]);
    await sink.until(() => sink.lastStatus()?.streams[ETH]?.state === 'unpriced', 10_000, 'ETH unpriced');
    // The refusal, not the 10 s first-price bound, told it.
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    expect(sink.lastStatus()?.streams[ETH]?.reason).toMatch(/^kraken refused the stream: .*not supported/i);
    await sink.until(() => sink.ticksFor(ETH).length > 0, 20_000, 'a polled ETH price');
    expect(Date.now() - startedAt).toBeLessThanOrEqual(20_000);
    await sink.until(() => feed.status().streams[ETH]?.state === 'live', 5_000, 'ETH live by polling');
    expect(feed.status().streams[ETH]).toMatchObject({ via: 'poll', reason: null });
    const from = sink.ticksFor(BTC).length;
    await sink.until(() => sink.ticksFor(BTC).length > from + 3, 5_000, 'BTC still ticking');
    expect(feed.status()).toMatchObject({ state: 'live', reconnects: 0 });
  }, 40_000);

  it('[F5] a quiet market on a healthy connection is quiet and never redialled; a trade makes it live again', async () => {
    venue.exchange().faults.quiet(BTC);
    const { feed, sink } = startFeed([BTC], {
      watchdogMs: 2_500,
      freshness: { quietAfterMs: 1_000, silentAfterMs: 1_000, firstPriceMs: 60_000 },
    });
    await sink.until(() => sink.ticksFor(BTC).length > 0, 15_000, 'the snapshot');
    await sink.until(() => sink.lastStatus()?.streams[BTC]?.state === 'quiet', 5_000, 'quiet');
    await quietFor(7_500);
    expect(feed.status().reconnects).toBe(0);
    expect(feed.status().state).toBe('live');
    venue.exchange().faults.quiet(BTC, false);
    await sink.until(() => sink.lastStatus()?.streams[BTC] === undefined, 5_000, 'live again');
  });

  it('[F5] a frozen connection: stale within the silence bound, then redialled, then live', async () => {
    const { feed, sink } = startFeed([BTC], { watchdogMs: 4_000, freshness: { silentAfterMs: 1_000 } });
    await sink.until(() => sink.ticksFor(BTC).length >= 2, 15_000, 'ticks');
    venue.exchange().faults.stall();
    const at = Date.now();
    await sink.until(() => sink.lastStatus()?.streams[BTC]?.state === 'stale', 5_000, 'stale');
    expect(Date.now() - at).toBeLessThan(3_000);
    await sink.until(() => feed.status().reconnects > 0, 10_000, 'a redial');
    venue.exchange().faults.resume();
    await sink.until(
      () => feed.status().state === 'live' && feed.status().streams[BTC] === undefined,
      15_000,
      'live',
    );
  });
});
