/** The API's and the socket's refusals: sign-in, requests, accounts, transactions, alerts, markets, candles, reports. */
import type { ServerCatalog } from '../en';

export const errors = {
  internal: 'Der Server konnte die Anfrage nicht bearbeiten.',
} satisfies ServerCatalog['errors'];
