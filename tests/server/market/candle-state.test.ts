import { describe, expect, it } from 'vitest';
import { candleStreamId, parseCandleStreamId } from '../../../lib/candle-stream';
import { diffCandle, mergeCandle } from '../../../lib/candle-diff';
import type { CandleRow, LiveCandle } from '../../../lib/protocol';
import { CandleState } from '../../../server/market/candle-state';
import { tickerAt } from '../../support/fixtures';

const MARKET = 'binance:BTC/USDT';
const ONE_MINUTE = candleStreamId(MARKET, '1m');
const FIVE_MINUTES = candleStreamId(MARKET, '5m');
const T0 = Date.parse('2026-12-03T10:00:00Z');
const MIN = 60_000;

/** A state watching both series, with every change recorded. */
function watching() {
  const state = new CandleState();
  state.watch([ONE_MINUTE, FIVE_MINUTES, MARKET]);
  const rolls: Array<[string, number]> = [];
  state.onRoll((id, time) => rolls.push([id, time]));
  return { state, rolls };
}

const tick = (state: CandleState, price: number, at: number, stale = false) =>
  state.tick(MARKET, { ...tickerAt(price, at), stale });

describe('candle stream ids', () => {
  it('[K1] parse into the market and a timeframe; anything else is not one', () => {
    expect(parseCandleStreamId('candles:binance:BTC/USDT:1m')).toEqual({
      stream: MARKET,
      exchange: 'binance',
      symbol: 'BTC/USDT',
      timeframe: '1m',
    });
    expect(parseCandleStreamId('candles:binance:BTC/USDT:USDT:4h')?.symbol).toBe('BTC/USDT:USDT');
    for (const bad of [
      'binance:BTC/USDT',
      'candles:binance:BTC/USDT:2m',
      'candles:binance:BTC/USDT',
      'candles::1m',
    ])
      expect(parseCandleStreamId(bad)).toBeNull();
  });
});

describe('the live candle', () => {
  it('[K3] follows the ticks: opens at the first, widens its range, closes at the latest', () => {
    const { state } = watching();
    tick(state, 100, T0 + 1_000);
    tick(state, 104, T0 + 2_000);
    tick(state, 98, T0 + 3_000);
    tick(state, 101, T0 + 4_000);
    expect(state.get(ONE_MINUTE)).toEqual({
      time: T0,
      open: 100,
      high: 104,
      low: 98,
      close: 101,
      volume: null,
      closed: null,
      stale: false,
    });
    expect(state.get(FIVE_MINUTES)).toMatchObject({ time: T0, open: 100, close: 101 });
    expect(state.watched().sort()).toEqual([FIVE_MINUTES, ONE_MINUTE].sort());
  });

  it('[K3] takes the exchange’s open, range and volume for the open candle, and keeps the ticks’ close', () => {
    const { state } = watching();
    tick(state, 100, T0 + 30_000);
    state.exchange(ONE_MINUTE, { closed: [], current: [T0, 99, 103, 97, 99.5, 12.5] });
    expect(state.get(ONE_MINUTE)).toMatchObject({ open: 99, high: 103, low: 97, close: 100, volume: 12.5 });
  });

  it('[K4] rolls over at a tick of the next period and asks for the closed candle; it never rewrites a final one', () => {
    const { state, rolls } = watching();
    tick(state, 100, T0 + 1_000);
    tick(state, 105, T0 + MIN + 500);
    expect(state.get(ONE_MINUTE)).toMatchObject({ time: T0 + MIN, open: 105, close: 105, closed: null });
    expect(rolls).toEqual([[ONE_MINUTE, T0]]);
    const final: CandleRow = [T0, 99, 106, 98, 104, 40];
    state.exchange(ONE_MINUTE, { closed: [final], current: null });
    expect(state.get(ONE_MINUTE)?.closed).toEqual(final);
    // The exchange later says otherwise of that minute: refused, counted, and what was given stays.
    state.exchange(ONE_MINUTE, { closed: [[T0, 99, 107, 98, 104, 41]], current: null });
    expect(state.get(ONE_MINUTE)?.closed).toEqual(final);
    expect(state.refused['closed-rewrite']).toBe(1);
    // A late tick (of the closed minute, older than the last tick) changes neither series; each counts it.
    tick(state, 50, T0 + 59_000);
    expect(state.get(ONE_MINUTE)).toMatchObject({ low: 105, close: 105 });
    expect(state.get(FIVE_MINUTES)).toMatchObject({ time: T0, low: 100, high: 105, close: 105 });
    expect(state.refused['late-tick']).toBe(2);
  });

  it('[K4] ends a quiet period on the clock, after the grace, at the last price', () => {
    const { state, rolls } = watching();
    tick(state, 100, T0 + 1_000);
    state.clock(T0 + MIN + 1_000);
    expect(state.get(ONE_MINUTE)?.time).toBe(T0);
    state.clock(T0 + MIN + 2_500);
    expect(state.get(ONE_MINUTE)).toMatchObject({
      time: T0 + MIN,
      open: 100,
      high: 100,
      low: 100,
      close: 100,
    });
    expect(rolls).toEqual([[ONE_MINUTE, T0]]);
  });

  it('[K2] is stale with its market, and a flip of stale is not a price', () => {
    const { state } = watching();
    tick(state, 100, T0 + 1_000);
    tick(state, 100, T0 + 1_000, true);
    expect(state.get(ONE_MINUTE)).toMatchObject({ stale: true, close: 100 });
    expect(state.refused['late-tick']).toBe(0);
  });

  it('[K1] forgets a series nobody watches', () => {
    const { state } = watching();
    tick(state, 100, T0 + 1_000);
    state.watch([FIVE_MINUTES]);
    expect(state.get(ONE_MINUTE)).toBeUndefined();
    expect(state.get(FIVE_MINUTES)).toBeDefined();
  });
});

describe('live candle changes', () => {
  const candle: LiveCandle = {
    time: T0,
    open: 1,
    high: 2,
    low: 1,
    close: 2,
    volume: null,
    closed: [T0 - MIN, 1, 1, 1, 1, 0],
    stale: false,
  };

  it('[K2] carry only what changed, the closed candle by value, and merge back to the same candle', () => {
    expect(diffCandle(candle, { ...candle, closed: [T0 - MIN, 1, 1, 1, 1, 0] })).toBeNull();
    const next = { ...candle, close: 3, high: 3, volume: 7 };
    const changes = diffCandle(candle, next);
    expect(changes).toEqual({ close: 3, high: 3, volume: 7 });
    expect(mergeCandle(candle, changes ?? {})).toEqual(next);
    expect(mergeCandle(undefined, { close: 3 })).toBeNull();
    expect(mergeCandle(undefined, diffCandle(undefined, candle) ?? {})).toEqual(candle);
  });
});
