'use client';
/**
 * The account panel's language choice: the browser's languages, or one chosen here and kept in a cookie so that
 * the server renders the next page in it (docs/locales.md, L1). Choosing reloads the page in the new language.
 */
import { useSyncExternalStore } from 'react';
import { chooseLanguage, savedLanguage } from '@/client/i18n/language-preference';
import { useT } from '@/client/i18n/provider';
import { LANGUAGE_NAMES, LANGUAGES } from '@/lib/i18n/locales';
import type { Language } from '@/lib/i18n/locales';
import { PanelChoice } from './panel-choice';

const noChanges = () => () => {};

export function LanguageSwitch() {
  const t = useT('common');
  // The server renders "Browser"; the saved choice follows after hydration.
  const saved = useSyncExternalStore(
    noChanges,
    () => savedLanguage(document.cookie),
    () => null,
  );
  const choose = (next: Language | null) => {
    if (next !== saved) chooseLanguage(next);
  };
  const options = [
    { value: null, label: t('languageSystem') },
    ...LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_NAMES[language], lang: language })),
  ];
  return <PanelChoice name={t('language')} options={options} current={saved} onChoose={choose} />;
}
