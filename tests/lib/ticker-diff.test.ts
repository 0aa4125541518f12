import { describe, expect, it } from 'vitest';
import type { Ticker } from '../../lib/protocol';
import { diffTicker, mergeTicker } from '../../lib/ticker-diff';

const base: Ticker = {
  last: 100,
  bid: 99.9,
  ask: 100.1,
  high: 110,
  low: 90,
  open: 95,
  percentage: 5.26,
  baseVolume: 1234.5,
  quoteVolume: 123450,
  timestamp: 1_000,
  receivedAt: 1_005,
  stale: false,
};

describe('diffTicker', () => {
  it('[M4] sends every field for a stream the receiver has never seen', () => {
    expect(diffTicker(undefined, base)).toEqual(base);
  });

  it('[M4] carries only the fields that changed, with absolute values and the new times', () => {
    const next = { ...base, last: 101, bid: 100.9, timestamp: 2_000, receivedAt: 2_004 };
    expect(diffTicker(base, next)).toEqual({ last: 101, bid: 100.9, timestamp: 2_000, receivedAt: 2_004 });
  });

  it('[M4] a tick that only moves the clock is not a change', () => {
    expect(diffTicker(base, { ...base, timestamp: 9_000, receivedAt: 9_001 })).toBeNull();
  });

  it('[M4] a stale flag travels alone, without times', () => {
    expect(diffTicker(base, { ...base, stale: true, receivedAt: 5_000 })).toEqual({ stale: true });
  });

  it('[M4] a field that becomes unknown is sent as null', () => {
    expect(diffTicker(base, { ...base, bid: null })).toEqual({ bid: null });
  });
});

describe('mergeTicker', () => {
  it('[M4] applies changes over the held ticker', () => {
    expect(mergeTicker(base, { last: 101, stale: true })).toEqual({ ...base, last: 101, stale: true });
  });

  it('[M4] refuses to invent a ticker from a partial change of an unknown stream', () => {
    expect(mergeTicker(undefined, { last: 101 })).toBeNull();
  });

  it('[M4] merge of a diff reproduces the new ticker', () => {
    const next = { ...base, last: 99, ask: 99.2, percentage: 4.1, receivedAt: 7_000, timestamp: 6_990 };
    expect(mergeTicker(base, diffTicker(base, next) ?? {})).toEqual(next);
  });
});
