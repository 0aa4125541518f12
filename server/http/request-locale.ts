/** The language a request's answers are worded in: its language cookie, else its Accept-Language (L1–L3, L6). */
import type { IncomingHttpHeaders } from 'node:http';
import { parse } from 'cookie';
import { chooseLocale, LANGUAGE_COOKIE } from '../../lib/i18n/locales';
import type { LocaleChoice } from '../../lib/i18n/locales';

/** From an HTTP request's or a socket handshake's headers. */
export function headersLocale(headers: IncomingHttpHeaders): LocaleChoice {
  const cookies = headers.cookie ? parse(headers.cookie) : {};
  return chooseLocale({ acceptLanguage: headers['accept-language'], saved: cookies[LANGUAGE_COOKIE] });
}
