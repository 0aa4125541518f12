/** Browser calls to the CSV import and export of transactions (docs/protocol.md P4, docs/imports.md). */
import { request } from './auth';
import type { ApiResult } from './auth';
import { isRecord } from './json-shape';

/** The formats an import reads; `auto` tells them apart by the header row. */
export const IMPORT_FORMATS = ['auto', 'livefolio', 'binance', 'coinbase', 'kraken'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What an import did, as the server answers it. */
export interface ImportResult {
  /** The format the server read the file as (never `auto`). */
  format: Exclude<ImportFormat, 'auto'>;
  /** Rows booked now, rows already booked before, rows that book nothing by design. */
  imported: number;
  skipped: number;
  ignored: number;
  warnings: string[];
  /** The account an exchange's file went into; absent for Livefolio's own format. */
  account?: { id: string; name: string };
}

const count = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 0;

function readImportResult(body: unknown): ImportResult | null {
  if (!isRecord(body) || !IMPORT_FORMATS.includes(body.format as ImportFormat) || body.format === 'auto')
    return null;
  if (![body.imported, body.skipped, body.ignored].every(count)) return null;
  const { warnings, account } = body;
  if (!Array.isArray(warnings) || !warnings.every((w) => typeof w === 'string')) return null;
  if (
    account !== undefined &&
    !(isRecord(account) && typeof account.id === 'string' && typeof account.name === 'string')
  )
    return null;
  return body as unknown as ImportResult;
}

/**
 * Imports a CSV file's text: all of it, or nothing and every bad line named. `account` is where an exchange's file
 * goes (and the rows of Livefolio's file that name none); without it, the account named after the exchange.
 */
export function importTransactionsCsv(
  csv: string,
  options: { format?: ImportFormat; account?: string } = {},
): Promise<ApiResult<ImportResult>> {
  const query = new URLSearchParams();
  if (options.account) query.set('account', options.account);
  if (options.format && options.format !== 'auto') query.set('format', options.format);
  const search = query.size > 0 ? `?${query}` : '';
  const init = { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv };
  return request(`${TRANSACTIONS_CSV_URL}${search}`, init, readImportResult);
}

/** Where the CSV export downloads from. */
export const TRANSACTIONS_CSV_URL = '/api/v1/transactions.csv';
