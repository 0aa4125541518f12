/** A past minute's price from the exchanges' one-minute candles (docs/protocol.md P1), through real ccxt. */
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { CcxtCandleSource } from '../../../server/feeds/candles';
import { startDemoExchange } from '../../../server/feeds/demo';
import { startKrakenExchange } from '../../../server/feeds/demo/kraken/index';
import type { SimulatedExchange } from '../../../server/feeds/demo/venue';

const MINUTE = 60_000;
const started: SimulatedExchange[] = [];
const sources: CcxtCandleSource[] = [];
afterEach(async () => {
  for (const source of sources.splice(0)) await source.close();
  for (const venue of started.splice(0)) await venue.close();
});

async function candlesOf(venue: SimulatedExchange): Promise<CcxtCandleSource> {
  started.push(venue);
  const source = new CcxtCandleSource(
    [{ id: venue.id, url: venue.url, simulated: true }],
    pino({ level: 'silent' }),
  );
  sources.push(source);
  return source;
}

describe('a past minute’s open', () => {
  it('[P1] is that minute’s candle on an exchange that keeps the history (Binance)', async () => {
    const source = await candlesOf(await startDemoExchange({ seed: 3, tickMs: 1000 }));
    const minute = Math.floor(Date.UTC(2024, 4, 2, 10, 30) / MINUTE) * MINUTE;
    const open = await source.minuteOpen('binance:BTC/USDT', minute + 17_000);
    expect(open).toBeGreaterThan(0);
  });

  it('[P1] is unknown where the exchange keeps only recent candles (Kraken), never a later minute’s price', async () => {
    const source = await candlesOf(await startKrakenExchange({ seed: 3, tickMs: 1000 }));
    // Kraken answers an old `since` with its latest 720 candles: none of them is that minute's.
    expect(await source.minuteOpen('kraken:BTC/USD', Date.now() - 3 * 86_400_000)).toBeNull();
    expect(await source.minuteOpen('kraken:BTC/USD', Date.now() - 30 * MINUTE)).toBeGreaterThan(0);
  });
});
