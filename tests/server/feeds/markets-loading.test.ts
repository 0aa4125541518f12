import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDemoExchange } from '../../../server/feeds/demo/index';
import type { DemoExchange } from '../../../server/feeds/demo/index';
import { createExchangeFeed } from '../../../server/feeds/exchange-feed';
import type { ExchangeFeed } from '../../../server/feeds/exchange-feed';
import { RecordingSink, testLogger } from './feed-harness';

const SYMBOLS = ['BTC/USDT', 'ETH/USDT'];

let demo: DemoExchange;
let feed: ExchangeFeed | undefined;

beforeEach(async () => {
  demo = await startDemoExchange({ seed: 11, tickMs: 50 });
});

afterEach(async () => {
  await feed?.stop();
  feed = undefined;
  await demo.close();
});

describe('a feed whose markets take a while to load', () => {
  it('[F1] says only why the load failed, never that a watched symbol is not a market, and prices every symbol once loaded', async () => {
    // Two refusals with a backoff longer than the stream judge's 500 ms beat: the judge asks what to watch
    // several times before the exchange's markets are known.
    demo.faults.httpErrors(503, 2);
    const sink = new RecordingSink();
    feed = createExchangeFeed({ id: 'binance', url: demo.url, simulated: true }, sink, {
      log: testLogger(),
      backoff: { initialMs: 800, maxMs: 800 },
      random: () => 0.5,
    });
    feed.setSymbols(SYMBOLS);
    feed.start();
    await sink.until(() => sink.marketLoads.length === 1, 20_000, 'the markets loaded');
    await sink.until(
      () => SYMBOLS.every((symbol) => sink.ticksFor(symbol).length >= 2),
      10_000,
      'ticks of every watched symbol',
    );

    const errors = sink.statuses.map((s) => s.lastError?.message).filter((m) => m !== undefined);
    expect(errors.some((m) => m.startsWith('loadMarkets:'))).toBe(true);
    expect(errors.filter((m) => /not a market/.test(m))).toEqual([]);
    expect(feed.status().state).toBe('live');
  });
});
