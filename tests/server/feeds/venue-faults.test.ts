/** Faults of the simulated Coinbase and Kraken through the real feed: garbage and dropped connections (F1, F3). */
import { describe, expect, it } from 'vitest';
import { GARBAGE_KINDS } from '../../../server/feeds/demo/index';
import { startCoinbaseExchange } from '../../../server/feeds/demo/coinbase/index';
import { startKrakenExchange } from '../../../server/feeds/demo/kraken/index';
import type { SimulatedExchange } from '../../../server/feeds/demo/venue';
import { useVenueFeed } from './venue-feed';

const venues: Array<[string, () => Promise<SimulatedExchange>]> = [
  ['coinbase', () => startCoinbaseExchange({ seed: 8, tickMs: 50 })],
  ['kraken', () => startKrakenExchange({ seed: 8, tickMs: 50 })],
];

describe.each(venues)('faults of the simulated %s through the feed', (_id, start) => {
  const venue = useVenueFeed(start);

  it('[F3] garbage of every kind is counted and dropped, never delivered; the streams keep ticking', async () => {
    const { feed, sink } = venue.startFeed(['BTC/USD', 'ETH/USD']);
    await sink.until(
      () => sink.ticksFor('BTC/USD').length > 0 && sink.ticksFor('ETH/USD').length > 0,
      15_000,
      'ticks',
    );
    for (const kind of GARBAGE_KINDS) {
      const invalid = feed.status().invalidTicks;
      venue.exchange().faults.garbage(kind);
      await sink.until(
        () => sink.invalids.length > 0 && feed.status().invalidTicks > invalid,
        10_000,
        `${kind} counted`,
      );
    }
    const from = sink.ticks.length;
    await sink.until(() => sink.ticks.length > from + 5, 10_000, 'ticks after the garbage');
    // Every delivered tick is sane: the corrupted ones never reached the sink.
    for (const { fields } of sink.ticks) {
      for (const price of [fields.last, fields.bid, fields.ask])
        expect(price! > 0 && price! < 1e12).toBe(true);
      expect(fields.bid!).toBeLessThanOrEqual(fields.ask!);
    }
    expect(feed.status().state).toBe('live');
  });

  it('[F1] dropped connections are redialled and the streams come back', async () => {
    const { feed, sink } = venue.startFeed(['BTC/USD']);
    await sink.until(() => sink.ticksFor('BTC/USD').length > 0, 15_000, 'ticks');
    venue.exchange().faults.dropConnections();
    await sink.until(() => feed.status().reconnects >= 1, 10_000, 'a redial');
    const from = sink.ticks.length;
    await sink.until(() => sink.ticks.length > from && feed.status().state === 'live', 10_000, 'live again');
  });
});
