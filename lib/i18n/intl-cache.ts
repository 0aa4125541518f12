/**
 * Intl's formatters, each built once per locale and options: building one costs far more than using it, and prices,
 * clocks and messages are formatted on every tick.
 */
const built = new Map<string, unknown>();

function once<F>(kind: string, locale: string, options: object, make: () => F): F {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let format = built.get(key) as F | undefined;
  if (format === undefined) {
    format = make();
    built.set(key, format);
  }
  return format;
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return once('number', locale, options, () => new Intl.NumberFormat(locale, options));
}

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return once('date', locale, options, () => new Intl.DateTimeFormat(locale, options));
}

export function pluralRules(language: string): Intl.PluralRules {
  return once('plural', language, {}, () => new Intl.PluralRules(language));
}
