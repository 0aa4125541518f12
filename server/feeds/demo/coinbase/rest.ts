/** REST side of the simulated Coinbase: the public Advanced Trade market endpoints and the v2 ones ccxt reads. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WireObject } from '../binance-wire';
import type { CandleHistory } from '../candles';
import type { FaultControl } from '../faults';
import { answeredWithHttpFault } from '../garbage';
import type { DemoTicker, Simulator } from '../simulator';
import { CandleRequestError, candlesBody } from './candles-api';
import type { ListedProduct, ProductIndex } from './catalogue-index';
import { corruptCoinbase } from './garbage';
import type { Trading } from './trading';
import { routeV2 } from './v2-api';
import { aliasProduct, errorBody, marketTrades, product, v2ErrorBody } from './wire';

/** What the REST handler reads. */
export interface RestDeps {
  simulator: Simulator;
  index: ProductIndex;
  trading: Pick<Trading, 'trades'>;
  faults: FaultControl;
  candles: CandleHistory;
  now: () => number;
}

/** An answer before serialisation; `ticker` marks those a garbage fault may corrupt. */
type Reply = { status: number; body: WireObject; ticker?: boolean };

class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: WireObject,
  ) {
    super(String(body.message ?? body.error ?? 'error'));
  }
}

const JSON_TYPE = 'application/json; charset=utf-8';
const MARKET = '/api/v3/brokerage/market/products';
const PRODUCT_PATH = /^\/api\/v3\/brokerage\/market\/products\/([^/]+)(\/ticker|\/candles)?$/;
const PRODUCT_TYPES = ['SPOT', 'FUTURE', 'UNKNOWN_PRODUCT_TYPE'];
const invalid = (message: string) => new RequestError(400, errorBody('INVALID_ARGUMENT', message));
// What Coinbase answers for a product id it does not list (observed: 404 NOT_FOUND).
const unknownProduct = () => new RequestError(404, errorBody('NOT_FOUND', 'valid product_id is required'));

function optionalInteger(query: URLSearchParams, name: string, min: number, max: number): number | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  const n = Number(value);
  if (!/^-?[0-9]{1,10}$/.test(value) || n < min || n > max) throw invalid(`invalid ${name}: ${value}`);
  return n;
}

/** Creates the request handler; unknown paths answer 404 with Coinbase's `not_found` body. */
export function createRestHandler({ simulator, index, trading, faults, candles, now }: RestDeps) {
  const tickerOf = (p: ListedProduct): DemoTicker => {
    const ticker = simulator.ticker(p.market.symbol);
    if (ticker === undefined) throw unknownProduct();
    return ticker;
  };
  const productBody = (p: ListedProduct) =>
    p.alias ? aliasProduct(p.alias, p.market, tickerOf(p)) : product(p.market, tickerOf(p));

  function listProducts(query: URLSearchParams): Reply {
    const type = query.get('product_type');
    if (type !== null && !PRODUCT_TYPES.includes(type)) throw invalid(`invalid product_type: ${type}`);
    const limit = optionalInteger(query, 'limit', 0, 2 ** 31 - 1);
    const offset = optionalInteger(query, 'offset', 0, 2 ** 31 - 1) ?? 0;
    const ids = query.getAll('product_ids');
    // Only spot products are simulated: a FUTURE listing (ccxt asks for one) is empty, not an error.
    let listed = type === 'FUTURE' ? [] : [...index.products];
    // Unknown ids are left out of the list rather than failing the whole request.
    if (ids.length > 0) listed = listed.filter((p) => ids.includes(p.id));
    const page = listed.slice(offset, limit ? offset + limit : undefined);
    return {
      status: 200,
      ticker: true,
      body: { products: page.map(productBody), num_products: page.length },
    };
  }

  function productRoute(id: string, tail: string | undefined, query: URLSearchParams): Reply {
    const p = index.byId(id);
    if (p === undefined) throw unknownProduct();
    if (tail === '/ticker') {
      const limit = optionalInteger(query, 'limit', 1, 1000) ?? 1;
      const trades = trading.trades(p.market.id).slice(0, limit);
      return { status: 200, ticker: true, body: marketTrades(p.id, p.market, trades, tickerOf(p)) };
    }
    if (tail === '/candles') {
      try {
        return {
          status: 200,
          body: candlesBody({
            product: p,
            query,
            history: candles,
            ticker: tickerOf(p),
            now: now(),
            garbage: faults.takeCandleGarbage(),
          }),
        };
      } catch (error) {
        if (error instanceof CandleRequestError) throw invalid(error.message);
        throw error;
      }
    }
    return { status: 200, ticker: true, body: productBody(p) };
  }

  function route(path: string, query: URLSearchParams): Reply {
    const v2 = routeV2(path, query, simulator, now());
    if (v2 !== undefined) return v2;
    if (path === MARKET) return listProducts(query);
    if (path === '/api/v3/brokerage/time') {
      const at = now();
      const body = {
        iso: new Date(at).toISOString(),
        epochSeconds: String(Math.floor(at / 1000)),
        epochMillis: String(at),
      };
      return { status: 200, body };
    }
    const match = PRODUCT_PATH.exec(path);
    if (match?.[1] !== undefined) return productRoute(decodeURIComponent(match[1]), match[2], query);
    throw new RequestError(404, v2ErrorBody('not_found', 'Not found'));
  }

  return function handle(req: IncomingMessage, res: ServerResponse): void {
    if (answeredWithHttpFault(faults, res)) return;
    const url = new URL(req.url ?? '/', 'http://demo.invalid');
    let reply: Reply;
    try {
      if (req.method !== 'GET') throw new RequestError(404, v2ErrorBody('not_found', 'Not found'));
      reply = route(url.pathname, url.searchParams);
    } catch (error) {
      if (!(error instanceof RequestError)) throw error;
      reply = { status: error.status, body: error.body };
    }
    const kind = reply.ticker ? faults.takeGarbage() : undefined;
    const text = kind === undefined ? JSON.stringify(reply.body) : corruptCoinbase(kind, reply.body);
    res.writeHead(reply.status, { 'Content-Type': kind === 'html' ? 'text/html' : JSON_TYPE }).end(text);
  };
}
