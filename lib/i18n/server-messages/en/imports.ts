/** The refusals and warnings of a file import (server/import/): encodings, formats, lines. */
export const imports = {
  // The shape of every refusal: the lines named, one under the other, a line's problems joined.
  nothingImported: {
    one: 'Nothing was imported. {count} line is wrong:\n{problems}{more}',
    other: 'Nothing was imported. {count} lines are wrong:\n{problems}{more}',
  },
  andMore: '\n… and {count} more',
  lineList: '{first}\n{rest}',
  issueList: '{first}; {rest}',
  atLine: 'line {line}: {problem}',
  atLines: 'lines {lines}: {problem}',
  fieldProblem: '{field}: {problem}',

  // The file's bytes (csv-text.ts).
  utf16: 'The file is UTF-16 text, not UTF-8: {fix}.',
  notUtf8:
    'The file is not UTF-8 text (it may be Latin-1 or Windows-1252, as older spreadsheets save): {fix}.',
  lostCharacters: 'The file holds characters that were not UTF-8 when it was read (shown as \uFFFD): {fix}.',
  nulCharacters: 'The file holds NUL characters (UTF-16 text?), not UTF-8: {fix}.',
  saveAsUtf8: 'save it as "CSV UTF-8" (comma-separated) and import it again',

  // The file as CSV (csv-table.ts).
  quoteNeverClosed: 'not valid CSV: a quoted cell is never closed: the file looks cut off; export it again.',
  notCsv: 'not valid CSV: {reason}',
  notCsvReason: 'not valid CSV',
  separatedBy:
    'the columns are separated by {separator}, not commas: export the file as comma-separated CSV.',
  tabs: 'tabs',
  rowCutOff:
    'not valid CSV: the row ends after {count} of {width} columns: the file looks cut off; export it again',
  rowWidth: 'not valid CSV: {count} columns where the header has {width}',
  noRows: 'no transactions after the header row.',

  // The kind of file (file-format.ts, cells.ts).
  fileEmpty: 'The file is empty: expected a header row and transactions.',
  notImportable:
    'not a file Livefolio imports: expected a Livefolio export (time, type, asset, quantity, price, ' +
    "quote_currency, fee, fee_currency, …), Binance's spot trade history (Date(UTC), Pair, Side, Price, " +
    "Executed, Amount, Fee), Coinbase's transaction history (Timestamp, Transaction Type, Asset, Quantity " +
    "Transacted, …) or Kraken's ledgers export (txid, refid, time, type, asset, amount, fee, …).",
  krakenTradesExport:
    "this is Kraken's trades export; import Kraken's ledgers export instead, which also holds deposits, " +
    'withdrawals and staking rewards.',
  otherFormat: 'this file is a {found}, not a {asked}: import it with format={format} (or auto).',
  tooManyRows: 'At most {max} transactions per import; this file has {count}.',
  formatLivefolio: 'Livefolio export',
  formatBinance: 'Binance trade history',
  formatCoinbase: 'Coinbase transaction history',
  formatKraken: 'Kraken ledgers export',
  columnsMissing: 'a {title} has the columns {columns}; this one lacks {missing}.',

  // A Livefolio export's header and account cells (transactions-csv.ts).
  unknownColumns: { one: 'unknown column {columns}', other: 'unknown columns {columns}' },
  missingColumns: { one: 'missing column {columns}', other: 'missing columns {columns}' },
  columnsTwice: { one: 'column given twice: {columns}', other: 'columns given twice: {columns}' },
  badHeader: '{problems} (expected {expected})',
  notAccountName: 'not an account name',
  transferNeedsDestination: 'required on a transfer (the account it goes to)',
  onlyTransferHasDestination: 'only a transfer has one',
  destinationIsSource: 'must be another account than account',

  // A cell of an exchange's file (binance.ts, coinbase.ts, kraken.ts).
  expectedUtcTime: 'expected a UTC time like {example}',
  pairNotListed: '{pair} is not a market Binance lists',
  pairUnknownQuote: '{pair} is not a pair of a known quote currency',
  expectedBuyOrSell: 'expected BUY or SELL',
  expectedPositiveDecimal: 'expected a decimal above 0',
  expectedAmountOf: 'expected an amount of {currency} above 0, like {example}',
  expectedAmountAndCurrency: 'expected an amount and its currency, like 0.001BNB',
  notNegative: 'must not be negative',
  typeNotBooked: '{type} is not one Livefolio books (docs/imports.md lists them)',
  expectedTicker: 'expected an upper-case ticker like BTC',
  expectedNonZeroDecimal: 'expected a decimal other than 0',
  expectedCurrencyCode: 'expected a currency code like USD',
  notAnAmount: 'not an amount',
  expectedDecimal: 'expected a decimal',
  notAssetCode: '{asset} is not an asset code',

  // A row that cannot be booked as it is.
  buyWithoutCost: 'a buy needs what it cost, above 0',
  sellWithoutCost: 'a sell needs what it cost, above 0',
  buyPaidInItself: 'a buy of {asset} paid in {asset}',
  sellPaidInItself: 'a sell of {asset} paid in {asset}',
  convertWithoutResult: 'a Convert must say what it became, like "Converted 0.5 ETH to 0.025 BTC"',
  walletMoveWithFee: 'a move between Kraken wallets with a fee is not booked',
  withdrawalNotNegative: 'a withdrawal must be negative',
  depositNotPositive: 'a deposit must be positive',
  incomeNotPositive: '{type} income must be positive',
  tradeRowCount: {
    one: 'trade {refid} has {count} row; a trade is one row spent and one received (the other may be outside the exported dates)',
    other:
      'trade {refid} has {count} rows; a trade is one row spent and one received (the other may be outside the exported dates)',
  },
  tradeSameAsset: 'trade {refid} spends and receives {asset}',
  tradeFeeBothSides: 'trade {refid} has a fee on both sides',
  noKrakenMarket: 'no Kraken market trades {spent} for {received}',
  noKnownQuote: 'no known quote currency trades {spent} for {received}',

  // Booking the file (exchange-import.ts) and income without a price (income-price.ts).
  idTooLong: 'too long to be an exchange’s id',
  quoteConflict:
    '{asset} is quoted in {quoted} in your portfolio, and this {exchange} file is valued in {home} ' +
    '(one quote currency per asset, P2)',
  marketsLoading: 'The markets of {exchange} are not loaded yet; try again shortly.',
  pricesUnavailable:
    'The exchanges could not be asked for past prices just now; nothing was imported. Try again shortly.',
  binanceNotConfigured:
    'Binance is not configured on this server: its pairs were split by the known quote currencies ' +
    '(docs/imports.md).',
  krakenNotConfigured:
    'Kraken is not configured on this server: which currency of each trade is the quote was told by the ' +
    'known quote currencies (docs/imports.md).',
  noIncomePrice: 'no market price of {asset} in {quote} is known at {time}: enter it',
};
