/** Test clients of the simulated Coinbase: the real ccxt.pro.coinbase pointed at it, and a raw WebSocket recorder. */
import type ccxt from 'ccxt';
import { WebSocket } from 'ws';
import type { SimulatedExchange } from '../../../../server/feeds/demo/venue';
import { closeClients, simulatedClient } from './helpers';

/** The production class, unmodified; only its URLs and rate limit are changed, as the feed does. */
export type CoinbaseClient = InstanceType<typeof ccxt.pro.coinbase>;

const feeds = new Set<RawFeed>();

/** A ccxt.pro.coinbase client on the simulated exchange, markets loaded unless `load: false`. */
export function coinbaseClient(venue: SimulatedExchange, { load = true } = {}): Promise<CoinbaseClient> {
  return simulatedClient('coinbase', venue, { load });
}

/** A parsed message, or the raw text of one that does not parse (garbage faults). */
export type Received = { at: number; text: string; json?: Record<string, unknown> };

/** A raw WebSocket that records every message, for what ccxt hides (heartbeats, errors, sequence numbers). */
export class RawFeed {
  readonly messages: Received[] = [];
  closed = false;
  private waiters: Array<() => void> = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = String(data);
      let json: Record<string, unknown> | undefined;
      try {
        json = JSON.parse(text) as Record<string, unknown>;
      } catch {
        json = undefined;
      }
      this.messages.push({ at: Date.now(), text, json });
      this.wake();
    });
    ws.on('close', () => {
      this.closed = true;
      this.wake();
    });
  }

  /** Opens a connection to the exchange's WebSocket. */
  static async open(venue: SimulatedExchange): Promise<RawFeed> {
    const ws = new WebSocket(venue.url.replace('http', 'ws'));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const feed = new RawFeed(ws);
    feeds.add(feed);
    return feed;
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  send(body: unknown): void {
    this.ws.send(typeof body === 'string' ? body : JSON.stringify(body));
  }

  /** Messages (from index `from` on) that match. */
  matching(test: (m: Received) => boolean, from = 0): Received[] {
    return this.messages.slice(from).filter(test);
  }

  /** Resolves once `count` matching messages (from `from` on) have arrived; rejects after `ms`. */
  async waitFor(
    test: (m: Received) => boolean,
    { count = 1, from = 0, ms = 3000 } = {},
  ): Promise<Received[]> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.matching(test, from);
      if (found.length >= count) return found.slice(0, count);
      const left = deadline - Date.now();
      if (left <= 0 || this.closed)
        throw new Error(`waited ${ms} ms for ${count} messages, got ${found.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Resolves once the server has closed the connection; rejects after `ms`. */
  async waitClosed(ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error(`still open after ${ms} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

/** A message on a channel (`ticker`, `heartbeats`, …). */
export const onChannel = (channel: string) => (m: Received) => m.json?.channel === channel;

/** The tickers of a ticker or ticker_batch message. */
export function tickersOf(m: Received): Array<Record<string, string>> {
  const events = (m.json?.events ?? []) as Array<{ tickers?: Array<Record<string, string>> }>;
  return events.flatMap((event) => event.tickers ?? []);
}

/** Closes every client and raw feed made here; call from afterEach. */
export async function closeCoinbaseClients(): Promise<void> {
  for (const feed of feeds) feed.ws.terminate();
  feeds.clear();
  await closeClients();
}
