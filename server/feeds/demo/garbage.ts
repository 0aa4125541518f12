/** Corrupts outgoing ticker messages the ways real exchanges and proxies have been seen to. */
import { STATUS_CODES } from 'node:http';
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { WireObject } from './binance-wire';
import type { FaultControl, GarbageKind } from './faults';

/** A proxy's error page, what a CDN in front of an exchange answers when the origin is down. */
export function htmlPage(status: number): string {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/** Answers a request with a pending `httpErrors` fault's proxy page; true when it did (the request is spent). */
export function answeredWithHttpFault(
  faults: Pick<FaultControl, 'takeHttpError'>,
  res: ServerResponse,
  headers: OutgoingHttpHeaders = {},
): boolean {
  const status = faults.takeHttpError();
  if (status === undefined) return false;
  res.writeHead(status, { ...headers, 'Content-Type': 'text/html' }).end(htmlPage(status));
  return true;
}

// WebSocket events use one-letter keys and `s`; REST answers spell them out and use `symbol`.
function keysOf(ticker: WireObject): { price: string; bid: string; ask: string; volume: string } {
  const ws = 's' in ticker;
  const price =
    ['c', 'lastPrice', 'price', 'b', 'bidPrice'].find((key) => key in ticker) ?? (ws ? 'c' : 'lastPrice');
  return { price, bid: ws ? 'b' : 'bidPrice', ask: ws ? 'a' : 'askPrice', volume: ws ? 'v' : 'volume' };
}

function corruptTicker(kind: GarbageKind, ticker: WireObject): WireObject {
  const out: WireObject = { ...ticker };
  const keys = keysOf(ticker);
  switch (kind) {
    case 'wrong-types':
      out[keys.price] = { x: 1 };
      if (keys.bid in out) out[keys.bid] = [1, 2];
      if (keys.volume in out) out[keys.volume] = true;
      break;
    case 'negative-price':
      out[keys.price] = '-5';
      break;
    case 'huge-number':
      out[keys.price] = '1e308';
      break;
    case 'bid-above-ask': {
      // Written even into messages without a book (miniTicker): ccxt reads b/a from any ticker event.
      const ask = Number(out[keys.ask] ?? out[keys.price]);
      out[keys.ask] = ask.toFixed(8);
      out[keys.bid] = (ask * 1.01).toFixed(8);
      break;
    }
    default:
      break;
  }
  return out;
}

/** The text of one corrupted message; `wrap` adds the combined-stream envelope where the client asked for it. */
export function corruptFrame(
  kind: GarbageKind,
  payload: WireObject | WireObject[],
  wrap: (data: unknown) => unknown = (data) => data,
): string {
  if (kind === 'html') return htmlPage(502);
  // Arrays (the !ticker@arr streams, REST lists): one bad entry among good ones, as seen in practice.
  const corrupted = Array.isArray(payload)
    ? payload.map((ticker, i) => (i === 0 ? corruptTicker(kind, ticker) : ticker))
    : corruptTicker(kind, payload);
  const text = JSON.stringify(wrap(corrupted));
  return kind === 'truncated-json' ? text.slice(0, Math.floor(text.length / 2)) : text;
}
