/** Browser call to a market's closed candles (GET /api/v1/candles, docs/protocol.md H4). */
import type { CandleRow, StreamId } from '../../lib/protocol';
import type { Timeframe } from '../../lib/timeframes';
import { request } from './auth';
import type { ApiResult } from './auth';
import { answerOf } from './contract-answer';

/** One page of closed candles, oldest first, and whether the exchange has older ones. */
export interface CandlePage {
  candles: CandleRow[];
  more: boolean;
}

/** Candles per page: enough to fill a wide chart, one exchange request or two on the server. */
export const CANDLE_PAGE_LIMIT = 300;

/** The newest page of `stream`'s closed candles of `timeframe` opening before `before` (all closed ones without). */
export function fetchCandles(
  stream: StreamId,
  timeframe: Timeframe,
  before?: number,
  signal?: AbortSignal,
): Promise<ApiResult<CandlePage>> {
  const query = new URLSearchParams({ stream, timeframe, limit: String(CANDLE_PAGE_LIMIT) });
  if (before !== undefined) query.set('before', String(before));
  return request(
    `/api/v1/candles?${query.toString()}`,
    { signal },
    answerOf('market.candles', ({ candles, more }) => ({ candles, more })),
  );
}
