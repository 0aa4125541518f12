/** REST side of the simulated Kraken: the public spot endpoints under `/0/public/` that ccxt and others call. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { KLINE_INTERVALS } from '../candles';
import type { CandleHistory } from '../candles';
import type { FaultControl } from '../faults';
import { corruptCandles } from '../candle-garbage';
import { answeredWithHttpFault } from '../garbage';
import type { Simulator } from '../simulator';
import { corruptRestTickers } from './garbage';
import type { KrakenAsset, KrakenPair } from './markets';
import { KRAKEN_ASSETS } from './markets';
import {
  PAIR_INFO_KINDS,
  assetInfo,
  assetPairInfo,
  errorBody,
  okBody,
  restOhlc,
  restTicker,
} from './rest-wire';
import type { WireObject } from './rest-wire';

/** What the REST handler reads. */
export interface KrakenRestDeps {
  simulator: Simulator;
  pairs: readonly KrakenPair[];
  faults: FaultControl;
  now: () => number;
  candles: CandleHistory;
}

/** A Kraken error: its `Category:Message` string and the HTTP status it travels with (200 for most). */
class KrakenError extends Error {
  constructor(
    message: string,
    readonly status = 200,
  ) {
    super(message);
  }
}

const JSON_TYPE = 'application/json; charset=utf-8';
const UNKNOWN_PAIR = 'EQuery:Unknown asset pair';
const INVALID_ARGUMENTS = 'EGeneral:Invalid arguments';
// OHLC intervals in minutes, as Kraken lists them; the grid is the shared candle grid of the same length.
const OHLC_MINUTES = [1, 5, 15, 30, 60, 240, 1440, 10080, 21600];
const OHLC_GRID = new Map([
  [1, '1m'],
  [5, '5m'],
  [15, '15m'],
  [30, '30m'],
  [60, '1h'],
  [240, '4h'],
  [1440, '1d'],
  [10080, '1w'],
]);
// Kraken returns at most 720 of the most recent candles, whatever `since` asks for.
const OHLC_ROWS = 720;

/** Comma-separated list parameter; absent or empty means "all". */
function list(query: URLSearchParams, name: string): string[] | undefined {
  const value = query.get(name);
  if (value === null || value.trim() === '') return undefined;
  return value.split(',').map((part) => part.trim());
}

/** Creates the handler; every path outside the public endpoints answers Kraken's `EGeneral:Unknown method`. */
export function createKrakenRestHandler({ simulator, pairs, faults, now, candles }: KrakenRestDeps) {
  // A pair is found by its name or altname in any case; BTC and DOGE stand in for XBT and XDG in altnames.
  const pairByName = new Map<string, KrakenPair>();
  for (const pair of pairs) {
    for (const name of [pair.id, pair.altname, pair.altname.replace('XBT', 'BTC').replace('XDG', 'DOGE')]) {
      pairByName.set(name.toUpperCase(), pair);
    }
  }
  const assetByName = new Map<string, KrakenAsset>();
  for (const asset of KRAKEN_ASSETS) {
    for (const name of [asset.id, asset.altname]) assetByName.set(name.toUpperCase(), asset);
  }

  function selectPairs(query: URLSearchParams, required = false): KrakenPair[] {
    const names = list(query, 'pair');
    if (names === undefined) {
      if (required) throw new KrakenError(INVALID_ARGUMENTS);
      return [...pairs];
    }
    return names.map((name) => {
      const pair = pairByName.get(name.toUpperCase());
      if (pair === undefined) throw new KrakenError(UNKNOWN_PAIR);
      return pair;
    });
  }

  function assets(query: URLSearchParams): WireObject {
    const aclass = query.get('aclass');
    if (aclass !== null && aclass !== 'currency') throw new KrakenError(INVALID_ARGUMENTS);
    const names = list(query, 'asset');
    const selected =
      names === undefined
        ? KRAKEN_ASSETS
        : names.map((name) => {
            const asset = assetByName.get(name.toUpperCase());
            if (asset === undefined) throw new KrakenError('EQuery:Unknown asset');
            return asset;
          });
    return Object.fromEntries(selected.map((asset) => [asset.id, assetInfo(asset)]));
  }

  function assetPairs(query: URLSearchParams): WireObject {
    const info = query.get('info') ?? 'info';
    const kind = PAIR_INFO_KINDS.find((k) => k === info);
    if (kind === undefined) throw new KrakenError(INVALID_ARGUMENTS);
    return Object.fromEntries(selectPairs(query).map((pair) => [pair.id, assetPairInfo(pair, kind)]));
  }

  function tickers(query: URLSearchParams): WireObject {
    const entries = selectPairs(query).map((pair) => {
      const ticker = simulator.ticker(pair.symbol);
      if (ticker === undefined) throw new KrakenError(UNKNOWN_PAIR);
      return [pair.id, restTicker(pair, ticker)] as const;
    });
    return Object.fromEntries(entries);
  }

  function ohlc(query: URLSearchParams): WireObject {
    const [pair] = selectPairs(query, true);
    const minutes = Number(query.get('interval') ?? '1');
    const name = OHLC_GRID.get(minutes);
    const interval = name === undefined ? undefined : KLINE_INTERVALS.get(name);
    const ticker = pair && simulator.ticker(pair.symbol);
    if (!OHLC_MINUTES.includes(minutes)) throw new KrakenError(INVALID_ARGUMENTS);
    // 15 days (21600) has no grid in the shared history: refused rather than drawn on a wrong grid.
    if (pair === undefined || interval === undefined || ticker === undefined)
      throw new KrakenError(INVALID_ARGUMENTS);
    const sinceRaw = query.get('since');
    if (sinceRaw !== null && !/^\d{1,12}$/.test(sinceRaw)) throw new KrakenError(INVALID_ARGUMENTS);
    const at = now();
    const lastOpen = Math.floor(at / interval.ms) * interval.ms;
    const firstOpen = lastOpen - (OHLC_ROWS - 1) * interval.ms;
    const since = sinceRaw === null ? undefined : Number(sinceRaw) * 1000;
    const drawn = candles
      .candles({ spec: pair, interval, firstOpen, count: OHLC_ROWS, now: at, lastPrice: ticker.last })
      // Kraken's `since` is exclusive: a client passing back `last` gets only newer candles.
      .filter((c) => since === undefined || c.openTime > since);
    const kind = faults.takeCandleGarbage();
    const rows = (kind === undefined ? drawn : corruptCandles(kind, drawn, interval.ms)).map((c) =>
      restOhlc(pair, c),
    );
    // `last` is the open time of the last committed (closed) candle, the cursor for the next poll.
    return { [pair.id]: rows, last: Math.floor((lastOpen - interval.ms) / 1000) };
  }

  function route(path: string, query: URLSearchParams): WireObject {
    switch (path) {
      case '/0/public/Time': {
        const ms = now();
        const rfc1123 = new Date(ms).toUTCString().replace('GMT', '+0000');
        return okBody({ unixtime: Math.floor(ms / 1000), rfc1123 });
      }
      case '/0/public/SystemStatus':
        return okBody({ status: 'online', timestamp: new Date(now()).toISOString().replace(/\.\d+Z$/, 'Z') });
      case '/0/public/Assets':
        return okBody(assets(query));
      case '/0/public/AssetPairs':
        return okBody(assetPairs(query));
      case '/0/public/Ticker':
        return okBody(tickers(query));
      case '/0/public/OHLC':
        return okBody(ohlc(query));
      default:
        throw new KrakenError('EGeneral:Unknown method', 404);
    }
  }

  return function handle(req: IncomingMessage, res: ServerResponse): void {
    if (answeredWithHttpFault(faults, res)) return;
    const url = new URL(req.url ?? '/', 'http://demo.invalid');
    let status = 200;
    let body: WireObject;
    try {
      body = route(url.pathname, url.searchParams);
    } catch (error) {
      // Never a stack trace on the wire: anything unexpected is Kraken's own internal-error answer.
      status = error instanceof KrakenError ? error.status : 500;
      body = errorBody(error instanceof KrakenError ? error.message : 'EGeneral:Internal error');
    }
    const kind = url.pathname === '/0/public/Ticker' && 'result' in body ? faults.takeGarbage() : undefined;
    const text = kind === undefined ? JSON.stringify(body) : corruptRestTickers(kind, body);
    res.writeHead(status, { 'Content-Type': kind === 'html' ? 'text/html' : JSON_TYPE }).end(text);
  };
}
