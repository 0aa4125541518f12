'use client';
/**
 * The page's language: its messages (sent once with the page by the root layout, only this language's) and the
 * locale numbers and dates are written in. The server renders with the same values, so hydration agrees.
 */
import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { LocaleChoice } from '../../lib/i18n/locales';
import type { Catalog } from '../../lib/i18n/messages/en';
import type { MessageValues } from '../../lib/i18n/translate';
import { createTranslator } from '../../lib/i18n/translate';
import { setApiTranslate } from '../api/api-texts';

interface I18n {
  locale: LocaleChoice;
  translate: ReturnType<typeof createTranslator<Catalog>>;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({
  locale,
  messages,
  children,
}: {
  locale: LocaleChoice;
  messages: Catalog;
  children: ReactNode;
}) {
  const value = useMemo(() => {
    const translate = createTranslator(messages, locale);
    // Set while rendering, not in an effect: the children's effects make their first API calls before a
    // parent's effects run. The language is the page's for its whole life (choosing another reloads it).
    if (typeof window !== 'undefined') setApiTranslate((key, values) => translate('common', key, values));
    return { locale, translate };
  }, [locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useT and useLocale need an I18nProvider above them (app/layout.tsx)');
  return i18n;
}

/** The messages of one namespace: `t('key', { count: 3 })`. */
export function useT<N extends keyof Catalog>(namespace: N) {
  const { translate } = useI18n();
  return useMemo(
    () =>
      (key: keyof Catalog[N] & string, values?: MessageValues): string =>
        translate(namespace, key, values),
    [translate, namespace],
  );
}

/** The page's language and the locale to format numbers, money and dates in. */
export function useLocale(): LocaleChoice {
  return useI18n().locale;
}

/** The locale to pass to the formatters of client/format.ts and components/portfolio-format.ts. */
export function useFormatLocale(): string {
  return useI18n().locale.formatLocale;
}
