/**
 * Binance's spot trade history export ("Spot Order History → Trade History", docs/imports.md): one fill per row,
 * `Date(UTC), Pair, Side, Price, Executed, Amount, Fee`, the last three with their currency as a suffix
 * ("0.00150000BTC", "45.12345USDT", "0.00001BNB"). The file has no trade ids: each row's id is a hash of it.
 */
import { MAX_FRACTION_DIGITS } from '../../lib/portfolio/decimal';
import type { Decimal } from '../../lib/portfolio/decimal';
import { ENGLISH, text, wordText } from '../errors';
import type { LocaleChoice } from '../../lib/i18n/locales';
import type { TradeRecord } from '../sync/records';
import { amountAndCode, amountIn, decimal, readColumns, utcTime } from './cells';
import type { Cells } from './cells';
import { allOf, atLine, inField, refuseLines } from './csv-table';
import type { Problem } from './csv-table';
import { FORMAT_TITLES } from './file-format';
import type { CsvFile } from './file-format';
import { splitPair } from './markets';
import type { MarketView } from './markets';
import type { ImportRecord, ParsedFile } from './parsed-file';
import { contentId, occurrences } from './row-ids';

const COLUMNS = [
  { name: 'Date(UTC)' },
  { name: 'Pair' },
  { name: 'Side' },
  { name: 'Price' },
  { name: 'Executed' },
  { name: 'Amount' },
  { name: 'Fee' },
];

/** Parses the file, its warnings worded in `locale`'s language; BAD_REQUEST naming every bad line. */
export function parseBinance(file: CsvFile, view: MarketView, locale: LocaleChoice = ENGLISH): ParsedFile {
  const cellsOf = readColumns(file, COLUMNS, FORMAT_TITLES.binance);
  const idOf = occurrences();
  const problems: Problem[] = [];
  const records: ImportRecord[] = [];
  for (const row of file.rows) {
    const read = readTrade(cellsOf(row), view);
    if (Array.isArray(read)) {
      problems.push(atLine(row.line, allOf(read)));
      continue;
    }
    const { trade, parts } = read;
    records.push({ kind: 'trade', record: { ...trade, id: idOf(contentId(parts)) }, lines: [row.line] });
  }
  if (problems.length > 0) throw refuseLines(problems);
  return {
    format: 'binance',
    records,
    ignored: [],
    prices: new Map(),
    quotes: new Set(records.map((r) => (r.record as TradeRecord).quote)),
    warnings: view.markets ? [] : [wordText(text('imports', 'binanceNotConfigured'), locale)],
  };
}

const positive = (value: Decimal | null) => (value && value.gt(0) ? value : null);

/** "expected an amount of BTC above 0, like 0.5BTC". */
const amountOf = (currency: string, example: string) =>
  text('imports', 'expectedAmountOf', { currency, example: `${example}${currency}` });

/** One row as a trade (without its id) and the parts its id is hashed from, or what is wrong with it. */
function readTrade(
  cell: Cells,
  view: MarketView,
): { trade: Omit<TradeRecord, 'id'>; parts: string[] } | Problem[] {
  const issues: Problem[] = [];
  const timeMs = utcTime(cell('Date(UTC)'));
  if (timeMs === null)
    issues.push(inField('Date(UTC)', text('imports', 'expectedUtcTime', { example: '2024-03-05 14:02:11' })));
  const pair = splitPair(cell('Pair'), view);
  if (!pair)
    issues.push(
      inField(
        'Pair',
        text('imports', view.markets ? 'pairNotListed' : 'pairUnknownQuote', {
          pair: JSON.stringify(cell('Pair').slice(0, 24)),
        }),
      ),
    );
  const side = cell('Side').toLowerCase();
  if (side !== 'buy' && side !== 'sell') issues.push(inField('Side', text('imports', 'expectedBuyOrSell')));
  const price = positive(decimal(cell('Price')));
  if (!price) issues.push(inField('Price', text('imports', 'expectedPositiveDecimal')));
  const amount = pair ? positive(amountIn(cell('Executed'), pair.base)) : null;
  if (pair && !amount) issues.push(inField('Executed', amountOf(pair.base, '0.5')));
  const cost = pair ? positive(amountIn(cell('Amount'), pair.quote)) : null;
  if (pair && !cost) issues.push(inField('Amount', amountOf(pair.quote, '10')));
  const fee = amountAndCode(cell('Fee'), pair ? [pair.base, pair.quote, 'BNB'] : ['BNB']);
  if (!fee) issues.push(inField('Fee', text('imports', 'expectedAmountAndCurrency')));
  else if (fee.amount.isNegative()) issues.push(inField('Fee', text('imports', 'notNegative')));
  if (issues.length > 0 || !pair || !price || !amount || !cost || !fee || timeMs === null) return issues;
  const trade = {
    symbol: `${pair.base}/${pair.quote}`,
    base: pair.base,
    quote: pair.quote,
    side: side as 'buy' | 'sell',
    amount: amount.toDecimalPlaces(MAX_FRACTION_DIGITS),
    price: price.toDecimalPlaces(MAX_FRACTION_DIGITS),
    cost: cost.toDecimalPlaces(MAX_FRACTION_DIGITS),
    fee: fee.amount.isZero() ? null : { amount: fee.amount, currency: fee.code },
    timeMs,
  };
  const parts = [
    String(timeMs),
    trade.symbol,
    side,
    price.toFixed(),
    amount.toFixed(),
    cost.toFixed(),
    fee.amount.toFixed(),
    fee.code,
  ];
  return { trade, parts };
}
