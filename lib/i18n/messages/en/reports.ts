/** The Reports page: the tax report's gains, income, totals and notice. */
export const reports = {
  metaTitle: 'Reports · Livefolio',
  pageTitle: 'Reports',

  // The report's frame (reports-manager.tsx).
  taxReportTitle: 'Tax report',
  signIn: 'Sign in',
  loading: 'Loading the report…',
  summaryTitle: 'Summary',
  gainsTitle: 'Realized gains',
  incomeTitle: 'Income',
  nothingRealized: 'Nothing realized {period}: no disposals and no income in this period.',
  noDisposals: 'No disposals in this period.',
  noIncome: 'No income in this period.',

  // The period in words (report-text.ts); the year is passed as text, never grouped as a number.
  periodRange: '{from} to {to}',
  periodInYear: 'in {year}',
  periodFromTo: 'from {from} to {to}',

  // The cost-basis methods and income types.
  methodFifo: 'FIFO',
  methodLifo: 'LIFO',
  methodHifo: 'HIFO',
  methodAverage: 'Average cost',
  incomeStaking: 'Staking reward',
  incomeInterest: 'Interest',
  incomeAirdrop: 'Airdrop',
  incomeOther: 'Other income',

  // The settings form (report-controls.tsx).
  settingsLabel: 'Report settings',
  periodLabel: 'Period',
  customRange: 'Custom range…',
  rangeFrom: 'From',
  rangeTo: 'To',
  methodLabel: 'Cost-basis method',
  longTermLabel: 'Long-term after (days)',
  longTermHint: 'A gain is long-term when its coins were held more than this many days.',
  apply: 'Apply',
  rangeMissing: 'Choose both dates of the range.',
  rangeReversed: 'The range ends before it starts: choose a "To" on or after "From".',

  // The notice and the downloads (report-notice.tsx); {method} is shown in bold.
  basis: {
    one: '{method} cost basis · {period} (UTC) · long-term when held more than {count} days',
    other: '{method} cost basis · {period} (UTC) · long-term when held more than {count} days',
  },
  notTaxAdvice:
    'A computation from the transactions in Livefolio under the cost-basis method shown, not tax advice: the rules ' +
    'of your country (which method is allowed, how fees and income count) decide what you declare.',
  downloadGains: 'Download gains CSV',
  downloadIncome: 'Download income CSV',

  // The totals (report-summary.tsx).
  totalsIn: 'In {currency}',
  totalProceeds: 'Proceeds',
  totalCostBasis: 'Cost basis',
  totalGain: 'Gain',
  totalShortTermGain: 'Short-term gain',
  totalLongTermGain: 'Long-term gain',
  totalIncome: 'Income',

  // The tables' columns and cells.
  colAsset: 'Asset',
  colCurrency: 'Currency',
  colQuantity: 'Quantity',
  colAcquired: 'Acquired',
  colDisposed: 'Disposed',
  colProceeds: 'Proceeds',
  colCostBasis: 'Cost basis',
  colGain: 'Gain',
  colDaysHeld: 'Days held',
  colTerm: 'Term',
  colDate: 'Date',
  colType: 'Type',
  colValue: 'Value',
  colAccount: 'Account',
  termLong: 'Long',
  termShort: 'Short',
  amountsIn: 'Amounts in {currency}.',
  gainsCaption: 'Realized gains, one row per lot piece, oldest disposal first; dates in UTC.',
  gainsPages: 'Pages of gains',
  incomeCaption: 'Income received, oldest first; dates in UTC.',
  incomePages: 'Pages of income',

  // The asset filter (asset-filter.tsx).
  assetLabel: 'Asset',
  allAssets: 'All assets',
  assetGain: 'Gain on {asset}:',

  // The pager (paged-table.tsx); {first} and {last} are passed as text, as they were always written.
  lineCount: { one: '{count} line', other: '{count} lines' },
  lineRange: { one: '{first}–{last} of {count} line', other: '{first}–{last} of {count} lines' },
  receiptCount: { one: '{count} receipt', other: '{count} receipts' },
  receiptRange: { one: '{first}–{last} of {count} receipt', other: '{first}–{last} of {count} receipts' },
  previousPage: '‹ Previous',
  pageOf: 'Page {page} of {pages}',
  nextPage: 'Next ›',
};
