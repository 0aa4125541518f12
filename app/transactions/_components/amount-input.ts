/** Amounts as typed in the reader's locale ("0,5" in German) to the API's decimal strings ("0.5"), and back. */

/** What a typed amount reads as: the API's decimal string, or why it cannot be read without guessing. */
export type AmountReading =
  | { ok: true; text: string }
  | { ok: false; problem: 'ambiguous'; whole: string; fraction: string }
  | { ok: false; problem: 'malformed' };

const decimalMarks = new Map<string, string>();

/** The locale's decimal mark: "." in en-US and de-CH, "," in de-DE and de-AT. */
export function decimalMark(locale: string): string {
  let mark = decimalMarks.get(locale);
  if (mark === undefined) {
    const parts = new Intl.NumberFormat(locale).formatToParts(1.5);
    mark = parts.find((part) => part.type === 'decimal')?.value ?? '.';
    decimalMarks.set(locale, mark);
  }
  return mark;
}

/** An API decimal string ("0.5") as the reader types it ("0,5"), so that an edited amount reads back the same. */
export function localDecimal(text: string, locale: string): string {
  return text.replace('.', decimalMark(locale));
}

// Thousands separators a comma-decimal locale writes: de-DE a point, de-AT and fr-FR a (narrow) no-break space.
const GROUPED = /^([1-9]\d{0,2})((?:[. \u00a0\u202f]\d{3})+)(?:,(\d+))?$/;

/**
 * Reads a typed amount. A point-decimal locale keeps the text as typed (the server's rules apply, as before);
 * a comma-decimal one takes "0,5" and "1.234,5" (grouping placed every three digits), and still "0.5" as users
 * paste it. "1.234" is refused as ambiguous: a thousand and a bit, or one and a bit.
 */
export function readAmount(typed: string, locale: string): AmountReading {
  const text = typed.trim();
  if (decimalMark(locale) !== ',' || text === '' || /^-?\d+$/.test(text)) return { ok: true, text };
  // A sign is kept, for the server to refuse with its own reason.
  const sign = text.startsWith('-') ? '-' : '';
  const body = text.slice(sign.length);
  const comma = /^(\d+),(\d+)$/.exec(body);
  if (comma) return { ok: true, text: `${sign}${comma[1]}.${comma[2]}` };
  const point = /^(\d+)\.(\d+)$/.exec(body);
  if (point) {
    const [, whole = '', fraction = ''] = point;
    if (/^[1-9]\d{0,2}$/.test(whole) && fraction.length === 3) {
      return {
        ok: false,
        problem: 'ambiguous',
        whole: `${whole}${fraction}`,
        fraction: `${whole},${fraction}`,
      };
    }
    return { ok: true, text };
  }
  const grouped = GROUPED.exec(body);
  // One separator throughout: "1.234 567" is a typing slip, not a number.
  if (grouped && new Set(grouped[2]?.replace(/\d/g, '')).size === 1) {
    const fraction = grouped[3] === undefined ? '' : `.${grouped[3]}`;
    return { ok: true, text: `${sign}${grouped[1]}${grouped[2]?.replace(/\D/g, '')}${fraction}` };
  }
  return { ok: false, problem: 'malformed' };
}
