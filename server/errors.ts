/** The one error type for everything a client may see: a stable code, a clear message, no stack. */
import type { ErrorCode, ProtocolError } from '../lib/protocol';

const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNKNOWN_EXCHANGE: 404,
  UNKNOWN_SYMBOL: 404,
  TOO_MANY_STREAMS: 400,
  EXCHANGE_UNAVAILABLE: 503,
  RATE_LIMITED: 429,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL: 500,
};

/** An error meant for the client: its code and message travel, nothing else does. */
export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }

  /** The HTTP status that goes with the code. */
  get status(): number {
    return HTTP_STATUS[this.code];
  }

  /** The wire form. */
  toProtocol(): ProtocolError {
    return this.retryAfterMs === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, retryAfterMs: this.retryAfterMs };
  }
}

/** Any thrown value as an AppError; unexpected ones become INTERNAL with a generic message. */
export function toAppError(error: unknown): AppError {
  return error instanceof AppError
    ? error
    : new AppError('INTERNAL', 'The server could not handle the request.');
}
