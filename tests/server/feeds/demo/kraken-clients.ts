/** Test clients for the simulated Kraken: the real ccxt.pro.kraken pointed at it, and a raw v2 WebSocket. */
import type ccxt from 'ccxt';
import WebSocket from 'ws';
import type { SimulatedExchange } from '../../../../server/feeds/demo/venue';
import { closeClients, simulatedClient } from './helpers';

/** The production class, unmodified; only its URLs and rate limit are changed, as the feed does. */
export type KrakenClient = InstanceType<typeof ccxt.pro.kraken>;

/** A parsed message from the exchange, or the raw text when it was not JSON (garbage faults). */
export type Frame = Record<string, unknown> & { raw?: string };

const openSockets = new Set<WebSocket>();

/** A ccxt.pro.kraken client on the simulated exchange, markets loaded unless `load` is false. */
export function krakenClient(exchange: SimulatedExchange, load = true): Promise<KrakenClient> {
  return simulatedClient('kraken', exchange, { load });
}

/** A raw WebSocket on `/v2` with a queue of frames and bounded waits. */
export async function rawSocket(exchange: SimulatedExchange, path = '/v2') {
  const ws = new WebSocket(exchange.url.replace('http', 'ws') + path);
  openSockets.add(ws);
  const frames: Frame[] = [];
  let wake: (() => void) | undefined;
  ws.on('message', (data) => {
    const text = String(data);
    let frame: Frame;
    try {
      frame = JSON.parse(text) as Frame;
    } catch {
      frame = { raw: text };
    }
    frames.push(frame);
    wake?.();
  });
  const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  /** Resolves with (and removes) the first queued or future frame matching `match`; rejects after ms. */
  async function waitFor(match: (f: Frame) => boolean, ms = 3000): Promise<Frame> {
    const deadline = Date.now() + ms;
    for (;;) {
      const index = frames.findIndex(match);
      if (index >= 0) return frames.splice(index, 1)[0] as Frame;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching frame within ${ms} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
  return {
    ws,
    closed,
    send: (msg: unknown) => ws.send(typeof msg === 'string' ? msg : JSON.stringify(msg)),
    waitFor,
    /** Every frame from now up to the `count`-th matching `match` (the queue emptied first); rejects after ms. */
    async through(match: (f: Frame) => boolean, count: number, ms = 3000): Promise<Frame[]> {
      frames.splice(0);
      const deadline = Date.now() + ms;
      const seen: Frame[] = [];
      while (seen.filter(match).length < count) seen.push(await waitFor(() => true, deadline - Date.now()));
      return seen;
    },
    /** Everything that arrives until `event` resolves: an absence bounded by something that must come after. */
    async collectUntil(event: Promise<unknown>): Promise<Frame[]> {
      frames.splice(0);
      await event;
      return frames.splice(0);
    },
    /** Everything that arrives within ms (a bounded quiet period, to assert an absence). */
    async collect(ms: number): Promise<Frame[]> {
      frames.splice(0);
      await new Promise((resolve) => setTimeout(resolve, ms));
      return frames.splice(0);
    },
  };
}

/** Closes every client and socket made here; call from afterEach. */
export async function closeKrakenClients(): Promise<void> {
  for (const ws of openSockets) ws.terminate();
  openSockets.clear();
  await closeClients();
}

/** A ticker update of one v2 symbol. */
export const isUpdate = (symbol: string) => (f: Frame) =>
  f.channel === 'ticker' &&
  f.type === 'update' &&
  (f.data as Array<{ symbol?: string }>)[0]?.symbol === symbol;
