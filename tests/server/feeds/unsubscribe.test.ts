/** Streams nobody watches any more are unsubscribed on the exchange, where ccxt can (docs/protocol.md F9). */
import { describe, expect, it } from 'vitest';
import { startCoinbaseExchange } from '../../../server/feeds/demo/coinbase/index';
import { startDemoExchange } from '../../../server/feeds/demo/index';
import { startKrakenExchange } from '../../../server/feeds/demo/kraken/index';
import type { SimulatedExchange } from '../../../server/feeds/demo/venue';
import { waitFor } from '../../support/stack';
import { useVenueFeed } from './venue-feed';

const cases: Array<[string, () => Promise<SimulatedExchange>, [string, string]]> = [
  ['binance (unWatchTickers)', () => startDemoExchange({ seed: 4, tickMs: 50 }), ['BTC/USDT', 'ETH/USDT']],
];

describe.each(cases)('unsubscribing on %s', (_name, start, [kept, dropped]) => {
  const venue = useVenueFeed(start);

  it('[F9] a stream nobody watches leaves the exchange connection; the others keep ticking on it', async () => {
    const { feed, sink } = venue.startFeed([kept, dropped]);
    await sink.until(
      () => sink.ticksFor(kept).length > 0 && sink.ticksFor(dropped).length > 0,
      15_000,
      'ticks',
    );
    expect(venue.exchange().subscribed()).toEqual([kept, dropped].sort());
    feed.setSymbols([kept]);
    await waitFor(
      () => venue.exchange().subscribed().join() === kept,
      5_000,
      'the exchange to drop the stream',
    );
    const from = sink.ticksFor(kept).length;
    await sink.until(() => sink.ticksFor(kept).length > from + 3, 5_000, 'the kept stream ticking');
    expect(feed.status()).toMatchObject({ state: 'live', reconnects: 0 });
    expect(venue.exchange().connections()).toBe(1);
    // Watched again: subscribed again, on the same connection.
    feed.setSymbols([kept, dropped]);
    const again = sink.ticksFor(dropped).length;
    await sink.until(() => sink.ticksFor(dropped).length > again, 5_000, 'the stream back');
    expect(venue.exchange().subscribed()).toEqual([kept, dropped].sort());
    expect(venue.exchange().connections()).toBe(1);
  });
});

const kept: Array<[string, () => Promise<SimulatedExchange>, string]> = [
  ['kraken, where ccxt has no unWatch', () => startKrakenExchange({ seed: 4, tickMs: 50 }), 'USD'],
  [
    'coinbase, whose ccxt unWatch cannot drop a part',
    () => startCoinbaseExchange({ seed: 4, tickMs: 50 }),
    'USD',
  ],
];

describe.each(kept)('unsubscribing on %s', (_name, start) => {
  const venue = useVenueFeed(start);

  it('[F9] the stream stays on the connection, unused, until the next redial; watched again, it ticks', async () => {
    const { feed, sink } = venue.startFeed(['BTC/USD', 'ETH/USD']);
    await sink.until(() => sink.ticksFor('ETH/USD').length > 0, 15_000, 'ticks');
    feed.setSymbols(['BTC/USD']);
    const from = sink.ticksFor('ETH/USD').length;
    // Five more BTC trades on the same connection: ETH, still streaming there, reaches nobody.
    const btc = sink.ticksFor('BTC/USD').length;
    await sink.until(() => sink.ticksFor('BTC/USD').length >= btc + 5, 5_000, 'BTC trading on');
    expect(sink.ticksFor('ETH/USD').length).toBe(from);
    expect(venue.exchange().subscribed()).toEqual(['BTC/USD', 'ETH/USD']);
    feed.setSymbols(['BTC/USD', 'ETH/USD']);
    await sink.until(() => sink.ticksFor('ETH/USD').length > from, 5_000, 'ETH back');
    feed.setSymbols(['BTC/USD']);
    venue.exchange().faults.dropConnections();
    await waitFor(
      () => venue.exchange().subscribed().join() === 'BTC/USD',
      10_000,
      'the redial with BTC only',
    );
  });
});
