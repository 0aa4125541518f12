/** Ticks put through a test stack's market state, as a feed delivers them after validation, and the price it has. */
import type { Alert } from '../../lib/protocol';
import type { Client, Stack } from './stack';
import { waitFor } from './stack';

const PRECISION = { priceDecimals: 2, amountDecimals: 5 };

/** The stream's last price, once the stack has one. */
export async function livePrice(stack: Stack, stream: string): Promise<number> {
  await waitFor(() => typeof stack.app.market.get(stream)?.last === 'number', 10_000, `a price of ${stream}`);
  return stack.app.market.get(stream)?.last as number;
}

/** A tick of `stream` at `last`, received now unless told otherwise. */
export function tick(stack: Stack, stream: string, last: number, receivedAt = Date.now()): void {
  const fields = { last, bid: null, ask: null, high: null, low: null, open: null, percentage: null };
  stack.app.market.apply(
    stream,
    { ...fields, baseVolume: null, quoteVolume: null, timestamp: receivedAt },
    receivedAt,
    PRECISION,
  );
}

/** Records the alert events a client hears. */
export function listenForAlerts(socket: Client) {
  const heard = { triggered: [] as Alert[], lists: [] as Alert[][] };
  socket.on('alert:triggered', ({ alert }) => heard.triggered.push(alert));
  socket.on('alerts:changed', ({ alerts }) => heard.lists.push(alerts));
  return heard;
}
