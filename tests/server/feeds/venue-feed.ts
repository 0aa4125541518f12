/** One simulated exchange per test (started before, closed after) and a real feed on it: the feed tests' setup. */
import { afterEach, beforeEach } from 'vitest';
import type { SimulatedExchange } from '../../../server/feeds/demo/venue';
import { createExchangeFeed } from '../../../server/feeds/exchange-feed';
import type { ExchangeFeed, FeedOptions } from '../../../server/feeds/exchange-feed';
import { RecordingSink, testLogger } from './feed-harness';

/** `start` makes the exchange; `startFeed` points a feed of its protocol at it, with fast reconnects. */
export function useVenueFeed(start: () => Promise<SimulatedExchange>): {
  exchange(): SimulatedExchange;
  startFeed(symbols: string[], options?: Partial<FeedOptions>): { feed: ExchangeFeed; sink: RecordingSink };
} {
  let exchange: SimulatedExchange | undefined;
  let feed: ExchangeFeed | undefined;
  beforeEach(async () => {
    exchange = await start();
  });
  afterEach(async () => {
    await feed?.stop();
    feed = undefined;
    await exchange?.close();
  });
  const current = () => {
    if (exchange === undefined) throw new Error('the simulated exchange is not started yet');
    return exchange;
  };
  return {
    exchange: current,
    startFeed(symbols, options = {}) {
      const sink = new RecordingSink();
      const { id, url } = current();
      feed = createExchangeFeed({ id, url, simulated: true }, sink, {
        log: testLogger(),
        backoff: { initialMs: 50, maxMs: 400 },
        random: () => 0.5,
        ...options,
      });
      feed.setSymbols(symbols);
      feed.start();
      return { feed, sink };
    },
  };
}
