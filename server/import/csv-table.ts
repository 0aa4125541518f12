/**
 * A CSV file as rows of cells, each with the line it ends on (docs/protocol.md P4): RFC 4180 with `"` quotes,
 * empty lines skipped. What is wrong with the file as a whole (no CSV, cut off, another delimiter) is said whole,
 * before any row is read as a transaction.
 */
import { parse } from 'csv-parse/sync';
import { AppError } from '../errors';

/** One record of the file; `line` is the line it ends on (a quoted line break makes a record span lines). */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** Most problems listed in one refusal; the rest are counted. */
const MAX_LISTED = 20;

/** A refusal listing each bad line (up to 20), the shape every import refusal has. */
export function refuseLines(problems: readonly string[]): AppError {
  const listed = problems.slice(0, MAX_LISTED).join('\n');
  const more = problems.length - MAX_LISTED;
  return new AppError(
    'BAD_REQUEST',
    `Nothing was imported. ${problems.length} line${problems.length > 1 ? 's are' : ' is'} wrong:\n${listed}${more > 0 ? `\n… and ${more} more` : ''}`,
  );
}

/** Every record of the file; BAD_REQUEST naming the line where it stops being CSV. */
export function readCsv(text: string): CsvRow[] {
  try {
    const records = parse(text, {
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    return records.map(({ record, info }) => ({ line: info.lines, cells: record }));
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? '?';
    const code = (error as { code?: string }).code;
    // A quote opened and never closed runs to the end of the file: a file cut off inside a quoted cell.
    if (code === 'CSV_QUOTE_NOT_CLOSED')
      throw new AppError(
        'BAD_REQUEST',
        `line ${line}: not valid CSV: a quoted cell is never closed: the file looks cut off; export it again.`,
      );
    const reason = error instanceof Error ? error.message.replace(/^Invalid [^:]*: /, '') : 'not valid CSV';
    throw new AppError('BAD_REQUEST', `line ${line}: not valid CSV: ${reason}`);
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
      `line ${header.line}: the columns are separated by ${other === '\t' ? 'tabs' : `"${other}"`}, not commas: ` +
        'export the file as comma-separated CSV.',
    );
}

/**
 * Refuses rows whose number of cells is not the header's, each named; a short last row is a file cut off.
 */
export function checkShape(rows: readonly CsvRow[], width: number): void {
  const problems = rows.flatMap((row, i) => {
    const count = row.cells.length;
    if (count === width) return [];
    if (count < width && i === rows.length - 1)
      return [
        `line ${row.line}: not valid CSV: the row ends after ${count} of ${width} columns: the file looks cut off; export it again`,
      ];
    return [`line ${row.line}: not valid CSV: ${count} columns where the header has ${width}`];
  });
  if (problems.length > 0) throw refuseLines(problems);
}

/** Refuses a file with a header and nothing under it; called once the header's columns are known to be right. */
export function requireRows(header: CsvRow, rows: readonly CsvRow[]): void {
  if (rows.length === 0)
    throw new AppError('BAD_REQUEST', `line ${header.line + 1}: no transactions after the header row.`);
}
