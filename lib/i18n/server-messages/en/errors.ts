/** The API's and the socket's refusals: sign-in, requests, accounts, transactions, alerts, markets, candles, reports. */
export const errors = {
  internal: 'The server could not handle the request.',
};
