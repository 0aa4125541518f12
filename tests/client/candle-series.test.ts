import { describe, expect, it } from 'vitest';
import { drawnCandles, loadingSeries, withLive, withPage } from '../../client/candle-series';
import type { CandleRow, LiveCandle } from '../../lib/protocol';

const M = 60_000;
const row = (t: number, close = 100): CandleRow => [t * M, 100, close + 1, 99, close, 5];
const live = (t: number, close: number, closed: CandleRow | null): LiveCandle => ({
  time: t * M,
  open: 100,
  high: Math.max(101, close),
  low: 99,
  close,
  volume: 2,
  closed,
  stale: false,
});

describe('a chart of candles (K5)', () => {
  const loaded = withPage(loadingSeries(), { candles: [row(1), row(2), row(3)], more: true }, false);

  it('[K5] draws the history, then the live candle on top of it', () => {
    const { series, gap } = withLive(loaded, live(4, 103, row(3)), '1m');
    expect(gap).toBe(false);
    expect(drawnCandles(series)).toEqual({
      rows: [row(1), row(2), row(3), [4 * M, 100, 103, 99, 103, 2]],
      liveFrom: 4 * M,
    });
  });

  it('[K5] keeps the candle that was live until its closed one arrives, then the exchange’s own values', () => {
    const at4 = withLive(loaded, live(4, 103, row(3)), '1m').series;
    // The period of 4 ended: 5 is live, 4 is drawn as it was until the exchange closes it.
    const at5 = withLive(at4, live(5, 104, row(3)), '1m').series;
    expect(drawnCandles(at5).rows.map((r) => r[0] / M)).toEqual([1, 2, 3, 4, 5]);
    expect(drawnCandles(at5).rows[3]).toEqual([4 * M, 100, 103, 99, 103, 2]);
    const closed4: CandleRow = [4 * M, 100, 110, 95, 102.5, 40];
    const final = withLive(at5, live(5, 104, closed4), '1m').series;
    expect(drawnCandles(final).rows[3]).toEqual(closed4);
    expect(final.provisional.map((r) => r[0] / M)).toEqual([5]);
  });

  it('[K4][K5] a closed candle once held is final: a later page or live message never rewrites it', () => {
    const closed4: CandleRow = [4 * M, 100, 110, 95, 102.5, 40];
    const held = withLive(loaded, live(5, 104, closed4), '1m').series;
    const other: CandleRow = [4 * M, 1, 2, 0.5, 1, 1];
    expect(withPage(held, { candles: [other], more: false }, false).rows[3]).toEqual(closed4);
    expect(withLive(held, live(5, 104, other), '1m').series.rows[3]).toEqual(closed4);
  });

  it('[K5] a closed candle more than one period after the last one held is a gap to load', () => {
    expect(withLive(loaded, live(9, 104, row(8)), '1m').gap).toBe(true);
    expect(withLive(loaded, live(5, 104, row(4)), '1m').gap).toBe(false);
  });

  it('says there are no candles when the exchange has none, and pages keep `more` from the oldest page', () => {
    expect(withPage(loadingSeries(), { candles: [], more: false }, false).state).toBe('empty');
    const older = withPage(loaded, { candles: [row(0)], more: false }, true);
    expect(older.rows[0]).toEqual(row(0));
    expect(older.more).toBe(false);
    expect(withPage(older, { candles: [row(4)], more: true }, false).more).toBe(false);
  });
});
