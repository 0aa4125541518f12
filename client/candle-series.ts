/**
 * A chart's candles (docs/protocol.md K5): closed candles from the history (H4) kept oldest first, and the live
 * candle on top. The candle that was live stays as provisional until the exchange's closed one with its time
 * replaces it; a closed candle more than one period after the last one held is a gap to load again.
 */
import type { CandleRow, LiveCandle } from '../lib/protocol';
import { timeframeMs } from '../lib/timeframes';
import type { Timeframe } from '../lib/timeframes';

/** Closed candles kept per chart; older pages beyond it are dropped from the far end. */
export const MAX_CANDLES = 3000;

/** What a chart holds of one market and timeframe. */
export interface CandleSeries {
  /** `loading` until the first page, `ready` with candles, `empty` when the exchange has none, `error`. */
  state: 'loading' | 'ready' | 'empty' | 'error';
  /** Closed candles, oldest first, each final. */
  rows: CandleRow[];
  /** The exchange has older candles than `rows[0]`. */
  more: boolean;
  /** Why there are no candles (the server's words), for `error`. */
  message: string | null;
  /**
   * The live candle, and before it any candle that was live until its period ended and whose closed candle has
   * not arrived yet: drawn as they were, oldest first, until the exchange's closed ones replace them.
   */
  provisional: CandleRow[];
  /** A gap was seen (K5): the newest page must be loaded again. */
  reload: boolean;
}

/** A series before its first page. */
export const loadingSeries = (): CandleSeries => ({
  state: 'loading',
  rows: [],
  more: true,
  message: null,
  provisional: [],
  reload: false,
});

/** Merges closed candles into `rows` by open time; a time already held keeps the one held (closed ones are final). */
export function mergeRows(rows: readonly CandleRow[], page: readonly CandleRow[]): CandleRow[] {
  const byTime = new Map<number, CandleRow>();
  for (const row of page) byTime.set(row[0], row);
  for (const row of rows) byTime.set(row[0], row);
  const merged = [...byTime.values()].sort((a, b) => a[0] - b[0]);
  return merged.length > MAX_CANDLES ? merged.slice(merged.length - MAX_CANDLES) : merged;
}

/** A page of history into a series: the newest page (`older` false) or one before its first candle. */
export function withPage(
  series: CandleSeries,
  page: { candles: CandleRow[]; more: boolean },
  older: boolean,
) {
  const rows = mergeRows(series.rows, page.candles);
  return {
    ...series,
    state: rows.length > 0 || series.provisional.length > 0 ? ('ready' as const) : ('empty' as const),
    rows,
    more: older || series.rows.length === 0 ? page.more : series.more,
    message: null,
    reload: older ? series.reload : false,
  };
}

const rowOf = (live: LiveCandle): CandleRow => [
  live.time,
  live.open,
  live.high,
  live.low,
  live.close,
  live.volume ?? 0,
];

/**
 * The live candle applied to a series (K5): its closed candle joins the rows (final), the provisional one is
 * the live candle itself. `gap` is true when the closed candle is more than one period after the last row held:
 * the candles between must be loaded again.
 */
export function withLive(
  series: CandleSeries,
  live: LiveCandle,
  timeframe: Timeframe,
): { series: CandleSeries; gap: boolean } {
  let rows = series.rows;
  let gap = false;
  const closed = live.closed;
  const last = rows.at(-1);
  if (closed && (!last || closed[0] > last[0])) {
    gap = last !== undefined && closed[0] - last[0] > timeframeMs(timeframe);
    rows = mergeRows(rows, [closed]);
  }
  const current = rowOf(live);
  const held = new Set(rows.map((row) => row[0]));
  const provisional = [
    ...series.provisional.filter((row) => row[0] < current[0] && !held.has(row[0])),
    current,
  ].slice(-3);
  const state = series.state === 'loading' || series.state === 'error' ? series.state : 'ready';
  return { series: { ...series, rows, provisional, state, reload: series.reload || gap }, gap };
}

/** What the chart draws: the closed rows, then the provisional candles newer than all of them. */
export function drawnCandles(series: CandleSeries): { rows: CandleRow[]; liveFrom: number | null } {
  const last = series.rows.at(-1)?.[0] ?? -Infinity;
  const newer = series.provisional.filter((row) => row[0] > last);
  const first = newer[0];
  if (!first) return { rows: series.rows, liveFrom: null };
  return { rows: [...series.rows, ...newer], liveFrom: first[0] };
}

/** The history could not be loaded: said in the server's words; what is held stays. */
export const withError = (series: CandleSeries, message: string): CandleSeries => ({
  ...series,
  state: series.rows.length > 0 ? series.state : 'error',
  message,
  reload: false,
});
