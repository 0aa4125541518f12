/** Corrupts outgoing Kraken ticker messages (WebSocket v2 and REST) the ways ../garbage does for Binance's. */
import type { GarbageKind } from '../faults';
import { htmlPage } from '../garbage';
import type { WireObject } from './rest-wire';

// The price, bid, ask and volume fields of each wire, so one corruption reads the same on both.
function corruptWs(kind: GarbageKind, t: WireObject): WireObject {
  const out = { ...t };
  if (kind === 'wrong-types') {
    out.last = { x: 1 };
    out.bid = [1, 2];
    out.volume = true;
  } else if (kind === 'negative-price') {
    out.last = -5;
  } else if (kind === 'huge-number') {
    out.last = 1e308;
  } else if (kind === 'bid-above-ask') {
    out.bid = Number(out.ask) * 1.01;
  }
  return out;
}

// REST values are arrays of strings: [price, ...]; the corrupted value replaces the array or its first slot.
function corruptRest(kind: GarbageKind, t: WireObject): WireObject {
  const out = { ...t };
  const first = (key: string) => (Array.isArray(t[key]) ? String((t[key] as unknown[])[0]) : '0');
  if (kind === 'wrong-types') {
    out.c = { x: 1 };
    out.b = [[1, 2]];
    out.v = true;
  } else if (kind === 'negative-price') {
    out.c = ['-5', ...((t.c as unknown[]) ?? []).slice(1)];
  } else if (kind === 'huge-number') {
    out.c = ['1e308', ...((t.c as unknown[]) ?? []).slice(1)];
  } else if (kind === 'bid-above-ask') {
    const ask = Number(first('a'));
    out.b = [(ask * 1.01).toFixed(8), ...((t.b as unknown[]) ?? []).slice(1)];
  }
  return out;
}

const finish = (kind: GarbageKind, body: unknown): string => {
  const text = JSON.stringify(body);
  return kind === 'truncated-json' ? text.slice(0, Math.floor(text.length / 2)) : text;
};

/** The text of a corrupted v2 ticker message (`{channel, type, data: [ticker]}`). */
export function corruptWsTicker(kind: GarbageKind, message: WireObject): string {
  if (kind === 'html') return htmlPage(502);
  const data = Array.isArray(message.data) ? (message.data as WireObject[]) : [];
  return finish(kind, { ...message, data: data.map((t) => corruptWs(kind, t)) });
}

/** The text of a corrupted `/0/public/Ticker` answer: the first pair is bad, the others good, as seen in practice. */
export function corruptRestTickers(kind: GarbageKind, body: WireObject): string {
  if (kind === 'html') return htmlPage(502);
  const result = (body.result ?? {}) as Record<string, WireObject>;
  const entries = Object.entries(result).map(([id, t], i) => [id, i === 0 ? corruptRest(kind, t) : t]);
  return finish(kind, { ...body, result: Object.fromEntries(entries) });
}
