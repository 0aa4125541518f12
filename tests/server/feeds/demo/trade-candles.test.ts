import { describe, expect, it } from 'vitest';
import { createCandleHistory, KLINE_INTERVALS } from '../../../../server/feeds/demo/candles';
import type { KlineInterval } from '../../../../server/feeds/demo/candles';
import { createVenueMarkets } from '../../../../server/feeds/demo/live-candles';
import { DEMO_MARKETS } from '../../../../server/feeds/demo/markets';
import type { MarketSpec } from '../../../../server/feeds/demo/markets';
import type { TradePrint } from '../../../../server/feeds/demo/trade-minutes';

const MINUTE = 60_000;
const TICK_MS = 1000;
// Mid-minute and mid-5-minutes, so the first candles span the start.
const START = Date.UTC(2026, 2, 10, 12, 2, 30);

const BTC = DEMO_MARKETS.find((m) => m.symbol === 'BTC/USDT') as MarketSpec;
const interval = (name: string) => KLINE_INTERVALS.get(name) as KlineInterval;

/** A venue's model as the simulated exchanges wire it, on a clock the test moves one tick at a time. */
function venue() {
  let now = START;
  const prints: TradePrint[] = [];
  const { candles, simulator } = createVenueMarkets({
    seed: 5,
    historySeed: 11,
    tickMs: TICK_MS,
    now: () => now,
    markets: [BTC],
    onTrade: (print) => prints.push(print),
  });
  const tickUntil = (end: number) => {
    while (now + TICK_MS < end) {
      now += TICK_MS;
      simulator.step(BTC.symbol);
    }
    now = end;
  };
  const fetch = (name: string, firstOpen: number, count: number) =>
    candles.candles({
      spec: BTC,
      interval: interval(name),
      firstOpen,
      count,
      now,
      lastPrice: simulator.ticker(BTC.symbol)?.last ?? 0,
    });
  // The bare path of the same history seed, to compare with.
  return { simulator, prints, tickUntil, fetch, history: candles, path: createCandleHistory(11) };
}

const units = (x: number) => Math.round(x * 100);

describe('demo candles from the simulator’s own trades', () => {
  it('starts the live walk exactly where the path is at the start', () => {
    const { simulator, history } = venue();
    const first = simulator.ticker(BTC.symbol);
    const path = history.priceAt(BTC, START);
    expect(first?.last).toBeCloseTo(path, BTC.priceDecimals);
    expect(first?.bid).toBeLessThanOrEqual(first?.last ?? 0);
    expect(first?.ask).toBeGreaterThanOrEqual(first?.last ?? 0);
  });

  it('a closed 1m candle after the start has exactly the open/high/low/close/volume of its prints', () => {
    const { prints, tickUntil, fetch } = venue();
    const minute = Math.ceil(START / MINUTE) * MINUTE;
    tickUntil(minute + 2 * MINUTE + 1);
    const inside = prints.filter((p) => p.time >= minute && p.time < minute + MINUTE);
    expect(inside.length).toBeGreaterThan(50);
    const [candle] = fetch('1m', minute, 1);
    const volumeUnits = inside.reduce((sum, p) => sum + p.baseUnits, 0);
    // It opens where the minute before closed: its last print.
    const carried = prints.filter((p) => p.time < minute).at(-1)?.price ?? 0;
    expect(candle).toMatchObject({
      openTime: minute,
      open: carried / 100,
      high: Math.max(carried, ...inside.map((p) => p.price)) / 100,
      low: Math.min(carried, ...inside.map((p) => p.price)) / 100,
      close: (inside.at(-1)?.price ?? 0) / 100,
      volume: Number((volumeUnits / 10 ** BTC.amountDecimals).toFixed(BTC.amountDecimals)),
      trades: inside.reduce((sum, p) => sum + p.trades, 0),
    });
  });

  it('[K1] a live minute’s open is known at its first moment and stays when its trades come', () => {
    const { prints, tickUntil, fetch } = venue();
    const minute = Math.ceil(START / MINUTE) * MINUTE + MINUTE;
    tickUntil(minute);
    const [atTheTurn] = fetch('1m', minute, 1);
    tickUntil(minute + 30_000);
    expect(prints.filter((p) => p.time >= minute).length).toBeGreaterThan(10);
    const [later] = fetch('1m', minute, 1);
    tickUntil(minute + MINUTE + 5_000);
    const [closed] = fetch('1m', minute, 1);
    expect(later?.open).toBe(atTheTurn?.open);
    expect(closed?.open).toBe(atTheTurn?.open);
    // And the minute before closed there: one candle runs into the next.
    const [before] = fetch('1m', minute - MINUTE, 1);
    expect(closed?.open).toBe(before?.close);
  });

  it('a 5m candle spanning the start joins the path’s part and the trades’ part', () => {
    const { prints, tickUntil, fetch, path: history } = venue();
    const open = Math.floor(START / (5 * MINUTE)) * 5 * MINUTE;
    tickUntil(open + 5 * MINUTE + 1);
    const [joined] = fetch('5m', open, 1);
    const [path] = history.candles({
      spec: BTC,
      interval: interval('5m'),
      firstOpen: open,
      count: 1,
      now: START,
      lastPrice: history.priceAt(BTC, START),
    });
    const inside = prints.filter((p) => p.time < open + 5 * MINUTE);
    const tradeUnits = inside.reduce((sum, p) => sum + p.baseUnits, 0);
    expect(joined?.open).toBe(path?.open);
    expect(joined?.close).toBe((inside.at(-1)?.price ?? 0) / 100);
    expect(units(joined?.high ?? 0)).toBe(Math.max(units(path?.high ?? 0), ...inside.map((p) => p.price)));
    expect(units(joined?.low ?? 0)).toBe(Math.min(units(path?.low ?? 0), ...inside.map((p) => p.price)));
    const volume = Math.round((joined?.volume ?? 0) * 10 ** BTC.amountDecimals);
    expect(volume).toBe(Math.round((path?.volume ?? 0) * 10 ** BTC.amountDecimals) + tradeUnits);
  });

  it('a minute with no trade carries the last close with zero volume', () => {
    const { prints, tickUntil, fetch } = venue();
    const minute = Math.ceil(START / MINUTE) * MINUTE;
    tickUntil(minute);
    const lastPrice = (prints.at(-1)?.price ?? 0) / 100;
    const [quiet] = fetch('1m', minute, 1);
    expect(quiet).toMatchObject({ open: lastPrice, high: lastPrice, low: lastPrice, close: lastPrice });
    expect(quiet?.volume).toBe(0);
  });

  it('keeps the closed candles before the start as the path draws them', () => {
    const { tickUntil, fetch, path: history } = venue();
    tickUntil(START + 3 * MINUTE);
    const before = START - 90 * MINUTE - (START % MINUTE);
    const path = history.candles({
      spec: BTC,
      interval: interval('1m'),
      firstOpen: before,
      count: 60,
      now: START,
      lastPrice: 1,
    });
    expect(fetch('1m', before, 60)).toEqual(path);
  });
});
