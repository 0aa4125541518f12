/**
 * A CSV file as rows of cells, each with the line it ends on (docs/protocol.md P4): RFC 4180 with `"` quotes,
 * empty lines skipped. What is wrong with the file as a whole (no CSV, cut off, another delimiter) is said whole,
 * before any row is read as a transaction. Refusals are worded in the request's language (docs/locales.md, L6).
 */
import { parse } from 'csv-parse/sync';
import { AppError, text } from '../errors';
import type { ErrorText } from '../errors';

/** One record of the file; `line` is the line it ends on (a quoted line break makes a record span lines). */
export interface CsvRow {
  line: number;
  cells: string[];
}

/**
 * What is wrong with a line: a server message by its key, or text from elsewhere (a transaction's own checks,
 * another module's refusal) shown as written.
 */
export type Problem = string | ErrorText;

/** Most problems listed in one refusal; the rest are counted. */
const MAX_LISTED = 20;

/** Messages joined by a message, first to last: a list has no placeholder for "all the rest". */
function chain(items: readonly Problem[], key: 'lineList' | 'issueList'): Problem {
  const [first = '', ...rest] = items;
  return rest.length === 0 ? first : text('imports', key, { first, rest: chain(rest, key) });
}

/** The problems of one line as one, "a; b". */
export const allOf = (issues: readonly Problem[]): Problem => chain(issues, 'issueList');

/** A problem named by its line: "line 5: …". */
export const atLine = (line: number | string, problem: Problem): ErrorText =>
  text('imports', 'atLine', { line: String(line), problem });

/** A problem named by its lines: "lines 3, 4: …" (a Kraken trade's two rows), or by its one line. */
export function atLines(lines: readonly number[], problem: Problem): ErrorText {
  return lines.length === 1
    ? atLine(lines[0] as number, problem)
    : text('imports', 'atLines', { lines: lines.join(', '), problem });
}

/** A problem of one column or field, by the name the file gives it ("Fee: must not be negative"). */
export const inField = (field: string, problem: Problem): ErrorText =>
  text('imports', 'fieldProblem', { field, problem });

/** A refusal listing each bad line (up to 20), the shape every import refusal has. */
export function refuseLines(problems: readonly Problem[]): AppError {
  const more = problems.length - MAX_LISTED;
  return new AppError(
    'BAD_REQUEST',
    text('imports', 'nothingImported', {
      // Counts and line numbers as strings: the English never grouped their digits.
      count: String(problems.length),
      problems: chain(problems.slice(0, MAX_LISTED), 'lineList'),
      more: more > 0 ? text('imports', 'andMore', { count: String(more) }) : '',
    }),
  );
}

/** Every record of the file; BAD_REQUEST naming the line where it stops being CSV. */
export function readCsv(csv: string): CsvRow[] {
  try {
    const records = parse(csv, {
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    return records.map(({ record, info }) => ({ line: info.lines, cells: record }));
  } catch (error) {
    const line = String((error as { lines?: number }).lines ?? '?');
    const code = (error as { code?: string }).code;
    // A quote opened and never closed runs to the end of the file: a file cut off inside a quoted cell.
    if (code === 'CSV_QUOTE_NOT_CLOSED')
      throw new AppError('BAD_REQUEST', atLine(line, text('imports', 'quoteNeverClosed')));
    // The parser's own reason stays as its library wrote it, inside our frame.
    const reason =
      error instanceof Error
        ? error.message.replace(/^Invalid [^:]*: /, '')
        : text('imports', 'notCsvReason');
    throw new AppError('BAD_REQUEST', atLine(line, text('imports', 'notCsv', { reason })));
  }
}

/**
 * Refuses a header read with the wrong delimiter: a spreadsheet set to a comma-decimal locale saves with `;`, and
 * the whole header then arrives as one cell.
 */
export function checkDelimiter(header: CsvRow): void {
  const [only, ...rest] = header.cells;
  const other = rest.length === 0 ? /[;\t|]/.exec(only ?? '')?.[0] : undefined;
  if (other !== undefined)
    throw new AppError(
      'BAD_REQUEST',
      atLine(
        header.line,
        text('imports', 'separatedBy', {
          separator: other === '\t' ? text('imports', 'tabs') : `"${other}"`,
        }),
      ),
    );
}

/**
 * Refuses rows whose number of cells is not the header's, each named; a short last row is a file cut off.
 */
export function checkShape(rows: readonly CsvRow[], width: number): void {
  const problems = rows.flatMap((row, i) => {
    const values = { count: String(row.cells.length), width: String(width) };
    if (row.cells.length === width) return [];
    if (row.cells.length < width && i === rows.length - 1)
      return [atLine(row.line, text('imports', 'rowCutOff', values))];
    return [atLine(row.line, text('imports', 'rowWidth', values))];
  });
  if (problems.length > 0) throw refuseLines(problems);
}

/** Refuses a file with a header and nothing under it; called once the header's columns are known to be right. */
export function requireRows(header: CsvRow, rows: readonly CsvRow[]): void {
  if (rows.length === 0)
    throw new AppError('BAD_REQUEST', atLine(header.line + 1, text('imports', 'noRows')));
}
