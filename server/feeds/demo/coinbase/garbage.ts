/** Corrupts outgoing Coinbase ticker messages and REST ticker answers, the kinds ../garbage applies to Binance's. */
import type { WireObject } from '../binance-wire';
import type { GarbageKind } from '../faults';
import { htmlPage } from '../garbage';

const PRICE_KEYS = ['price'];
const VOLUME_KEYS = ['volume_24_h', 'volume_24h', 'size'];

function corruptEntry(kind: GarbageKind, entry: WireObject, book: WireObject): void {
  const volumeKey = VOLUME_KEYS.find((key) => key in entry);
  switch (kind) {
    case 'wrong-types':
      entry.price = { x: 1 };
      if ('best_bid' in book) book.best_bid = [1, 2];
      if (volumeKey !== undefined) entry[volumeKey] = true;
      break;
    case 'negative-price':
      entry.price = '-5';
      break;
    case 'huge-number':
      entry.price = '1e308';
      break;
    case 'bid-above-ask': {
      // Written even where Coinbase sends no touch (ticker_batch, product lists): clients read best_bid if present.
      const ask = Number(book.best_ask ?? entry.price);
      book.best_ask = String(ask);
      book.best_bid = (ask * 1.01).toFixed(8);
      break;
    }
    default:
      break;
  }
}

/** Where the first ticker of a body sits, and where its touch (best_bid/best_ask) is written. */
function locate(body: WireObject): { entry: WireObject; book: WireObject } | undefined {
  const first = (list: unknown): WireObject | undefined =>
    Array.isArray(list) && typeof list[0] === 'object' && list[0] !== null
      ? (list[0] as WireObject)
      : undefined;
  // WebSocket envelopes: events[0].tickers[0] holds price and touch together.
  const event = first(body.events);
  const ticker = event && first(event.tickers);
  if (ticker) return { entry: ticker, book: ticker };
  // GET …/ticker: trades[0] holds the price, the body the touch.
  const trade = first(body.trades);
  if (trade) return { entry: trade, book: body };
  const listed = first(body.products);
  if (listed) return { entry: listed, book: listed };
  return PRICE_KEYS.some((key) => key in body) ? { entry: body, book: body } : undefined;
}

/** The text of one corrupted message or REST body; the simulator's values are never touched. */
export function corruptCoinbase(kind: GarbageKind, body: WireObject): string {
  if (kind === 'html') return htmlPage(502);
  const copy = JSON.parse(JSON.stringify(body)) as WireObject;
  const target = locate(copy);
  if (target !== undefined) corruptEntry(kind, target.entry, target.book);
  const text = JSON.stringify(copy);
  return kind === 'truncated-json' ? text.slice(0, Math.floor(text.length / 2)) : text;
}
