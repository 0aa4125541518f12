/**
 * Reading the cells of an exchange's file: its columns by name, its times, amounts and money (docs/imports.md).
 * Each reader returns null for a cell it cannot read, so that a parser can name the line and the column.
 */
import { Decimal } from '../../lib/portfolio/decimal';
import { AppError, text } from '../errors';
import type { ErrorText } from '../errors';
import { atLine, requireRows } from './csv-table';
import type { CsvRow } from './csv-table';

/** A column as the exchange names it, with the older names it had; `optional` ones may be absent. */
export interface ColumnSpec {
  name: string;
  aliases?: readonly string[];
  optional?: boolean;
}

/** A row's cells by the columns' canonical names; an absent optional column reads as ''. */
export type Cells = (name: string) => string;

/**
 * The columns of a file's header row, by canonical name; BAD_REQUEST naming those missing, then for a file with
 * no rows under its header.
 */
export function readColumns(
  file: { header: CsvRow; rows: readonly CsvRow[] },
  specs: readonly ColumnSpec[],
  title: ErrorText,
): (row: CsvRow) => Cells {
  const { header } = file;
  const position = new Map(header.cells.map((c, i) => [c.trim().toLowerCase(), i]));
  const found = new Map<string, number>();
  const missing: string[] = [];
  for (const spec of specs) {
    const at = [spec.name, ...(spec.aliases ?? [])]
      .map((n) => position.get(n.toLowerCase()))
      .find((i) => i !== undefined);
    if (at !== undefined) found.set(spec.name, at);
    else if (!spec.optional) missing.push(spec.name);
  }
  if (missing.length > 0)
    throw new AppError(
      'BAD_REQUEST',
      atLine(
        header.line,
        text('imports', 'columnsMissing', {
          title,
          columns: specs
            .filter((s) => !s.optional)
            .map((s) => s.name)
            .join(', '),
          missing: missing.join(', '),
        }),
      ),
    );
  requireRows(header, file.rows);
  return (row) => (name) => {
    const at = found.get(name);
    return at === undefined ? '' : (row.cells[at] ?? '').trim();
  };
}

const TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?: ?UTC|Z|\+00:?00)?$/;

/**
 * A UTC time as exchanges write it (`2024-03-05 14:02:11`, `… UTC`, ISO with `Z`, fractions of a second) in epoch
 * ms; null for anything else, a date that does not exist (2023-02-29) included.
 */
export function utcTime(text: string): number | null {
  const m = TIME.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const time = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const back = new Date(time);
  const same =
    back.getUTCFullYear() === year &&
    back.getUTCMonth() === month - 1 &&
    back.getUTCDate() === day &&
    back.getUTCHours() === hour &&
    back.getUTCMinutes() === minute &&
    back.getUTCSeconds() === second;
  return same ? time : null;
}

// Plain decimals, optionally signed, with or without thousands separators ("1,234.5"); never an exponent.
const PLAIN = /^-?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/;

/** A plain decimal ("-0.5", "1,234.50"); null for anything else ("1e3", "", "abc", "1.2.3"). */
export function decimal(text: string): Decimal | null {
  return PLAIN.test(text) ? new Decimal(text.replaceAll(',', '')) : null;
}

/** An amount followed by its currency code, as Binance writes "0.00150000BTC"; null when it is not `code`'s. */
export function amountIn(text: string, code: string): Decimal | null {
  return text.endsWith(code) ? decimal(text.slice(0, -code.length)) : null;
}

/**
 * An amount and its currency from "0.00001BNB": the codes in `likely` first (a code may start with digits, as
 * 1INCH does, which no pattern can split from the amount), else a code that starts with a letter.
 */
export function amountAndCode(
  text: string,
  likely: readonly string[],
): { amount: Decimal; code: string } | null {
  for (const code of likely) {
    const amount = amountIn(text, code);
    if (amount) return { amount, code };
  }
  const m = /^(-?[\d,]*\d(?:\.\d+)?)([A-Z][A-Z0-9]*)$/.exec(text);
  const amount = m ? decimal(m[1] ?? '') : null;
  return m && amount ? { amount, code: m[2] ?? '' } : null;
}

/**
 * Money as Coinbase writes it, with a currency sign before the number and a minus before either ("-€597.49",
 * "$-5", "£1,234.56", "12.5"); null for anything else. An empty cell is null too: the caller decides.
 */
export function money(text: string): Decimal | null {
  const m = /^(-?)[^\d\s.,-]{0,3}(-?)(\d[\d,]*(?:\.\d+)?)$/.exec(text);
  if (!m || (m[1] && m[2])) return null;
  const value = decimal(m[3] ?? '');
  return value && (m[1] || m[2]) ? value.neg() : value;
}
