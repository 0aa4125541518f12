/** A namespace's translator in a language, as a component gets it from useT: for tests of the text helpers. */
import { CATALOGS } from '../../lib/i18n/catalogs';
import type { Catalog, Translate } from '../../lib/i18n/messages/en';
import type { Language } from '../../lib/i18n/locales';
import { createTranslator } from '../../lib/i18n/translate';

const REGIONS: Record<Language, string> = { en: 'en-US', de: 'de-DE' };

/** `t` of `namespace` in `language`, numbers written in `formatLocale` (the language's usual region by default). */
export function translatorFor<N extends keyof Catalog>(
  namespace: N,
  language: Language = 'en',
  formatLocale = REGIONS[language],
): Translate<N> {
  const translate = createTranslator(CATALOGS[language], { language, formatLocale });
  return (key, values) => translate(namespace, key, values);
}
