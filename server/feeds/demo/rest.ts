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
import { corruptCandles } from './candle-garbage';
import { answeredWithHttpFault, corruptFrame } from './garbage';
import type { DemoTicker, Simulator } from './simulator';
import {
  BinanceRequestError as RequestError,
  invalidParameter,
  limitParameter,
  mandatory,
  optionalInteger,
} from './binance-params';
import type { WeightMeter } from './weight-meter';

/** What the REST handler reads. */
export interface RestDeps {
  simulator: Simulator;
  faults: FaultControl;
  now: () => number;
  candles: CandleHistory;
  /** The spot API's weight budget, shared with the signed endpoints. */
  weight: WeightMeter;
}

/** A reply before serialisation; `ticker` marks answers that garbage faults may corrupt. */
type Reply =
  | { status: number; body: WireObject | WireObject[]; ticker?: true }
  | { status: number; body: WireRow[]; ticker?: never };

const JSON_TYPE = 'application/json;charset=UTF-8';
const KLINE_LIMIT = { default: 500, max: 1000 };
const TICKER_FORMATS: Readonly<Record<string, (t: DemoTicker) => WireObject>> = {
  '/api/v3/ticker/bookTicker': restBookTicker,
  '/api/v3/ticker/price': restPrice,
};

/** Creates the request handler; every path not listed answers 404 with a Binance-style error. */
export function createRestHandler({ simulator, faults, now, candles, weight }: RestDeps) {
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

  function klines(query: URLSearchParams): WireRow[] {
    const id = mandatory(query, 'symbol');
    const name = mandatory(query, 'interval');
    const spec = simulator.marketById(id);
    const ticker = spec && simulator.ticker(spec.symbol);
    if (spec === undefined || ticker === undefined) throw new RequestError(400, -1121, 'Invalid symbol.');
    const interval = KLINE_INTERVALS.get(name);
    if (interval === undefined) throw new RequestError(400, -1120, 'Invalid interval.');
    const limit = limitParameter(query, KLINE_LIMIT.default, KLINE_LIMIT.max);
    const startTime = optionalInteger(query, 'startTime');
    const endTime = optionalInteger(query, 'endTime');
    // Candles are drawn on the UTC grid only: refusing another zone beats answering UTC candles as if shifted.
    const timeZone = query.get('timeZone');
    if (timeZone !== null && !/^[+-]?0{1,2}(:00)?$/.test(timeZone)) {
      throw invalidParameter('timeZone');
    }
    // One clock reading for the window and the live candle, so they agree on which candle is open.
    const at = now();
    const window = klineWindow({ interval, limit, now: at, startTime, endTime });
    const drawn = candles.candles({ spec, interval, ...window, now: at, lastPrice: ticker.last });
    const kind = faults.takeCandleGarbage();
    return (kind === undefined ? drawn : corruptCandles(kind, drawn, interval.ms)).map(restKline);
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
    // Binance reports request weight in headers; ccxt only reads them when asked, but clients may log them.
    const headers = weight.add(1);
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
