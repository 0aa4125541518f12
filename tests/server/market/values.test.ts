import { describe, expect, it } from 'vitest';
import { holdUnlessMoved, roundTo, VOLUME_SIGNIFICANCE } from '../../../server/market/precision';
import { PointRing } from '../../../server/market/ring-buffer';
import { parseStreamId } from '../../../lib/stream-id';

describe('roundTo', () => {
  it('[M5] rounds to the market decimals without binary noise', () => {
    expect(roundTo(0.1 + 0.2, 2)).toBe(0.3);
    expect(roundTo(65000.123456, 2)).toBe(65000.12);
    expect(roundTo(0.000123456, 6)).toBe(0.000123);
  });

  it('[M5] keeps ten significant digits when the market gives no precision', () => {
    expect(roundTo(1234.56789012345, null)).toBe(1234.56789);
  });
});

describe('parseStreamId', () => {
  it('[S1] splits exchange and unified symbol', () => {
    expect(parseStreamId('binance:BTC/USDT')).toEqual({ exchange: 'binance', symbol: 'BTC/USDT' });
    expect(parseStreamId('binance:BTC/USDT:USDT')).toEqual({ exchange: 'binance', symbol: 'BTC/USDT:USDT' });
  });

  it('[S1] refuses what is not a stream id', () => {
    for (const bad of [
      'BTC/USDT',
      'binance:BTCUSDT',
      'Binance:BTC/USDT',
      ':BTC/USDT',
      'binance:',
      `binance:${'A'.repeat(90)}/B`,
    ]) {
      expect(parseStreamId(bad)).toBeNull();
    }
  });
});

describe('PointRing', () => {
  it('[H1] keeps at most its capacity, oldest out first', () => {
    const ring = new PointRing(3);
    for (let i = 1; i <= 5; i++) ring.push(i * 1000, i);
    expect(ring.since()).toEqual([
      [3000, 3],
      [4000, 4],
      [5000, 5],
    ]);
  });

  it('[H1] one point per slot: the last value of a slot wins, older points are ignored', () => {
    const ring = new PointRing(3);
    ring.push(1000, 1);
    ring.push(1000, 2);
    ring.push(500, 9);
    expect(ring.since()).toEqual([[1000, 2]]);
  });

  it('[H1] since returns only newer points', () => {
    const ring = new PointRing(5);
    for (let i = 1; i <= 4; i++) ring.push(i * 1000, i);
    expect(ring.since(2000)).toEqual([
      [3000, 3],
      [4000, 4],
    ]);
  });
});

describe('holdUnlessMoved', () => {
  it('[M5] keeps a held 24h volume through moves under 0.01 % and takes the first one at or over it', () => {
    expect(holdUnlessMoved(1_000_000, 1_000_099.99, VOLUME_SIGNIFICANCE)).toBe(1_000_000);
    expect(holdUnlessMoved(1_000_000, 999_900.01, VOLUME_SIGNIFICANCE)).toBe(1_000_000);
    expect(holdUnlessMoved(1_000_000, 1_000_100, VOLUME_SIGNIFICANCE)).toBe(1_000_100);
    expect(holdUnlessMoved(1_000_000, 999_000, VOLUME_SIGNIFICANCE)).toBe(999_000);
  });

  it('[M5] takes the new value when there is nothing to hold, and an unknown one as unknown', () => {
    expect(holdUnlessMoved(undefined, 5, VOLUME_SIGNIFICANCE)).toBe(5);
    expect(holdUnlessMoved(null, 5, VOLUME_SIGNIFICANCE)).toBe(5);
    expect(holdUnlessMoved(5, null, VOLUME_SIGNIFICANCE)).toBeNull();
    expect(holdUnlessMoved(0, 0.001, VOLUME_SIGNIFICANCE)).toBe(0.001);
  });
});
