/** The API's and the socket's refusals: sign-in, requests, accounts, transactions, alerts, markets, candles, reports. */
export const errors = {
  internal: 'The server could not handle the request.',

  // Any API request (server/http/router.ts) and any page request (http-server.ts).
  pathEncoding: 'The path is not valid URL encoding.',
  noRoute: 'No API route {path}.',
  methodNotAllowed: '{path} answers {methods}.',
  originNotAllowed: 'Requests from this origin are not allowed.',
  signInFirst: 'Sign in first.',
  adminOnly: 'Only an admin may do this.',
  bodyType: 'Send the body as {kind} (Content-Type: {type}).',
  bodyTooLarge: 'The body is over {max} bytes.',
  bodyNotJson: 'The body is not valid JSON.',
  requestInvalid: 'The request is not valid.',
  fieldProblem: '{field}: {problem}',
  pageNotFound: 'Not found',
  pageFailed: 'Internal error',

  // Signing in (auth-routes.ts, login-form.ts, server/auth/).
  wrongCredentials: 'Wrong username or password.',
  alreadySetUp: 'Livefolio is already set up; sign in instead.',
  usernameTaken: 'The username "{username}" is taken.',
  tooManySignIns: 'Too many failed sign-ins; try again in {minutes} min.',
  credentialsMissing: 'Give a username and a password.',
  formType: 'Send the form as {type}.',
  formTooLarge: 'The form is over {max} bytes.',
  formIncomplete: 'The form is not complete.',

  // Personal access tokens (server/auth/api-tokens.ts, request-auth.ts).
  authorizationFormat: 'Send a token as "Authorization: Bearer <token>".',
  tokenRefused: 'This token is unknown, revoked or expired.',
  tokenInUrl:
    'Send a token in the Authorization header, never in a URL: URLs are kept in logs and browser history.',
  tokenReadOnly: 'This token may only read; create a read-write token to change anything.',
  sessionOnly: 'Only a signed-in browser session may do this, not a token.',
  tooManyTokens: 'At most {max} tokens per user; revoke one first.',
  noToken: 'No token {id}.',

  // The socket's requests (server/socket/).
  tooManyRequests: 'Too many requests; slow down.',
  ackRequired: '{event} must be sent with an acknowledgement callback.',
  unknownEvent: 'Unknown event "{name}"; see docs/protocol.md.',
  tooManySubscriptions:
    'A connection may subscribe to at most {max} streams; this request would make {count}.',
  notCandleStream:
    '"{stream}" is not a candle stream: candles:<exchange>:<BASE/QUOTE>:<timeframe>, the timeframe one of {timeframes}.',
  watchlistFull: 'The watchlist holds at most {max} streams.',

  // Markets and candles (server/feeds/catalog.ts, server/candles/).
  notStreamId: '"{stream}" is not a stream id; expected "<exchange>:<BASE/QUOTE>".',
  notStreamIdShort: '"{stream}" is not a stream id.',
  exchangeNotConfigured: 'Exchange "{exchange}" is not configured here.',
  marketsLoading: 'The markets of {exchange} are not loaded yet; try again shortly.',
  noMarket: '{exchange} has no market "{symbol}".',
  timeframeNotOffered: '{exchange} does not offer {timeframe} candles; it offers: {offered}.',
  noTimeframes: 'none',
  candlesUnavailable: '{exchange} did not answer for candles; try again shortly.',

  // Alerts (server/alerts/).
  tooManyAlerts: 'At most {max} alerts per user: delete some before setting new ones.',
  noAlert: 'No alert {id}.',
  noAlertChannel: 'channels: no channel "{id}"; add it on the Notifications page first.',

  // Accounts and transactions (server/portfolio/).
  noAccount: 'No account {id}.',
  noTransaction: 'No transaction {id}.',
  noAccountNamed: 'no account {account}',
  transferNeedsAccount: 'required on a transfer (the account it goes to)',
  transferSameAccount: 'must be another account than account',
  accountNameTaken: 'There is already an account named "{name}".',
  lastAccount: 'This is your only account: a portfolio keeps at least one.',
  tooManyAccountsOne: 'You have {count} accounts; at most {max}, so not another. Delete one first.',
  tooManyAccountsMore: 'You have {count} accounts; at most {max}, so not {adding} more. Delete one first.',
  pricingExchange: 'pricing.{asset}: exchange "{exchange}" is not configured here ({configured}).',

  // The tax report's query (report-routes.ts).
  yearOrRange: 'year: give a year, or from and to, not both',
  rangeNeedsBoth: '{field}: required with the other',
  rangeReversed: 'to: must not be before from',
  partCsvOnly: 'part: only for the CSV download',
  holdingShort:
    'Transaction {id} ({type} of {asset} at {time}): asks for {quantity} {asset} but only {held} {asset} is held ' +
    'in account {account} at that time',
  holdingShortWithFee:
    'Transaction {id} ({type} of {asset} at {time}): asks for {leaving} {asset} ({quantity} + {fee} fee) but ' +
    'only {held} {asset} is held in account {account} at that time',
  quoteMixed:
    'Transaction {id} ({type} of {asset} at {time}): {asset} is quoted in {quote} here but in {otherQuote} by ' +
    'transaction {otherId}; one quote currency per asset',
  feeExceedsQuantity:
    'Transaction {id} ({type} of {asset} at {time}): the fee of {fee} {asset} leaves nothing of the {quantity} ' +
    '{asset} received',
};
