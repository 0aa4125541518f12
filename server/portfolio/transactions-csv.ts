/**
 * Transactions as CSV (docs/protocol.md P4): one header row, one transaction per row, all-or-nothing on import,
 * and an export that imports back to the same portfolio. Accounts travel by name, readable in a spreadsheet.
 */
import { stringify } from 'csv-stringify/sync';
import { accountNameKey, accountNameSchema } from '../../lib/portfolio/account';
import { parseNewTransaction } from '../../lib/portfolio/transaction';
import type { NewTransaction, Transaction } from '../../lib/portfolio/transaction';
import { AppError, text } from '../errors';
import { allOf, atLine, inField, refuseLines, requireRows } from '../import/csv-table';
import type { CsvRow, Problem } from '../import/csv-table';

/** The columns, in the order an export writes them; the last four may be left out of an import. */
export const CSV_COLUMNS = [
  'time',
  'type',
  'asset',
  'quantity',
  'price',
  'quote_currency',
  'fee',
  'fee_currency',
  'exchange',
  'note',
  'account',
  'to_account',
] as const;
const OPTIONAL = new Set(['exchange', 'note', 'account', 'to_account']);

// Spreadsheets run a cell starting with one of these as a formula. An apostrophe in front makes it text there;
// the import takes one leading apostrophe off again, so an export still imports to the same note.
const FORMULA_START = /^[=+\-@\t\r']/;

/** Text a spreadsheet shows as it is: a leading `'` before what it would run as a formula (or a leading `'`). */
export const asText = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

/** What the import makes of a cell asText wrote: one leading `'` taken off. */
const fromText = (text: string) => (text.startsWith("'") ? text.slice(1) : text);

/** The transactions as CSV text, header first; `accountName` gives the name of an account id. */
export function toCsv(transactions: readonly Transaction[], accountName: (id: string) => string): string {
  const rows = transactions.map((t) => [
    t.time,
    t.type,
    t.asset,
    t.quantity,
    t.price,
    t.quoteCurrency,
    t.fee,
    t.feeCurrency,
    t.exchange ?? '',
    asText(t.note ?? ''),
    asText(accountName(t.account)),
    t.toAccount === undefined ? '' : asText(accountName(t.toAccount)),
  ]);
  return stringify([[...CSV_COLUMNS], ...rows]);
}

/**
 * A parsed import row and the line it came from. Its accounts are names (checked as account names), resolved
 * by the import: none means the oldest account.
 */
export interface CsvTransaction {
  line: number;
  transaction: NewTransaction;
  account?: string;
  toAccount?: string;
}

/**
 * Reads the rows of a CSV import under its header row (csv-table.ts read them); throws BAD_REQUEST naming every
 * bad line (up to 20) when any row is wrong.
 */
export function fromRows(header: CsvRow, rows: readonly CsvRow[]): CsvTransaction[] {
  const columns = readHeader(header);
  requireRows(header, rows);
  const problems: Problem[] = [];
  const parsed: CsvTransaction[] = [];
  for (const { cells: record, line } of rows) {
    const cell = (name: string) => record[columns.indexOf(name)] ?? '';
    const optional = (name: string) => {
      const value = columns.includes(name) ? cell(name) : '';
      return value === '' ? undefined : value;
    };
    const note = optional('note');
    const result = parseNewTransaction({
      time: cell('time'),
      type: cell('type'),
      asset: cell('asset'),
      quantity: cell('quantity'),
      price: cell('price'),
      quoteCurrency: cell('quote_currency'),
      fee: cell('fee'),
      feeCurrency: cell('fee_currency'),
      ...(optional('exchange') === undefined ? {} : { exchange: optional('exchange') }),
      ...(note === undefined ? {} : { note: fromText(note) }),
    });
    const accounts = readAccounts(cell('type'), optional('account'), optional('to_account'));
    const issues = [...(result.ok ? [] : result.error.issues.map(renameFields)), ...accounts.issues];
    if (result.ok && issues.length === 0) parsed.push({ line, transaction: result.value, ...accounts.names });
    else problems.push(atLine(line, allOf(issues)));
  }
  if (problems.length > 0) throw refuseLines(problems);
  return parsed;
}

/** A row's account names, checked: valid names, a destination only on a transfer and not its own source. */
function readAccounts(type: string, account: string | undefined, toAccount: string | undefined) {
  const issues: Problem[] = [];
  const names: { account?: string; toAccount?: string } = {};
  for (const [column, given] of [
    ['account', account],
    ['to_account', toAccount],
  ] as const) {
    if (given === undefined) continue;
    const name = accountNameSchema.safeParse(fromText(given));
    // The name's own checks word their problem (lib/portfolio/account.ts), in English.
    if (!name.success)
      issues.push(inField(column, name.error.issues[0]?.message ?? text('imports', 'notAccountName')));
    else names[column === 'account' ? 'account' : 'toAccount'] = name.data;
  }
  if (type === 'transfer' && toAccount === undefined)
    issues.push(inField('to_account', text('imports', 'transferNeedsDestination')));
  if (type !== 'transfer' && toAccount !== undefined)
    issues.push(inField('to_account', text('imports', 'onlyTransferHasDestination')));
  if (names.account !== undefined && names.toAccount !== undefined)
    if (accountNameKey(names.account) === accountNameKey(names.toAccount))
      issues.push(inField('to_account', text('imports', 'destinationIsSource')));
  return { issues, names };
}

function readHeader(header: CsvRow): string[] {
  const columns = header.cells.map((c) => c.trim().toLowerCase());
  const unknown = columns.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  const missing = CSV_COLUMNS.filter((c) => !OPTIONAL.has(c) && !columns.includes(c));
  const twice = columns.filter((c, i) => columns.indexOf(c) !== i);
  const listed = (key: 'unknownColumns' | 'missingColumns' | 'columnsTwice', names: readonly string[]) =>
    names.length > 0
      ? [text('imports', key, { count: String(names.length), columns: names.join(', ') })]
      : [];
  const problems = [
    ...listed('unknownColumns', unknown),
    ...listed('missingColumns', missing),
    ...listed('columnsTwice', twice),
  ];
  if (problems.length > 0)
    throw new AppError(
      'BAD_REQUEST',
      atLine(
        header.line,
        text('imports', 'badHeader', { problems: allOf(problems), expected: CSV_COLUMNS.join(',') }),
      ),
    );
  return columns;
}

// The parser names fields as the API does (quoteCurrency); the file calls them quote_currency.
function renameFields(issue: string): string {
  return issue.replace(/^quoteCurrency:/, 'quote_currency:').replace(/^feeCurrency:/, 'fee_currency:');
}
