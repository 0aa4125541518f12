import { describe, expect, it } from 'vitest';
import { applyDiff, applySnapshot, emptyMarket } from '../../client/market-sync';
import { tickerAt } from '../support/fixtures';

const t = tickerAt(1);

describe('market sync', () => {
  const start = applySnapshot({ epoch: 'e1', seq: 5, tickers: { 'x:A/B': t } });

  it('[M2] a snapshot replaces everything held', () => {
    const next = applySnapshot({ epoch: 'e2', seq: 0, tickers: {} });
    expect(next).toEqual({ epoch: 'e2', seq: 0, tickers: {}, candles: {} });
  });

  it('[K2] a diff’s candle changes merge into the live candle held, in the same sequence as the tickers', () => {
    const candle = {
      time: 60_000,
      open: 1,
      high: 2,
      low: 1,
      close: 2,
      volume: 5,
      closed: null,
      stale: false,
    };
    const held = applySnapshot({ epoch: 'e3', seq: 1, tickers: {}, candles: { 'candles:x:A/B:1m': candle } });
    const result = applyDiff(held, {
      epoch: 'e3',
      seq: 2,
      changes: {},
      candles: { 'candles:x:A/B:1m': { close: 3, high: 3 } },
    });
    expect(result.applied && result.market.candles['candles:x:A/B:1m']).toEqual({
      ...candle,
      close: 3,
      high: 3,
    });
    // Changes of a candle not held yet wait for a whole one.
    const partial = applyDiff(held, {
      epoch: 'e3',
      seq: 2,
      changes: {},
      candles: { 'candles:x:C/D:1m': { close: 3 } },
    });
    expect(partial.applied && partial.market.candles['candles:x:C/D:1m']).toBeUndefined();
  });

  it('[M3] the next seq of the epoch is applied', () => {
    const result = applyDiff(start, { epoch: 'e1', seq: 6, changes: { 'x:A/B': { last: 2 } } });
    expect(result.applied && result.market.tickers['x:A/B']?.last).toBe(2);
    expect(result.applied && result.market.seq).toBe(6);
  });

  it('[M3] a gap in seq asks for a resync and changes nothing', () => {
    expect(applyDiff(start, { epoch: 'e1', seq: 8, changes: {} })).toEqual({
      applied: false,
      reason: 'seq-gap',
    });
    expect(start.tickers['x:A/B']?.last).toBe(1);
  });

  it('[M3] another epoch asks for a resync', () => {
    expect(applyDiff(start, { epoch: 'e9', seq: 6, changes: {} })).toEqual({
      applied: false,
      reason: 'epoch-changed',
    });
  });

  it('[M3] a seq already applied is ignored', () => {
    expect(applyDiff(start, { epoch: 'e1', seq: 5, changes: {} })).toEqual({
      applied: false,
      reason: 'old-seq',
    });
  });

  it('[M3] a diff before any snapshot cannot be applied', () => {
    expect(applyDiff(emptyMarket(), { epoch: 'e1', seq: 1, changes: {} })).toEqual({
      applied: false,
      reason: 'no-snapshot',
    });
  });

  it('[M4] the first diff of a stream absent from the snapshot carries the whole ticker', () => {
    const result = applyDiff(start, { epoch: 'e1', seq: 6, changes: { 'x:C/D': t } });
    expect(result.applied && result.market.tickers['x:C/D']).toEqual(t);
  });
});
