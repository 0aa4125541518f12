/**
 * Which kind of file an import is, told from its header row (docs/protocol.md P4, docs/imports.md): Livefolio's
 * own export, Binance's spot trade history, Coinbase's transaction history (which has a few lines before its
 * header) or Kraken's ledgers export. A file of any other kind is refused whole, saying what was expected.
 */
import { AppError, text } from '../errors';
import type { ErrorText } from '../errors';
import { CSV_COLUMNS } from '../portfolio/transactions-csv';
import { atLine, checkDelimiter, checkShape, readCsv } from './csv-table';
import type { CsvRow } from './csv-table';

/** The kinds of file an import reads (`format=`). */
export const FILE_FORMATS = ['livefolio', 'binance', 'coinbase', 'kraken'] as const;

/** One of FILE_FORMATS. */
export type FileFormat = (typeof FILE_FORMATS)[number];

/** The formats of exchanges' own files. */
export type ExchangeFormat = Exclude<FileFormat, 'livefolio'>;

/** Most rows one import may hold. */
export const MAX_IMPORT_ROWS = 10_000;

/** How each format is named in messages. */
export const FORMAT_TITLES: Record<FileFormat, ErrorText> = {
  livefolio: text('imports', 'formatLivefolio'),
  binance: text('imports', 'formatBinance'),
  coinbase: text('imports', 'formatCoinbase'),
  kraken: text('imports', 'formatKraken'),
};

/** Coinbase's report opens with a title, the user and sometimes a sentence; its header comes within this many rows. */
const PREAMBLE_ROWS = 10;

/** The header row, the rows under it, and what they are. */
export interface CsvFile {
  format: FileFormat;
  header: CsvRow;
  rows: CsvRow[];
}

const names = (row: CsvRow) => new Set(row.cells.map((c) => c.trim().toLowerCase()));

/** The exchange format a header row is, by the columns only that format has; null for none. */
function exchangeFormatOf(row: CsvRow): ExchangeFormat | 'kraken-trades' | null {
  const has = names(row);
  if (has.has('date(utc)')) return 'binance';
  if (has.has('quantity transacted') && has.has('transaction type')) return 'coinbase';
  if (has.has('ordertxid')) return 'kraken-trades';
  if (has.has('refid') && has.has('txid')) return 'kraken';
  return null;
}

/** Where the header is and what it says: an exchange's header (Coinbase's after its preamble), else Livefolio's. */
function findHeader(rows: readonly CsvRow[]): { index: number; format: FileFormat | 'kraken-trades' } | null {
  const first = rows[0];
  if (!first) return null;
  const direct = exchangeFormatOf(first);
  if (direct) return { index: 0, format: direct };
  const coinbase = rows.slice(1, PREAMBLE_ROWS).findIndex((row) => exchangeFormatOf(row) === 'coinbase');
  if (coinbase >= 0) return { index: coinbase + 1, format: 'coinbase' };
  const has = names(first);
  return CSV_COLUMNS.some((c) => has.has(c)) ? { index: 0, format: 'livefolio' } : null;
}

/**
 * Reads the file and tells its format; `asked` (not `auto`) must be what it is. BAD_REQUEST, saying what is wrong
 * with the file as a whole, for an empty file, another delimiter, a file of another kind, rows of the wrong width
 * (a file cut off) and more than MAX_IMPORT_ROWS rows. Its columns are checked by its parser, then requireRows.
 */
export function readImportFile(csv: string, asked: FileFormat | 'auto'): CsvFile {
  const all = readCsv(csv);
  if (all.length === 0) throw new AppError('BAD_REQUEST', text('imports', 'fileEmpty'));
  const found = findHeader(all);
  const header = all[found?.index ?? 0] as CsvRow;
  checkDelimiter(header);
  if (!found) throw new AppError('BAD_REQUEST', atLine(header.line, text('imports', 'notImportable')));
  if (found.format === 'kraken-trades')
    throw new AppError('BAD_REQUEST', atLine(header.line, text('imports', 'krakenTradesExport')));
  const format = found.format;
  if (asked !== 'auto' && asked !== format)
    throw new AppError(
      'BAD_REQUEST',
      atLine(
        header.line,
        text('imports', 'otherFormat', { found: FORMAT_TITLES[format], asked: FORMAT_TITLES[asked], format }),
      ),
    );
  const rows = all.slice(found.index + 1);
  if (rows.length > MAX_IMPORT_ROWS)
    throw new AppError(
      'BAD_REQUEST',
      text('imports', 'tooManyRows', { max: String(MAX_IMPORT_ROWS), count: String(rows.length) }),
    );
  checkShape(rows, header.cells.length);
  return { format, header, rows };
}
