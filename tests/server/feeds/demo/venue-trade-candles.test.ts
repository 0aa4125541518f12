import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCoinbaseExchange } from '../../../../server/feeds/demo/coinbase/index';
import { startDemoExchange } from '../../../../server/feeds/demo/index';
import { startKrakenExchange } from '../../../../server/feeds/demo/kraken/index';
import type { SimulatedExchange, VenueOptions } from '../../../../server/feeds/demo/venue';
import { fetchRaw } from './helpers';

const MINUTE = 60_000;
const TICK_MS = 20;
// Half a minute in, so the first 1m candle spans the start.
const START = Date.UTC(2026, 2, 10, 12, 2, 30);
const M0 = START - (START % MINUTE);

interface Bar {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

interface VenueCase {
  name: string;
  start(options: VenueOptions): Promise<SimulatedExchange>;
  /** The venue's 1m candles, its own wire read back, with open times in [from, from + 3 minutes). */
  minutes(url: string, from: number): Promise<Bar[]>;
}

const bar = (time: number, [open, high, low, close, volume]: unknown[]): Bar => ({
  time,
  open: Number(open),
  high: Number(high),
  low: Number(low),
  close: Number(close),
  volume: Number(volume),
});

const VENUES: VenueCase[] = [
  {
    name: 'Binance klines',
    start: startDemoExchange,
    async minutes(url, from) {
      const rows = (
        await fetchRaw(`${url}/api/v3/klines?symbol=BTCUSDT&interval=1m&startTime=${from}&limit=3`)
      ).body as unknown[][];
      return rows.map((r) => bar(Number(r[0]), r.slice(1, 6)));
    },
  },
  {
    name: 'Coinbase candles',
    start: startCoinbaseExchange,
    async minutes(url, from) {
      const path = `/api/v3/brokerage/market/products/BTC-USD/candles?start=${from / 1000}&end=${from / 1000 + 120}&granularity=ONE_MINUTE`;
      const { candles } = (await fetchRaw(url + path)).body as { candles: Array<Record<string, string>> };
      return candles
        .map((c) => bar(Number(c.start) * 1000, [c.open, c.high, c.low, c.close, c.volume]))
        .reverse();
    },
  },
  {
    name: 'Kraken OHLC',
    start: startKrakenExchange,
    async minutes(url, from) {
      const { result } = (await fetchRaw(`${url}/0/public/OHLC?pair=XBTUSD&interval=1`)).body as {
        result: Record<string, unknown[][]>;
      };
      return (result.XXBTZUSD ?? [])
        .map((r) => bar(Number(r[0]) * 1000, [r[1], r[2], r[3], r[4], r[6]]))
        .filter((b) => b.time >= from && b.time < from + 3 * MINUTE);
    },
  },
];

const running: SimulatedExchange[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((venue) => venue.close()));
});

describe.each(VENUES)('$name after the start are built from the venue’s own trades', (venueCase) => {
  it('a stalled minute carries the last trade’s price with zero volume, and trading shows again after', async () => {
    let now = START;
    const venue = await venueCase.start({ seed: 3, tickMs: TICK_MS, now: () => now });
    running.push(venue);
    const [first] = await venueCase.minutes(venue.url, M0);
    await vi.waitFor(async () => {
      const [m0] = await venueCase.minutes(venue.url, M0);
      expect(m0?.volume).toBeGreaterThan(first?.volume ?? 0);
    });
    await venue.faults.stall();
    const [stalled] = await venueCase.minutes(venue.url, M0);
    const lastTrade = stalled?.close ?? 0;
    // A whole minute passes with the market stalled, then it trades again in the next one.
    now = M0 + 2 * MINUTE + 1000;
    venue.faults.resume();
    await vi.waitFor(async () => {
      const bars = await venueCase.minutes(venue.url, M0);
      expect(bars[2]?.volume).toBeGreaterThan(0);
    });
    const [m0, m1] = await venueCase.minutes(venue.url, M0);
    expect(m0).toMatchObject({ time: M0, close: lastTrade });
    expect(m1).toEqual({
      time: M0 + MINUTE,
      open: lastTrade,
      high: lastTrade,
      low: lastTrade,
      close: lastTrade,
      volume: 0,
    });
  });
});

describe('Binance klines and the live ticker', () => {
  it('the live candle closes at the last trade and the closed one spanning the start ends where trading left off', async () => {
    let now = START;
    const venue = await startDemoExchange({ seed: 3, tickMs: TICK_MS, now: () => now });
    running.push(venue);
    await vi.waitFor(() => expect(venue.ticker('BTC/USDT')?.tickIndex).toBeGreaterThan(3));
    await venue.faults.stall();
    const last = venue.ticker('BTC/USDT')?.last;
    const [live] = await VENUES[0]!.minutes(venue.url, M0);
    expect(live?.close).toBe(last);
    now = M0 + MINUTE + 1000;
    const [closed] = await VENUES[0]!.minutes(venue.url, M0);
    expect(closed?.close).toBe(last);
  });
});
