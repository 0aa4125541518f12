/** The language and format locale of the request being rendered (rules L1–L3 of docs/locales.md). */
import { cookies, headers } from 'next/headers';
import { CATALOGS } from '@/lib/i18n/catalogs';
import type { Catalog } from '@/lib/i18n/catalogs';
import { chooseLocale, LANGUAGE_COOKIE } from '@/lib/i18n/locales';
import type { LocaleChoice } from '@/lib/i18n/locales';
import { createTranslator } from '@/lib/i18n/translate';

export async function requestLocale(): Promise<LocaleChoice> {
  const [headerList, cookieStore] = await Promise.all([headers(), cookies()]);
  return chooseLocale({
    acceptLanguage: headerList.get('accept-language'),
    saved: cookieStore.get(LANGUAGE_COOKIE)?.value,
  });
}

/** The request's locale, its catalog and a translator over it, for server components and metadata. */
export async function requestMessages(): Promise<{
  locale: LocaleChoice;
  messages: Catalog;
  t: ReturnType<typeof createTranslator<Catalog>>;
}> {
  const locale = await requestLocale();
  const messages = CATALOGS[locale.language];
  return { locale, messages, t: createTranslator(messages, locale) };
}
