/**
 * The words the API calls add themselves (no answer, an unexpected answer, when to try again) in the page's
 * language: the I18nProvider hands its translator over once, in the browser, before any call is made. The
 * server's own messages are shown as it words them.
 */
import type { Translate } from '../../lib/i18n/messages/en';

let translate: Translate<'common'> | null = null;

/** Called by the I18nProvider in the browser: every later message is in its language. */
export function setApiTranslate(t: Translate<'common'>): void {
  translate = t;
}

/** A text of the `common` namespace; the key itself until a provider has set the language (never on a page). */
export function apiText(
  key: Parameters<Translate<'common'>>[0],
  values?: Record<string, string | number>,
): string {
  return translate ? translate(key, values) : key;
}
