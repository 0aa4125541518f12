/** Exchange connections (docs/protocol.md P9) as a client makes them: the demo Binance key, and waiting for a sync. */
import { DEMO_BINANCE_KEY, DEMO_BINANCE_SECRET } from '../../server/feeds/demo/binance-account';
import type { Loose, Target } from './stack';
import { send, waitFor } from './stack';

/** Connects the simulated Binance account with its read-only key (`extra` overrides any field). */
export const connectBinance = (target: Target, extra: Record<string, unknown> = {}) =>
  send(target, 'POST', '/api/v1/connections', {
    exchange: 'binance',
    name: 'Binance main',
    apiKey: DEMO_BINANCE_KEY,
    secret: DEMO_BINANCE_SECRET,
    ...extra,
  });

/** The connection once its sync has ended (waits on its state, polled as the UI does). */
export async function settled(target: Target, id: string): Promise<Loose> {
  let connection: Loose = {};
  await waitFor(
    async () => {
      connection = (await send(target, 'GET', `/api/v1/connections/${id}`)).body.connection as Loose;
      return connection.state !== 'syncing';
    },
    60_000,
    'the sync to end',
  );
  return connection;
}
