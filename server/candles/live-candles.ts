/**
 * Keeps every watched candle stream's live candle in step with the exchange (docs/protocol.md K3, K4): ends
 * periods on the clock, reads the exchange's newest candles every LIVE_REFRESH_MS for the open candle's open,
 * range and volume, and, after a period ends, until the exchange has given that closed candle.
 */
import type { Logger } from 'pino';
import { parseCandleStreamId } from '../../lib/candle-stream';
import type { StreamId } from '../../lib/protocol';
import { errorMessage } from '../feeds/feed-errors';
import type { CandleState } from '../market/candle-state';
import type { CandleHistory } from './candle-history';
import { CLOSE_GRACE_MS } from './candle-check';

/** How often a watched series' open candle is read again from the exchange. */
export const LIVE_REFRESH_MS = 10_000;
/** How soon a closed candle the exchange has not given yet is asked for again. */
const CLOSED_RETRY_MS = 3_000;
/** How often the periods are checked against the clock. */
const CLOCK_MS = 1_000;

export interface LiveCandlesDeps {
  state: CandleState;
  history: Pick<CandleHistory, 'candles'>;
  log: Logger;
  now?: () => number;
}

export function startLiveCandles(deps: LiveCandlesDeps): { close(): void } {
  const { state, history, log } = deps;
  const now = deps.now ?? Date.now;
  const due = new Map<StreamId, number>();
  // Per series, the open time of the latest candle that closed and is not yet given by the exchange.
  const awaited = new Map<StreamId, number>();
  const busy = new Set<StreamId>();

  const refresh = async (id: StreamId) => {
    const ref = parseCandleStreamId(id);
    if (!ref) return;
    busy.add(id);
    try {
      const page = await history.candles(ref.stream, ref.timeframe, { limit: 3, fresh: true });
      state.exchange(id, { closed: page.candles, current: page.open });
    } catch (err) {
      // The ticks keep the live candle moving; the volume and the closed candle wait for the next answer.
      log.debug({ stream: id, err: errorMessage(err) }, 'live candle not refreshed');
    } finally {
      busy.delete(id);
      const waiting = awaited.get(id);
      const closed = state.get(id)?.closed?.[0] ?? -Infinity;
      if (waiting !== undefined && closed >= waiting) awaited.delete(id);
      due.set(id, now() + (awaited.has(id) ? CLOSED_RETRY_MS : LIVE_REFRESH_MS));
    }
  };

  const stopRoll = state.onRoll((id, closedTime) => {
    awaited.set(id, closedTime);
    due.set(id, now() + CLOSE_GRACE_MS);
  });

  const timer = setInterval(() => {
    const at = now();
    state.clock(at);
    const watched = new Set(state.watched());
    for (const id of watched) {
      if (busy.has(id) || (due.get(id) ?? -Infinity) > at) continue;
      void refresh(id);
    }
    for (const id of due.keys()) if (!watched.has(id)) due.delete(id);
    for (const id of awaited.keys()) if (!watched.has(id)) awaited.delete(id);
  }, CLOCK_MS);
  timer.unref();

  return {
    close() {
      clearInterval(timer);
      stopRoll();
    },
  };
}
