/** REST side of the demo exchange: the public Binance spot endpoints ccxt calls for markets, tickers and klines. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WireObject, WireRow } from './binance-wire';
import {
  errorBody,
  exchangeInfo,
  restBookTicker,
  restKline,
  restMiniTicker,
  restPrice,
  restTicker,
} from './binance-wire';
import { KLINE_INTERVALS, klineWindow } from './candles';
import type { CandleHistory } from './candles';
import type { FaultControl } from './faults';
import { answeredWithHttpFault, corruptFrame } from './garbage';
import type { DemoTicker, Simulator } from './simulator';

/** What the REST handler reads. */
export interface RestDeps {
  simulator: Simulator;
  faults: FaultControl;
  now: () => number;
  candles: CandleHistory;
}

/** A reply before serialisation; `ticker` marks answers that garbage faults may corrupt. */
type Reply =
  | { status: number; body: WireObject | WireObject[]; ticker?: true }
  | { status: number; body: WireRow[]; ticker?: never };

class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    msg: string,
  ) {
    super(msg);
  }
}

const JSON_TYPE = 'application/json;charset=UTF-8';
const KLINE_LIMIT = { default: 500, max: 1000 };
// Binance's own legal range for integer parameters, quoted back in its -1100 message.
const INTEGER = /^[0-9]{1,20}$/;
const TICKER_FORMATS: Readonly<Record<string, (t: DemoTicker) => WireObject>> = {
  '/api/v3/ticker/bookTicker': restBookTicker,
  '/api/v3/ticker/price': restPrice,
};

/** Creates the request handler; every path not listed answers 404 with a Binance-style error. */
export function createRestHandler({ simulator, faults, now, candles }: RestDeps) {
  // Binance reports request weight in headers; ccxt only reads them when asked, but clients may log them.
  let weightMinute = 0;
  let weight = 0;

  function selectTickers(query: URLSearchParams): DemoTicker | DemoTicker[] {
    const one = query.get('symbol');
    const many = query.get('symbols');
    if (one !== null && many !== null) {
      throw new RequestError(400, -1128, 'Combination of optional parameters invalid.');
    }
    const find = (id: string): DemoTicker => {
      const spec = simulator.marketById(id);
      const ticker = spec && simulator.ticker(spec.symbol);
      if (ticker === undefined) throw new RequestError(400, -1121, 'Invalid symbol.');
      return ticker;
    };
    if (one !== null) return find(one);
    if (many === null) return simulator.tickers();
    let ids: unknown;
    try {
      ids = JSON.parse(many);
    } catch {
      ids = undefined;
    }
    if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string')) {
      throw new RequestError(400, -1100, "Illegal characters found in parameter 'symbols'.");
    }
    return (ids as string[]).map(find);
  }

  function mandatory(query: URLSearchParams, name: string): string {
    const value = query.get(name);
    if (value === null || value === '') {
      throw new RequestError(
        400,
        -1102,
        `Mandatory parameter '${name}' was not sent, was empty/null, or malformed.`,
      );
    }
    return value;
  }

  function optionalInteger(query: URLSearchParams, name: string): number | undefined {
    const value = query.get(name);
    if (value === null) return undefined;
    if (!INTEGER.test(value)) {
      throw new RequestError(
        400,
        -1100,
        `Illegal characters found in parameter '${name}'; legal range is '${INTEGER.source}'.`,
      );
    }
    return Number(value);
  }

  function klines(query: URLSearchParams): WireRow[] {
    const id = mandatory(query, 'symbol');
    const name = mandatory(query, 'interval');
    const spec = simulator.marketById(id);
    const ticker = spec && simulator.ticker(spec.symbol);
    if (spec === undefined || ticker === undefined) throw new RequestError(400, -1121, 'Invalid symbol.');
    const interval = KLINE_INTERVALS.get(name);
    if (interval === undefined) throw new RequestError(400, -1120, 'Invalid interval.');
    const limit = optionalInteger(query, 'limit') ?? KLINE_LIMIT.default;
    if (limit < 1 || limit > KLINE_LIMIT.max) {
      throw new RequestError(400, -1130, "Data sent for parameter 'limit' is not valid.");
    }
    const startTime = optionalInteger(query, 'startTime');
    const endTime = optionalInteger(query, 'endTime');
    // Candles are drawn on the UTC grid only: refusing another zone beats answering UTC candles as if shifted.
    const timeZone = query.get('timeZone');
    if (timeZone !== null && !/^[+-]?0{1,2}(:00)?$/.test(timeZone)) {
      throw new RequestError(400, -1130, "Data sent for parameter 'timeZone' is not valid.");
    }
    // One clock reading for the window and the live candle, so they agree on which candle is open.
    const at = now();
    const window = klineWindow({ interval, limit, now: at, startTime, endTime });
    return candles.candles({ spec, interval, ...window, now: at, lastPrice: ticker.last }).map(restKline);
  }

  function route(path: string, query: URLSearchParams): Reply {
    switch (path) {
      case '/api/v3/ping':
        return { status: 200, body: {} };
      case '/api/v3/time':
        return { status: 200, body: { serverTime: now() } };
      // ccxt's fetchStatus(); public although it lives under sapi.
      case '/sapi/v1/system/status':
        return { status: 200, body: { status: 0, msg: 'normal' } };
      // uiKlines takes the same parameters and answers in the same shape; ccxt's fetchOHLCV calls klines.
      case '/api/v3/klines':
      case '/api/v3/uiKlines':
        return { status: 200, body: klines(query) };
      case '/api/v3/exchangeInfo':
        return { status: 200, body: exchangeInfo(simulator.markets, now()) };
      // ccxt's default loadMarkets also asks for futures markets: answer "none" instead of failing.
      case '/fapi/v1/exchangeInfo':
      case '/dapi/v1/exchangeInfo':
        return { status: 200, body: { ...exchangeInfo([], now()), assets: [] } };
      case '/api/v3/ticker/24hr': {
        const type = query.get('type') ?? 'FULL';
        if (type !== 'FULL' && type !== 'MINI') {
          throw new RequestError(400, -1100, "Illegal characters found in parameter 'type'.");
        }
        const format = type === 'MINI' ? restMiniTicker : restTicker;
        const selected = selectTickers(query);
        return {
          status: 200,
          ticker: true,
          body: Array.isArray(selected) ? selected.map(format) : format(selected),
        };
      }
      default: {
        const format = TICKER_FORMATS[path];
        if (format === undefined) throw new RequestError(404, -5000, `Path ${path}, Method GET is invalid`);
        const selected = selectTickers(query);
        return {
          status: 200,
          ticker: true,
          body: Array.isArray(selected) ? selected.map(format) : format(selected),
        };
      }
    }
  }

  return function handle(req: IncomingMessage, res: ServerResponse): void {
    const minute = Math.floor(now() / 60_000);
    weight = minute === weightMinute ? weight + 1 : 1;
    weightMinute = minute;
    const headers = { 'x-mbx-used-weight': String(weight), 'x-mbx-used-weight-1m': String(weight) };
    if (answeredWithHttpFault(faults, res, headers)) return;
    const url = new URL(req.url ?? '/', 'http://demo.invalid');
    let reply: Reply;
    try {
      if (req.method !== 'GET') {
        throw new RequestError(404, -5000, `Path ${url.pathname}, Method ${req.method} is invalid`);
      }
      reply = route(url.pathname, url.searchParams);
    } catch (error) {
      if (!(error instanceof RequestError)) throw error;
      reply = { status: error.status, body: errorBody(error.code, error.message) };
    }
    const kind = reply.ticker ? faults.takeGarbage() : undefined;
    const text =
      kind !== undefined && reply.ticker ? corruptFrame(kind, reply.body) : JSON.stringify(reply.body);
    const type = kind === 'html' ? 'text/html' : JSON_TYPE;
    res.writeHead(reply.status, { ...headers, 'Content-Type': type }).end(text);
  };
}
