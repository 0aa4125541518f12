/** Loads a chart's candle history (H4) into the store: the newest page, again after a gap, and older pages on demand. */
import { useCallback, useEffect, useRef } from 'react';
import { fetchCandles } from '@/client/api/candles';
import { useDashboard, useDashboardStore } from '@/client/store/provider';
import { candleStreamId } from '@/lib/candle-stream';
import type { StreamId } from '@/lib/protocol';
import type { Timeframe } from '@/lib/timeframes';

export function useCandleHistory(stream: StreamId, timeframe: Timeframe) {
  const store = useDashboardStore();
  const id = candleStreamId(stream, timeframe);
  const series = useDashboard((s) => s.candles[id]);
  // One request of each kind per series at a time; a timeframe shown again reuses what it holds.
  const inFlight = useRef(new Set<string>());

  useEffect(() => store.getState().openCandles(id), [store, id]);

  const load = useCallback(
    async (older: boolean) => {
      const before = older ? store.getState().candles[id]?.rows[0]?.[0] : undefined;
      if (older && before === undefined) return;
      const key = `${id} ${older}`;
      if (inFlight.current.has(key)) return;
      inFlight.current.add(key);
      try {
        const answer = await fetchCandles(stream, timeframe, before);
        if (answer.ok) store.getState().candlesLoaded(id, answer.data, older);
        else if (!older) store.getState().candlesFailed(id, answer.message);
      } finally {
        inFlight.current.delete(key);
      }
    },
    [store, id, stream, timeframe],
  );

  const state = series?.state;
  const reload = series?.reload;
  useEffect(() => {
    if (state === 'loading' || reload) void load(false);
  }, [state, reload, load]);

  const loadOlder = useCallback(() => void load(true), [load]);
  return { series, loadOlder };
}
