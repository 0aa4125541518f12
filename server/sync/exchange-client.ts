/** A ccxt instance for one connection: the configured exchange (or its demo stand-in) with the user's key. */
import type { Exchange } from 'ccxt';
import { UnknownExchangeError, createCcxtExchange } from '../feeds/ccxt-exchange';
import type { ExchangeSpec } from '../feeds/types';
import { AppError, text } from '../errors';
import type { Credentials } from '../store/connection-store';

/** Opens exchanges for connections; `specs` carries the configured base URLs (the demo's, on loopback). */
export type OpenExchange = (exchange: string, credentials: Credentials) => Promise<Exchange>;

/**
 * An opener over the configured exchanges: a configured id keeps its base URL, any other ccxt id is the real
 * exchange. REST only: a sync never opens a WebSocket.
 */
export function exchangeOpener(specs: readonly ExchangeSpec[]): OpenExchange {
  return async (exchange, credentials) => {
    const spec = specs.find((s) => s.id === exchange) ?? { id: exchange, url: null, simulated: false };
    const ex = await createCcxtExchange(spec);
    ex.apiKey = credentials.apiKey;
    ex.secret = credentials.secret;
    if (credentials.password !== undefined) ex.password = credentials.password;
    return ex;
  };
}

/** Refuses, before any key is sent, an id ccxt does not know or an exchange that cannot list balances and trades. */
export async function checkSyncable(exchange: string, open: OpenExchange): Promise<void> {
  let ex: Exchange;
  try {
    ex = await open(exchange, { apiKey: '', secret: '' });
  } catch (error) {
    if (error instanceof UnknownExchangeError)
      throw new AppError('UNKNOWN_EXCHANGE', text('sync', 'unknownExchange', { exchange: error.exchangeId }));
    throw error;
  }
  const missing = (['fetchBalance', 'fetchMyTrades'] as const).filter((call) => !ex.has[call]);
  await ex.close().catch(() => undefined);
  const [first, second] = missing;
  if (first)
    throw new AppError(
      'BAD_REQUEST',
      text('sync', 'notSyncable', {
        exchange,
        calls: second ? text('sync', 'eitherCall', { first, second }) : first,
      }),
    );
}
