/**
 * Why a key check or a sync failed, in words that say what to do (docs/protocol.md P9). ccxt's own messages are
 * never passed on: they carry request URLs, signed query strings and exchange bodies.
 */
import ccxt from 'ccxt';
import type { ConnectionErrorCode } from '../../lib/portfolio/connection';
import { AppError } from '../errors';
import { SecretError } from '../secrets/secret-error';
import { BookingError } from './book-records';

/** A failure with a code the UI can act on and a message a user can follow. */
export class SyncError extends Error {
  override readonly name = 'SyncError';
  constructor(
    readonly code: ConnectionErrorCode,
    message: string,
  ) {
    super(message);
  }
}

// Binance's "invalid key, IP or permissions": ccxt raises it as DDoSProtection after one success on the API.
const KEY_REFUSED = /"code":\s*-2015\b/;

/** Any thrown value as a SyncError that names the exchange and says what to do. */
export function describeFailure(error: unknown, exchange: string): SyncError {
  if (error instanceof SyncError) return error;
  // A record with no price to value it stops the sync; one that cannot be right is the exchange's doing.
  if (error instanceof BookingError)
    return new SyncError(
      error.reason === 'no-price' ? 'FAILED' : 'BAD_EXCHANGE_DATA',
      `${error.message}; nothing was changed.`,
    );
  if (error instanceof SecretError)
    return new SyncError(
      'SECRET_UNREADABLE',
      "The stored key cannot be opened with this server's SECRET_KEY (it was sealed under another master key): " +
        'put the old key in SECRET_KEY_PREVIOUS, or delete this connection and add the key again.',
    );
  // P2 refused the history with the synced records in it: a transaction entered by hand contradicts them.
  if (error instanceof AppError && error.code === 'BAD_REQUEST')
    return new SyncError(
      'HISTORY_CONFLICT',
      `The history from ${exchange} does not fit the transactions already in your portfolio, so nothing was ` +
        `changed: ${error.message}. Change or delete the transaction it names, then sync again.`,
    );
  const message = error instanceof Error ? error.message : '';
  if (error instanceof ccxt.PermissionDenied)
    return new SyncError(
      'KEY_PERMISSION',
      `${exchange} refused a request this key is not allowed to make: enable reading (account and history) on the key.`,
    );
  if (error instanceof ccxt.AuthenticationError || KEY_REFUSED.test(message))
    return new SyncError(
      'KEY_REJECTED',
      `${exchange} refused the API key: check that key and secret are copied exactly, that the key is still ` +
        "active with reading enabled, and that this server's IP address is allowed on the key.",
    );
  if (error instanceof ccxt.InvalidNonce)
    return new SyncError(
      'CLOCK_SKEW',
      `${exchange} refused the request's timestamp: this server's clock is off. Synchronise it (NTP) and try again.`,
    );
  if (error instanceof ccxt.DDoSProtection || error instanceof ccxt.RateLimitExceeded)
    return new SyncError(
      'RATE_LIMITED',
      `${exchange} is limiting requests from this server; the sync stopped and resumes where it stopped on the ` +
        'next attempt. Try again in a few minutes.',
    );
  if (error instanceof ccxt.NetworkError)
    return new SyncError(
      'EXCHANGE_UNAVAILABLE',
      `${exchange} could not be reached or is down (maintenance or an outage); nothing was changed. The next ` +
        'sync tries again.',
    );
  if (error instanceof ccxt.BadResponse || error instanceof TypeError || error instanceof SyntaxError)
    return new SyncError(
      'BAD_EXCHANGE_DATA',
      `${exchange} sent an answer that cannot be read; nothing was changed. The next sync tries again.`,
    );
  return new SyncError(
    'FAILED',
    `The sync with ${exchange} failed; nothing was changed. The next sync tries again.`,
  );
}
