/**
 * The language chosen in this browser: a cookie, so that the server's first render is already in it (rule L1).
 * Choosing "Browser" deletes it and the browser's own languages decide again.
 */
import { isLanguage, LANGUAGE_COOKIE } from '../../lib/i18n/locales';
import type { Language } from '../../lib/i18n/locales';

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The saved language in a `document.cookie` string, or null when none (or a value this build does not know). */
export function savedLanguage(cookieHeader: string): Language | null {
  for (const part of cookieHeader.split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === LANGUAGE_COOKIE) return isLanguage(value) ? value : null;
  }
  return null;
}

/** The `document.cookie` assignment that saves `language`, or forgets the choice when it is null. */
export function languageCookie(language: Language | null): string {
  const age = language === null ? 0 : YEAR_SECONDS;
  return `${LANGUAGE_COOKIE}=${language ?? ''}; path=/; max-age=${age}; samesite=lax`;
}

/** Saves the choice in this browser (null forgets it) and reloads the page, which the server renders in it. */
export function chooseLanguage(language: Language | null): void {
  document.cookie = languageCookie(language);
  window.location.reload();
}
