/**
 * The sign-in page's refusals by the API's error code: the page (pages/login.tsx) words a refusal the server's
 * redirect names, and its script (login-form.ts) words the API's, both from the request's catalog (`login`).
 */
import type { Catalog } from '../../lib/i18n/messages/en';

/** The sign-in page's texts in the request's language. */
export type LoginText = Catalog['login'];

/**
 * The text for a refusal's `code` (null when there is none): a wrong password, too many tries (with the wait in
 * minutes when it is known), else a plain "could not sign in".
 */
export function refusalText(text: LoginText, code: string | null, retryAfterMs?: number): string | null {
  if (!code) return null;
  if (code === 'UNAUTHORIZED') return text.wrongPassword;
  if (code === 'NETWORK') return text.unreachable;
  if (code === 'RATE_LIMITED') {
    if (retryAfterMs === undefined || !Number.isFinite(retryAfterMs) || retryAfterMs <= 0)
      return text.tooManyTries;
    return text.tooManyTriesIn.replace('{minutes}', String(Math.ceil(retryAfterMs / 60_000)));
  }
  return text.notSignedIn;
}
