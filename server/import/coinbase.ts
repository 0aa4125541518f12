/**
 * Coinbase's transaction history report (docs/imports.md): a few lines of title before the header, then one row
 * per transaction with its ID, type, asset and quantity, and its value in the user's own currency (`Price
 * Currency`; `Spot Price Currency` in reports before 2024, whose money has no currency sign). Coinbase states each
 * row's price, which values it where that currency is the home one.
 */
import { MAX_FRACTION_DIGITS, ZERO } from '../../lib/portfolio/decimal';
import type { Decimal } from '../../lib/portfolio/decimal';
import { TICKER_PATTERN } from '../../lib/portfolio/transaction';
import type { IncomeType } from '../../lib/portfolio/transaction';
import { text } from '../errors';
import type { ErrorText } from '../errors';
import type { BookableRecord } from '../sync/book-records';
import type { TradeRecord } from '../sync/records';
import { decimal, money, readColumns, utcTime } from './cells';
import type { Cells } from './cells';
import { convertNote, tradeNote } from './coinbase-notes';
import { allOf, atLine, inField, refuseLines } from './csv-table';
import type { Problem } from './csv-table';
import { FORMAT_TITLES } from './file-format';
import type { CsvFile } from './file-format';
import type { ImportRecord, ParsedFile, StatedPrice } from './parsed-file';
import { statedKey } from './parsed-file';
import { contentId, occurrences } from './row-ids';

const COLUMNS = [
  { name: 'ID', optional: true },
  { name: 'Timestamp' },
  { name: 'Transaction Type' },
  { name: 'Asset' },
  { name: 'Quantity Transacted' },
  { name: 'Price Currency', aliases: ['Spot Price Currency'] },
  { name: 'Price at Transaction', aliases: ['Spot Price at Transaction'] },
  { name: 'Subtotal' },
  { name: 'Total (inclusive of fees and/or spread)', aliases: ['Total (inclusive of fees)'] },
  { name: 'Fees and/or Spread', aliases: ['Fees'] },
  { name: 'Notes' },
];

/** What each transaction type becomes (docs/imports.md); any other type is refused by line. */
const TYPES: Record<string, 'buy' | 'sell' | 'convert' | 'deposit' | 'withdrawal' | IncomeType> = {
  buy: 'buy',
  'advanced trade buy': 'buy',
  'advance trade buy': 'buy',
  sell: 'sell',
  'advanced trade sell': 'sell',
  'advance trade sell': 'sell',
  convert: 'convert',
  receive: 'deposit',
  deposit: 'deposit',
  'exchange withdrawal': 'deposit',
  'pro withdrawal': 'deposit',
  send: 'withdrawal',
  withdrawal: 'withdrawal',
  'exchange deposit': 'withdrawal',
  'pro deposit': 'withdrawal',
  'staking income': 'staking',
  'rewards income': 'staking',
  'reward income': 'staking',
  'inflation reward': 'staking',
  'interest payout': 'interest',
  'learning reward': 'income',
  'coinbase earn': 'income',
};

/** One row, read: its moment, asset, quantity (unsigned) and values in the price currency. */
interface Row {
  line: number;
  id: string;
  kind: (typeof TYPES)[string];
  timeMs: number;
  asset: string;
  quantity: Decimal;
  currency: string;
  price: Decimal | null;
  subtotal: Decimal | null;
  fees: Decimal;
  notes: string;
}

/** Parses the file; BAD_REQUEST naming every bad line. */
export function parseCoinbase(file: CsvFile): ParsedFile {
  const cellsOf = readColumns(file, COLUMNS, FORMAT_TITLES.coinbase);
  const idOf = occurrences();
  const problems: Problem[] = [];
  const records: ImportRecord[] = [];
  const prices = new Map<string, StatedPrice>();
  const quotes = new Set<string>();
  for (const line of file.rows) {
    const row = readRow(cellsOf(line), line.line);
    if (Array.isArray(row)) {
      problems.push(atLine(line.line, allOf(row)));
      continue;
    }
    const record = toRecord(row, idOf(row.id || contentId(line.cells.map((c) => c.trim()))));
    if (!('kind' in record)) {
      problems.push(atLine(line.line, record));
      continue;
    }
    records.push({ ...record, lines: [row.line] });
    quotes.add(row.currency);
    if (record.kind === 'trade') quotes.add(record.record.quote);
    if (row.price && row.price.gt(0))
      prices.set(statedKey(row.asset, row.timeMs), { price: row.price, currency: row.currency });
  }
  if (problems.length > 0) throw refuseLines(problems);
  return {
    format: 'coinbase',
    records,
    ignored: [],
    prices,
    quotes,
    warnings: [],
  };
}

const ticker = (text: string) => (TICKER_PATTERN.test(text) ? text : null);

/** A row's cells, checked; or what is wrong with them. */
function readRow(cell: Cells, line: number): Row | Problem[] {
  const issues: Problem[] = [];
  const kind = TYPES[cell('Transaction Type').toLowerCase()];
  if (!kind)
    issues.push(
      inField(
        'Transaction Type',
        text('imports', 'typeNotBooked', { type: JSON.stringify(cell('Transaction Type').slice(0, 40)) }),
      ),
    );
  const timeMs = utcTime(cell('Timestamp'));
  if (timeMs === null)
    issues.push(
      inField('Timestamp', text('imports', 'expectedUtcTime', { example: '2024-03-05 14:02:11 UTC' })),
    );
  const asset = ticker(cell('Asset'));
  if (!asset) issues.push(inField('Asset', text('imports', 'expectedTicker')));
  const quantity = decimal(cell('Quantity Transacted'))?.abs() ?? null;
  if (!quantity || quantity.isZero())
    issues.push(inField('Quantity Transacted', text('imports', 'expectedNonZeroDecimal')));
  const currency = ticker(cell('Price Currency'));
  if (!currency) issues.push(inField('Price Currency', text('imports', 'expectedCurrencyCode')));
  const price = cell('Price at Transaction') === '' ? null : money(cell('Price at Transaction'));
  if (price === null && cell('Price at Transaction') !== '')
    issues.push(inField('Price at Transaction', text('imports', 'notAnAmount')));
  const subtotal = cell('Subtotal') === '' ? null : money(cell('Subtotal'));
  if (subtotal === null && cell('Subtotal') !== '')
    issues.push(inField('Subtotal', text('imports', 'notAnAmount')));
  const fees = cell('Fees and/or Spread') === '' ? ZERO : money(cell('Fees and/or Spread'));
  if (fees === null) issues.push(inField('Fees and/or Spread', text('imports', 'notAnAmount')));
  if (issues.length > 0 || !kind || timeMs === null || !asset || !quantity || !currency || !fees)
    return issues;
  return {
    line,
    id: cell('ID'),
    kind,
    timeMs,
    asset,
    quantity,
    currency,
    price,
    subtotal: subtotal?.abs() ?? null,
    fees: fees.abs(),
    notes: cell('Notes'),
  };
}

/** What a row books, or what is wrong with it. */
type Booked = BookableRecord | ErrorText;

/** The record a row books under `id`, or what is wrong with it. */
function toRecord(row: Row, id: string): Booked {
  const { kind, asset, quantity, timeMs } = row;
  if (kind === 'buy' || kind === 'sell') return trade(row, kind, id);
  if (kind === 'convert') return convert(row, id);
  const move = { id, currency: asset, amount: quantity, fee: null, timeMs };
  if (kind === 'deposit' || kind === 'withdrawal') return { kind, record: move };
  return { kind: 'income', record: { ...move, type: kind } };
}

/**
 * A Buy or Sell: in the price currency, its Subtotal is what the coins cost or fetched and its fee is on top (a
 * Buy) or taken off (a Sell); an Advanced Trade in another currency (BTC-USDC) is read from its Notes.
 */
function trade(row: Row, side: 'buy' | 'sell', id: string): Booked {
  const note = tradeNote(row.notes);
  const quote = note?.currency ?? row.currency;
  let cost: Decimal;
  let fee: Decimal;
  if (quote === row.currency) {
    if (!row.subtotal || row.subtotal.isZero())
      return inField('Subtotal', text('imports', side === 'buy' ? 'buyWithoutCost' : 'sellWithoutCost'));
    cost = row.subtotal;
    fee = row.fees;
  } else {
    // Notes give the total in the other currency and the rate: the fee is what the total differs from amount × rate.
    const total = note?.total ?? ZERO;
    cost = note?.rate ? row.quantity.times(note.rate) : total;
    fee = cost.minus(total).abs();
  }
  if (quote === row.asset)
    return inField(
      'Notes',
      text('imports', side === 'buy' ? 'buyPaidInItself' : 'sellPaidInItself', { asset: row.asset }),
    );
  const record: TradeRecord = {
    id,
    symbol: `${row.asset}/${quote}`,
    base: row.asset,
    quote,
    side,
    amount: row.quantity,
    price: cost.div(row.quantity).toDecimalPlaces(MAX_FRACTION_DIGITS),
    cost: cost.toDecimalPlaces(MAX_FRACTION_DIGITS),
    fee: fee.isZero() ? null : { amount: fee.toDecimalPlaces(MAX_FRACTION_DIGITS), currency: quote },
    timeMs: row.timeMs,
  };
  return { kind: 'trade', record };
}

/** A Convert: the asset given for what its Notes say it became, a trade between the two (spread in the rate). */
function convert(row: Row, id: string): Booked {
  const into = convertNote(row.notes);
  if (!into || into.amount.isZero() || !TICKER_PATTERN.test(into.currency) || into.currency === row.asset)
    return inField('Notes', text('imports', 'convertWithoutResult'));
  return {
    kind: 'trade',
    record: {
      id,
      symbol: `${row.asset}/${into.currency}`,
      base: row.asset,
      quote: into.currency,
      side: 'sell',
      amount: row.quantity,
      price: into.amount.div(row.quantity).toDecimalPlaces(MAX_FRACTION_DIGITS),
      cost: into.amount,
      fee: null,
      timeMs: row.timeMs,
    },
  };
}
