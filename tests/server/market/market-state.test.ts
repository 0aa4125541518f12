import { describe, expect, it } from 'vitest';
import type { PriceFields } from '../../../server/feeds/types';
import { MarketState } from '../../../server/market/market-state';

const STREAM = 'binance:BTC/USDT';
const PRECISION = { priceDecimals: 2, amountDecimals: 5 };

function fields(overrides: Partial<PriceFields> = {}): PriceFields {
  return {
    last: 65000,
    bid: 64999.99,
    ask: 65000,
    high: 66000,
    low: 64000,
    open: 64500,
    percentage: 0.78,
    baseVolume: 20000,
    quoteVolume: 1_300_000_000,
    timestamp: 1_000,
    ...overrides,
  };
}

describe('MarketState', () => {
  it('[M5] a tick that only moves the 24h volumes by less than 0.01 % changes nothing', () => {
    const state = new MarketState();
    const changes: string[] = [];
    state.onChange((stream) => changes.push(stream));
    expect(state.apply(STREAM, fields(), 1_000, PRECISION)).toBe(true);
    const moved = fields({ baseVolume: 20001.5, quoteVolume: 1_300_090_000, timestamp: 2_000 });
    expect(state.apply(STREAM, moved, 2_000, PRECISION)).toBe(false);
    expect(changes).toEqual([STREAM]);
    expect(state.get(STREAM)).toMatchObject({
      baseVolume: 20000,
      quoteVolume: 1_300_000_000,
      receivedAt: 1_000,
    });
  });

  it('[M5] a price change carries the held volumes; a move of 0.01 % or more replaces them', () => {
    const state = new MarketState();
    state.apply(STREAM, fields(), 1_000, PRECISION);
    state.apply(STREAM, fields({ last: 65000.5, baseVolume: 20001, timestamp: 2_000 }), 2_000, PRECISION);
    expect(state.get(STREAM)).toMatchObject({ last: 65000.5, baseVolume: 20000, receivedAt: 2_000 });
    state.apply(STREAM, fields({ last: 65000.5, baseVolume: 20002, timestamp: 3_000 }), 3_000, PRECISION);
    expect(state.get(STREAM)).toMatchObject({
      baseVolume: 20002,
      quoteVolume: 1_300_000_000,
      receivedAt: 3_000,
    });
  });
});
