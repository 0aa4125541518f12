/**
 * What one send to a channel ends with (docs/alert-channels.md N4): delivered, or a failure with a stable code,
 * its words by catalog key (worded in each reader's language), and whether trying again can help. A sender never
 * throws: every error becomes one of these.
 */
import type { FailureCode } from '../../../lib/api/channels';
import { ENGLISH, text, wordText } from '../../errors';
import type { ErrorText, TextValues } from '../../errors';
import type { LocaleChoice } from '../../../lib/i18n/locales';
import { SERVER_CATALOGS } from '../../../lib/i18n/server-catalogs';
import type { ServerCatalog } from '../../../lib/i18n/server-catalogs';

export type { FailureCode } from '../../../lib/api/channels';

/** A failed send. */
export interface SendFailure {
  ok: false;
  code: FailureCode;
  text: ErrorText;
  /** False when the same send cannot succeed later (a 4xx, a refused target, a wrong token). */
  retry: boolean;
  /** The receiver's HTTP status, when it answered. */
  status?: number;
  /** How long the receiver asked to wait (Retry-After, Telegram's retry_after). */
  retryAfterMs?: number;
}

export type SendResult = { ok: true } | SendFailure;

/** A message of the `channels` namespace. */
export type ChannelsKey = keyof ServerCatalog['channels'] & string;

/** A failure worded by a `channels` message. */
export function failure(
  code: FailureCode,
  key: ChannelsKey,
  values: TextValues,
  extra: { retry: boolean; status?: number; retryAfterMs?: number },
): SendFailure {
  return { ok: false, code, text: text('channels', key, values), ...extra };
}

// Errors of the connection itself (Node's errno codes): the receiver may come back, so these are retried.
const TLS_CODES = /^(ERR_TLS_|CERT_|UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO|HOSTNAME_MISMATCH|ERR_SSL_)/;

/** A thrown network error as a failure naming `target` (a host, never a URL that could hold a secret). */
export function networkFailure(error: unknown, target: string): SendFailure {
  const code = (error as { code?: unknown } | null)?.code;
  const reason = typeof code === 'string' ? code : 'error';
  if (TLS_CODES.test(reason)) return failure('TLS', 'tlsFailed', { target, reason }, { retry: false });
  if (reason === 'ENOTFOUND' || reason === 'EAI_AGAIN')
    return failure('UNREACHABLE', 'unknownHost', { host: target }, { retry: true });
  return failure('UNREACHABLE', 'unreachable', { target, reason }, { retry: true });
}

/** A receiver that did not answer in time. */
export const timeoutFailure = (target: string, timeoutMs: number): SendFailure =>
  failure(
    'TIMEOUT',
    'timeout',
    { target, seconds: Math.max(1, Math.round(timeoutMs / 1000)) },
    { retry: true },
  );

/** The common meaning of an HTTP status: 408, 429 and 5xx may pass; another 4xx will not get better. */
export const retriesStatus = (status: number) => status === 408 || status === 429 || status >= 500;

/** Seconds (or an HTTP date) of a Retry-After header, in ms; undefined when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined, now: number): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Replaces every occurrence of each secret in the failure's words with "***": no secret reaches the UI or a log. */
export function scrubFailure(
  result: SendFailure,
  secrets: readonly (string | null | undefined)[],
): SendFailure {
  const present = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4);
  if (present.length === 0) return result;
  const scrub = (value: string) => present.reduce((out, secret) => out.split(secret).join('***'), value);
  const scrubText = (message: ErrorText): ErrorText => {
    if (!message.values) return message;
    const values: TextValues = {};
    for (const [name, value] of Object.entries(message.values))
      values[name] =
        typeof value === 'string' ? scrub(value) : typeof value === 'number' ? value : scrubText(value);
    return { ...message, values } as ErrorText;
  };
  return { ...result, text: scrubText(result.text) };
}

/** A failure as a channel and a delivery record it: the code, the English words, the words by key. */
export interface StoredFailure {
  code: FailureCode;
  message: string;
  text: ErrorText;
  status?: number;
}

/** The record of a failure (its words by key, so each reader gets them in their language). */
export function storedFailure(result: SendFailure): StoredFailure {
  const { code, text: words, status } = result;
  return {
    code,
    message: wordText(words, ENGLISH),
    text: words,
    ...(status === undefined ? {} : { status }),
  };
}

/** A stored failure's words in `locale`'s language (its English as stored when the key is gone). */
export function failureWords(stored: StoredFailure, locale: LocaleChoice): string {
  const { namespace, key } = stored.text ?? {};
  const catalog = SERVER_CATALOGS.en as unknown as Record<string, Record<string, unknown> | undefined>;
  const known = namespace !== undefined && key !== undefined && catalog[namespace]?.[key] !== undefined;
  return known ? wordText(stored.text, locale) : stored.message;
}
