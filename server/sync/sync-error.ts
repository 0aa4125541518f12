/**
 * Why a key check or a sync failed, in words that say what to do (docs/protocol.md P9). ccxt's own messages are
 * never passed on: they carry request URLs, signed query strings and exchange bodies. Each message is kept by its
 * catalog key, so that a connection's last error is worded in its reader's language (docs/locales.md, L6).
 */
import ccxt from 'ccxt';
import type { ConnectionErrorCode } from '../../lib/portfolio/connection';
import { AppError, ENGLISH, text, wordText } from '../errors';
import type { ErrorText } from '../errors';
import { SecretError } from '../secrets/secret-error';
import { BookingError } from './book-records';

/** A failure with a code the UI can act on and a message a user can follow (`message` is its English wording). */
export class SyncError extends Error {
  override readonly name = 'SyncError';
  constructor(
    readonly code: ConnectionErrorCode,
    readonly text: ErrorText,
  ) {
    super(wordText(text, ENGLISH));
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
      text('sync', 'bookingFailed', { problem: error.text }),
    );
  if (error instanceof SecretError)
    return new SyncError('SECRET_UNREADABLE', text('sync', 'secretUnreadable'));
  // P2 refused the history with the synced records in it: a transaction entered by hand contradicts them.
  if (error instanceof AppError && error.code === 'BAD_REQUEST')
    return new SyncError(
      'HISTORY_CONFLICT',
      text('sync', 'historyConflict', { exchange, problem: error.text ?? error.message }),
    );
  const message = error instanceof Error ? error.message : '';
  if (error instanceof ccxt.PermissionDenied)
    return new SyncError('KEY_PERMISSION', text('sync', 'keyPermission', { exchange }));
  if (error instanceof ccxt.AuthenticationError || KEY_REFUSED.test(message))
    return new SyncError('KEY_REJECTED', text('sync', 'keyRejected', { exchange }));
  if (error instanceof ccxt.InvalidNonce)
    return new SyncError('CLOCK_SKEW', text('sync', 'clockSkew', { exchange }));
  if (error instanceof ccxt.DDoSProtection || error instanceof ccxt.RateLimitExceeded)
    return new SyncError('RATE_LIMITED', text('sync', 'rateLimited', { exchange }));
  if (error instanceof ccxt.NetworkError)
    return new SyncError('EXCHANGE_UNAVAILABLE', text('sync', 'exchangeUnavailable', { exchange }));
  if (error instanceof ccxt.BadResponse || error instanceof TypeError || error instanceof SyntaxError)
    return new SyncError('BAD_EXCHANGE_DATA', text('sync', 'unreadableAnswer', { exchange }));
  return new SyncError('FAILED', text('sync', 'failed', { exchange }));
}
