/**
 * The interface's languages and how a request picks one (rules L1–L3 in docs/locales.md): a language saved in this
 * browser, else the first of the browser's languages Livefolio speaks, else English. Numbers, money and dates
 * follow the browser's own locale (de-CH writes 1’234.50) when it speaks the chosen language.
 */

/** The languages the interface is written in; English is the catalog every other one is checked against. */
export const LANGUAGES = ['en', 'de'] as const;

export type Language = (typeof LANGUAGES)[number];

/** Used when neither a saved choice nor the browser names a language Livefolio has. */
export const DEFAULT_LANGUAGE: Language = 'en';

/** The cookie a saved language lives in: read by the server so that its first render is already in it. */
export const LANGUAGE_COOKIE = 'livefolio-language';

/** Each language's own name, shown as such in every language: a reader finds theirs. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch' };

/** Where a language's numbers and dates are written when the browser names no region for it. */
const DEFAULT_REGION: Record<Language, string> = { en: 'en-US', de: 'de-DE' };

/** A request's language and the locale its numbers, money and dates are formatted in. */
export interface LocaleChoice {
  language: Language;
  formatLocale: string;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The valid tags of an Accept-Language header, most wanted first; malformed entries and `*` are skipped. */
export function browserLocales(header: string | null | undefined): string[] {
  if (!header) return [];
  const ranked: { tag: string; q: number; at: number }[] = [];
  for (const [at, part] of header.slice(0, 1000).split(',').entries()) {
    const [range = '', ...params] = part.trim().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0 || range === '*') continue;
    const tag = canonical(range.trim());
    if (tag) ranked.push({ tag, q, at });
  }
  return ranked.sort((a, b) => b.q - a.q || a.at - b.at).map((r) => r.tag);
}

/** [L1] a saved language wins; [L2] else the browser's first language Livefolio has; [L3] else English. */
export function chooseLocale(input: { acceptLanguage?: string | null; saved?: string | null }): LocaleChoice {
  const wanted = browserLocales(input.acceptLanguage);
  const saved = isLanguage(input.saved) ? input.saved : null;
  const language = saved ?? wanted.map(primary).find(isLanguage) ?? DEFAULT_LANGUAGE;
  // The browser's own region for this language (en-GB dates, de-CH separators) when it names one; a browser
  // that speaks none of ours keeps its own formats under the English text.
  const own = wanted.find((tag) => primary(tag) === language);
  const formatLocale = own ?? (saved === null && wanted[0] ? wanted[0] : DEFAULT_REGION[language]);
  return { language, formatLocale };
}

function primary(tag: string): string {
  return tag.split('-')[0]?.toLowerCase() ?? '';
}

function canonical(tag: string): string | null {
  if (!/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(tag)) return null;
  try {
    const [name] = Intl.getCanonicalLocales(tag);
    // A tag Intl cannot format in would fall back silently; only supported ones count.
    return name && Intl.NumberFormat.supportedLocalesOf(name).length > 0 ? name : null;
  } catch {
    return null;
  }
}
