/** Stream ids: `"<exchange>:<BASE/QUOTE>"`, the exchange's ccxt id and ccxt's unified symbol. */
import type { StreamId } from './protocol';

/** Longest stream id accepted; real ones are far shorter. */
export const MAX_STREAM_ID_LENGTH = 80;

// ccxt ids are lowercase letters and digits; unified symbols are BASE/QUOTE with an optional ":SETTLE"
// (derivatives) and a few punctuation marks in some exchanges' asset codes.
const STREAM_ID = /^([a-z][a-z0-9]*):([A-Za-z0-9._-]+\/[A-Za-z0-9._-]+(?::[A-Za-z0-9._-]+)?)$/;

/** The two halves of a stream id. */
export interface StreamRef {
  exchange: string;
  symbol: string;
}

/** Splits a stream id, or returns null when it is not one. */
export function parseStreamId(value: string): StreamRef | null {
  if (value.length > MAX_STREAM_ID_LENGTH) return null;
  const match = STREAM_ID.exec(value);
  if (!match) return null;
  return { exchange: match[1] as string, symbol: match[2] as string };
}

/** Joins an exchange id and a unified symbol into a stream id. */
export function streamId(exchange: string, symbol: string): StreamId {
  return `${exchange}:${symbol}`;
}
