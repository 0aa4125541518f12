/** Sorts what a ccxt call threw into the few cases the feed loop treats differently. */
import ccxt from 'ccxt';

/**
 * - closed: ExchangeClosedByUser, after our own exchange.close() (watchdog or stop).
 * - network: NetworkError and subclasses (drop, timeout, 503, 429): reconnect with backoff.
 * - bad-symbol: one market is gone or unknown: drop it, keep the others.
 * - junk: not a ccxt error (a TypeError from parsing an HTML or truncated body) or BadResponse:
 *   counted like an invalid tick.
 * - exchange: any other ccxt error: retry with backoff.
 */
export type ErrorKind = 'closed' | 'network' | 'bad-symbol' | 'junk' | 'exchange';

/** The kind of an error thrown by a ccxt call. */
export function classifyError(err: unknown): ErrorKind {
  if (err instanceof ccxt.ExchangeClosedByUser) return 'closed';
  if (err instanceof ccxt.NetworkError) return 'network';
  if (err instanceof ccxt.BadSymbol) return 'bad-symbol';
  if (err instanceof ccxt.BadResponse) return 'junk';
  if (err instanceof ccxt.BaseError) return 'exchange';
  return 'junk';
}

const MAX_MESSAGE = 200;

/** A one-line message for logs and FeedStatus.lastError; ccxt may embed a whole HTML body in its messages. */
export function errorMessage(err: unknown): string {
  const raw = err instanceof Error ? `${err.name}: ${err.message}` : `thrown ${typeof err}: ${String(err)}`;
  const line = raw.replace(/\s+/g, ' ').trim();
  return line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE)}…` : line;
}
