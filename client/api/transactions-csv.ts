/** Browser calls to the CSV import and export of transactions (docs/protocol.md P4, docs/imports.md). */
import type { z } from 'zod/mini';
import { IMPORT_FILE_FORMATS, transactionsApi } from '../../lib/api/transactions';
import type { importResult } from '../../lib/api/transactions';
import type { ApiResult } from './auth';
import { contractRequest as request } from './contract-request';

/** The formats an import reads; `auto` tells them apart by the header row. */
export const IMPORT_FORMATS = ['auto', ...IMPORT_FILE_FORMATS] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What an import did, as the server answers it. */
export type ImportResult = z.output<typeof importResult>;

// The summary shown after an import states these counts as rows; a fraction or a negative is not an answer.
const isCount = (value: number) => Number.isInteger(value) && value >= 0;

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
  return request(`${TRANSACTIONS_CSV_URL}${search}`, init, transactionsApi.importCsv.answer, (answer) =>
    [answer.imported, answer.skipped, answer.ignored].every(isCount) ? answer : null,
  );
}

/** Where the CSV export downloads from. */
export const TRANSACTIONS_CSV_URL = transactionsApi.exportCsv.path;
