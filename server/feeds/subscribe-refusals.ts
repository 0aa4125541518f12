/** Reads, from an exchange's raw WebSocket messages, the per-symbol subscription refusals ccxt keeps to itself. */

/** A stream the exchange refused, with its own words. */
export interface Refusal {
  /** The symbol as the exchange wrote it (Kraken's WebSocket v2 uses unified-style `BTC/USD` names). */
  symbol: string;
  reason: string;
}

const text = (value: unknown, max = 200) => (typeof value === 'string' ? value.slice(0, max) : undefined);

// A second subscribe of a symbol already subscribed is refused too; the stream is fine.
const HARMLESS = /already subscribed/i;

/**
 * Kraken's WebSocket v2 answers a subscribe with one acknowledgement per symbol; a refused one is
 * `{ method: 'subscribe', success: false, error, symbol, req_id }`. ccxt files it under the req_id, which nothing
 * awaits (every watch waits on a per-symbol hash), so the refusal never reaches a caller.
 */
function krakenRefusal(message: Record<string, unknown>): Refusal | null {
  if (message.method !== 'subscribe' || message.success !== false) return null;
  const symbol = text(message.symbol, 40);
  const reason = text(message.error);
  if (symbol === undefined || reason === undefined || HARMLESS.test(reason)) return null;
  return { symbol, reason };
}

const READERS: Readonly<Record<string, (message: Record<string, unknown>) => Refusal | null>> = {
  kraken: krakenRefusal,
};

/** The refusal a message carries, for exchanges whose refusals ccxt does not raise; null otherwise. */
export function subscribeRefusal(exchangeId: string, message: unknown): Refusal | null {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return null;
  const read = Object.hasOwn(READERS, exchangeId) ? READERS[exchangeId] : undefined;
  return read === undefined ? null : read(message as Record<string, unknown>);
}
