/**
 * The one error type for everything a client may see: a stable code, a clear message, no stack. A message given
 * by its catalog key is worded in the request's language on the wire (docs/locales.md, L6) and in English in logs.
 */
import type { LocaleChoice } from '../lib/i18n/locales';
import { SERVER_CATALOGS } from '../lib/i18n/server-catalogs';
import type { ServerCatalog } from '../lib/i18n/server-catalogs';
import type { Message } from '../lib/i18n/translate';
import { formatMessage } from '../lib/i18n/translate';
import type { ErrorCode, ProtocolError } from '../lib/protocol';

/** A server message by namespace and key, with its values; a value may be another such message (a line's problem). */
export type ErrorText = {
  [N in keyof ServerCatalog]: { namespace: N; key: keyof ServerCatalog[N] & string; values?: TextValues };
}[keyof ServerCatalog];

export type TextValues = Record<string, string | number | ErrorText>;

/** The wording of logs, and of clients that name no language of ours. */
export const ENGLISH: LocaleChoice = { language: 'en', formatLocale: 'en-US' };

/** A server message: `text('errors', 'usernameTaken', { username })`. */
export function text<N extends keyof ServerCatalog>(
  namespace: N,
  key: keyof ServerCatalog[N] & string,
  values?: TextValues,
): ErrorText {
  return { namespace, key, values } as ErrorText;
}

/** `message` in `locale`'s language, its numbers in its format; a message within it worded the same way. */
export function wordText(message: ErrorText, locale: LocaleChoice): string {
  const lookup = (language: LocaleChoice['language']) =>
    (SERVER_CATALOGS[language] as unknown as Record<string, Record<string, Message>>)[message.namespace]?.[
      message.key
    ];
  const template = lookup(locale.language) ?? lookup('en') ?? `${message.namespace}.${message.key}`;
  const values =
    message.values &&
    Object.fromEntries(
      Object.entries(message.values).map(([name, value]) => [
        name,
        typeof value === 'object' ? wordText(value, locale) : value,
      ]),
    );
  return formatMessage(template, values, locale);
}

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

  /** The message by its key, when it was given so: worded again in each request's language. */
  readonly text?: ErrorText;

  constructor(
    readonly code: ErrorCode,
    message: string | ErrorText,
    readonly retryAfterMs?: number,
  ) {
    super(typeof message === 'string' ? message : wordText(message, ENGLISH));
    if (typeof message !== 'string') this.text = message;
  }

  /** The HTTP status that goes with the code. */
  get status(): number {
    return HTTP_STATUS[this.code];
  }

  /** The wire form, its message in `locale`'s language when it has a key (else as written). */
  toProtocol(locale: LocaleChoice = ENGLISH): ProtocolError {
    const message = this.text ? wordText(this.text, locale) : this.message;
    return this.retryAfterMs === undefined
      ? { code: this.code, message }
      : { code: this.code, message, retryAfterMs: this.retryAfterMs };
  }
}

/** Any thrown value as an AppError; unexpected ones become INTERNAL with a generic message. */
export function toAppError(error: unknown): AppError {
  return error instanceof AppError ? error : new AppError('INTERNAL', text('errors', 'internal'));
}
