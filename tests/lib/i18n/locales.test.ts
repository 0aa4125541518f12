import { describe, expect, it } from 'vitest';
import { languageCookie, savedLanguage } from '../../../client/i18n/language-preference';
import { browserLocales, chooseLocale, LANGUAGE_COOKIE } from '../../../lib/i18n/locales';

describe('choosing the language of a request', () => {
  it('[L2] takes the first of the browser languages Livefolio has, with its region for formats', () => {
    expect(chooseLocale({ acceptLanguage: 'de-CH,de;q=0.9,en;q=0.8' })).toEqual({
      language: 'de',
      formatLocale: 'de-CH',
    });
    expect(chooseLocale({ acceptLanguage: 'fr-FR;q=0.9, en-GB;q=0.8, de;q=0.95' })).toEqual({
      language: 'de',
      formatLocale: 'de',
    });
    expect(chooseLocale({ acceptLanguage: 'en-GB,en;q=0.9' })).toEqual({
      language: 'en',
      formatLocale: 'en-GB',
    });
  });

  it('[L1] a saved language wins over the browser, formatted in its own region when the browser names none', () => {
    expect(chooseLocale({ acceptLanguage: 'en-US,en;q=0.9', saved: 'de' })).toEqual({
      language: 'de',
      formatLocale: 'de-DE',
    });
    expect(chooseLocale({ acceptLanguage: 'de-AT', saved: 'de' })).toEqual({
      language: 'de',
      formatLocale: 'de-AT',
    });
  });

  it('[L3] English when nothing matches; a browser speaking none of ours keeps its own number formats', () => {
    expect(chooseLocale({})).toEqual({ language: 'en', formatLocale: 'en-US' });
    expect(chooseLocale({ acceptLanguage: 'fr-FR,fr;q=0.9' })).toEqual({
      language: 'en',
      formatLocale: 'fr-FR',
    });
  });

  it('[L3] ignores what is not a language: junk headers, q=0, wildcards, unknown saved values', () => {
    expect(browserLocales('*, de;q=0, <script>, en-US;q=abc, ;;;, en-GB;q=0.5')).toEqual(['en-GB']);
    expect(browserLocales('x'.repeat(5000))).toEqual([]);
    expect(chooseLocale({ acceptLanguage: 'de;q=0,en', saved: 'xx' })).toEqual({
      language: 'en',
      formatLocale: 'en',
    });
  });

  it('[L1] the saved choice round-trips through its cookie, and "Browser" forgets it', () => {
    const cookie = languageCookie('de');
    expect(cookie).toMatch(new RegExp(`^${LANGUAGE_COOKIE}=de;`));
    expect(cookie).toContain('samesite=lax');
    expect(savedLanguage(`a=1; ${cookie.split(';')[0]}; b=2`)).toBe('de');
    expect(savedLanguage(`${LANGUAGE_COOKIE}=fr`)).toBeNull();
    expect(languageCookie(null)).toContain('max-age=0');
  });
});
