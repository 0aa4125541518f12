/** Candle streams (docs/protocol.md K1): `"candles:<exchange>:<BASE/QUOTE>:<timeframe>"` and their UTC periods. */
import type { StreamId } from './protocol';
import { MAX_STREAM_ID_LENGTH, parseStreamId, streamId } from './stream-id';
import { isTimeframe } from './timeframes';
import type { Timeframe } from './timeframes';

const PREFIX = 'candles:';

/** A candle stream's parts: the market's ticker stream and the timeframe. */
export interface CandleStreamRef {
  stream: StreamId;
  exchange: string;
  symbol: string;
  timeframe: Timeframe;
}

/** True for an id of the candle kind, well-formed or not: such ids are never ticker streams. */
export const isCandleStreamId = (value: string) => value.startsWith(PREFIX);

/** Splits a candle stream id, or null when it is not a well-formed one. */
export function parseCandleStreamId(value: string): CandleStreamRef | null {
  if (!isCandleStreamId(value) || value.length > MAX_STREAM_ID_LENGTH) return null;
  const cut = value.lastIndexOf(':');
  const timeframe = value.slice(cut + 1);
  const ref = parseStreamId(value.slice(PREFIX.length, cut));
  if (!ref || !isTimeframe(timeframe)) return null;
  return { stream: streamId(ref.exchange, ref.symbol), ...ref, timeframe };
}

/** The candle stream of a market and timeframe. */
export function candleStreamId(stream: StreamId, timeframe: Timeframe): StreamId {
  return `${PREFIX}${stream}:${timeframe}`;
}
