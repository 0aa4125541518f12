/** The refusals and states of exchange connections and their syncs (server/sync/). */
export const sync = {
  // Adding, finding and syncing a connection (sync-service.ts, exchange-client.ts).
  tooManyConnections: 'You have {max} exchange connections, the most one user keeps.',
  tooManyKeyTests: 'Too many keys tested; try again in {seconds} s.',
  tooManySyncs: 'Too many syncs asked for; try again in {seconds} s.',
  noConnection: 'No exchange connection "{id}".',
  unknownExchange: 'unknown exchange "{exchange}": not a ccxt exchange id (e.g. binance, kraken, coinbase)',
  notSyncable: 'exchange: {exchange} cannot be synced: ccxt has no {calls} for it.',
  eitherCall: '{first} or {second}',

  // What a key can do beyond reading (key-check.ts): stored with the connection, shown with it.
  keyCanWithdraw:
    'This key can withdraw funds from your {exchange} account. Livefolio only reads: create a read-only key ' +
    'and replace this one.',
  keyCanTrade:
    'This key can trade on your {exchange} account. Livefolio only reads: a read-only key is safer.',

  // Why a key check or a sync failed (sync-error.ts): a connection's last error.
  bookingFailed: '{problem}; nothing was changed.',
  secretUnreadable:
    "The stored key cannot be opened with this server's SECRET_KEY (it was sealed under another master key): " +
    'put the old key in SECRET_KEY_PREVIOUS, or delete this connection and add the key again.',
  historyConflict:
    'The history from {exchange} does not fit the transactions already in your portfolio, so nothing was ' +
    'changed: {problem}. Change or delete the transaction it names, then sync again.',
  keyPermission:
    '{exchange} refused a request this key is not allowed to make: enable reading (account and history) on the key.',
  keyRejected:
    '{exchange} refused the API key: check that key and secret are copied exactly, that the key is still ' +
    "active with reading enabled, and that this server's IP address is allowed on the key.",
  clockSkew:
    "{exchange} refused the request's timestamp: this server's clock is off. Synchronise it (NTP) and try again.",
  rateLimited:
    '{exchange} is limiting requests from this server; the sync stopped and resumes where it stopped on the ' +
    'next attempt. Try again in a few minutes.',
  exchangeUnavailable:
    '{exchange} could not be reached or is down (maintenance or an outage); nothing was changed. The next ' +
    'sync tries again.',
  unreadableAnswer:
    '{exchange} sent an answer that cannot be read; nothing was changed. The next sync tries again.',
  failed: 'The sync with {exchange} failed; nothing was changed. The next sync tries again.',

  // A sync that cannot value or book what it read (run-sync.ts, book-records.ts, requote.ts).
  noHomeMarket: '{exchange} lists no market in {currencies}: there is no currency to value the account in.',
  noTradePrice:
    'No {base}/{home} or {quote}/{home} price is known at {time} to value {exchange} trade {id} ({symbol}) in {home}',
  noIncomePrice: 'No {currency}/{home} price is known at {time} to value {exchange} {type} {id}',
  feeAsLargeAsTrade: '{exchange} trade {id} ({symbol}) has a fee as large as the trade',
  noRate:
    '{asset} is quoted in {target} in your portfolio, and no {from}/{target} rate is known at {time} to value ' +
    'it there (one quote currency per asset, P2)',
  labelled: '{label}: {problem}',
  problemList: '{first}; {rest}',
  quotesConflict:
    '{problems}. Nothing was changed: change or delete the transactions that quote these assets in that ' +
    'currency, then sync again.',

  // What the exchange sent that cannot be right (records.ts, binance-dividends.ts); its fields keep their names.
  badRecord:
    '{exchange} sent {what} that cannot be right ({detail}); nothing was changed. If it persists, the ' +
    'exchange changed its answers: please report it.',
  badDividendRow:
    '{exchange} sent an asset-dividend row that cannot be right ({detail}); nothing was changed. If it ' +
    'persists, the exchange changed its answers: please report it.',
  aTrade: 'a trade',
  aTradeWithId: 'a trade ({id})',
  theTrade: 'trade {id}',
  aDeposit: 'a deposit',
  aWithdrawal: 'a withdrawal',
  balances: 'balances',
  aBalance: 'a balance',
  theBalance: 'the {currency} balance',
  unknownMarket: 'unknown market {market}',
  unknownCurrency: 'unknown currency {currency}',
  noTotals: 'no totals',
  fieldIssue: '{field} {problem}',
  theRecord: 'record',
  unreadable: 'unreadable',
  row: 'row: {problem}',
  rowWithId: 'row {id}: {problem}',
  noRowsAndTotal: 'the answer has no rows and total',
  absurdlyLarge: 'is absurdly large',
  negative: 'must not be negative',
  notANumber: 'expected a number',
  notACurrency: 'is not a currency code',
  noValidTime: 'has no valid time',
  noSide: 'has no side',
  notPositiveAmount: 'is not a positive amount',
};
