/** HTTP side of the simulated Binance account: the signed endpoints ccxt calls once it has an API key. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BinanceRequestError, mandatory } from '../binance-params';
import { errorBody } from '../binance-wire';
import type { WireObject } from '../binance-wire';
import type { FaultControl } from '../faults';
import { answeredWithHttpFault, htmlPage } from '../garbage';
import type { MarketSpec } from '../markets';
import type { WeightMeter } from '../weight-meter';
import { coinsOf } from './coins';
import type { AccountFaultControl, DividendGarbage, TradeGarbage } from './faults';
import type { DemoApiKey } from './keys';
import type { AccountLedger } from './ledger';
import {
  booleanParameter,
  onlyParameters,
  selectDeposits,
  selectDividends,
  selectTrades,
  selectWithdrawals,
} from './queries';
import { verifyRequest } from './signed-request';
import type { Security } from './signed-request';
import {
  accountBody,
  apiRestrictionsBody,
  coinEntry,
  depositEntry,
  dividendEntry,
  myTradeEntry,
  withdrawalEntry,
} from './wire';

/** What the handler reads. */
export interface AccountHandlerDeps {
  /** The account's book, built on first use. */
  ledger: () => AccountLedger;
  markets: readonly MarketSpec[];
  /** The exchange-wide switches (httpErrors), which the signed endpoints obey like the public ones. */
  faults: FaultControl;
  accountFaults: AccountFaultControl;
  now: () => number;
  /** The spot API's weight budget (shared with the public endpoints) and the wallet API's own. */
  weights: { api: WeightMeter; sapi: WeightMeter };
  /** The end of the account's history, which the keys' creation times are counted back from. */
  historyEnd: number;
  uid: number;
}

/** One endpoint: who may call it, what it costs, which parameters it reads and what it answers. */
interface Route {
  security: Security;
  meter: 'api' | 'sapi';
  weight: (params: URLSearchParams) => number;
  params: readonly string[];
  answer: (params: URLSearchParams, key: DemoApiKey) => unknown;
}

const JSON_TYPE = 'application/json;charset=UTF-8';
const TOO_MUCH_WEIGHT =
  'Too much request weight used; current limit is 6000 request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.';

/** The account's HTTP handler and the paths it answers; every other path stays with the public handler. */
export function createAccountHandler(deps: AccountHandlerDeps): {
  serves(path: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse): void;
} {
  const { markets, now } = deps;
  const ledger = deps.ledger;
  const coins = coinsOf(markets);
  const routes: Readonly<Record<string, Route>> = {
    '/api/v3/account': {
      security: 'USER_DATA',
      meter: 'api',
      weight: () => 20,
      params: ['omitZeroBalances'],
      answer: (params) =>
        accountBody(
          ledger().balances(),
          ledger().updateTime(),
          deps.uid,
          booleanParameter(params, 'omitZeroBalances', false),
        ),
    },
    '/api/v3/myTrades': {
      security: 'USER_DATA',
      meter: 'api',
      weight: (params) => (params.has('orderId') ? 5 : 20),
      params: ['symbol', 'orderId', 'startTime', 'endTime', 'fromId', 'limit'],
      answer(params) {
        const spec = markets.find((market) => market.id === mandatory(params, 'symbol'));
        if (spec === undefined) throw new BinanceRequestError(400, -1121, 'Invalid symbol.');
        const own = ledger()
          .trades()
          .filter((trade) => trade.symbol === spec.symbol);
        const entries = selectTrades(own, params).map((trade) => myTradeEntry(trade, spec));
        const spoil = entries.length > 0 ? deps.accountFaults.takeGarbage() : undefined;
        if (spoil !== undefined) entries[0] = spoilTrade(entries[0] as WireObject, spoil);
        return entries;
      },
    },
    '/sapi/v1/capital/deposit/hisrec': {
      security: 'USER_DATA',
      meter: 'sapi',
      weight: () => 1,
      params: ['includeSource', 'coin', 'status', 'startTime', 'endTime', 'offset', 'limit', 'txId'],
      answer: (params) => {
        const includeSource = booleanParameter(params, 'includeSource', false);
        return selectDeposits(ledger().deposits(), params, now()).map((d) => depositEntry(d, includeSource));
      },
    },
    '/sapi/v1/capital/withdraw/history': {
      security: 'USER_DATA',
      meter: 'sapi',
      // Binance counts this one against a per-second budget of its own; the demo keeps one minute budget.
      weight: () => 1,
      params: ['coin', 'withdrawOrderId', 'status', 'offset', 'limit', 'idList', 'startTime', 'endTime'],
      answer: (params) => selectWithdrawals(ledger().withdrawals(), params, now()).map(withdrawalEntry),
    },
    '/sapi/v1/asset/assetDividend': {
      security: 'USER_DATA',
      meter: 'sapi',
      weight: () => 10,
      params: ['asset', 'startTime', 'endTime', 'limit'],
      answer: (params) => {
        const { rows, total } = selectDividends(ledger().dividends(), params, now());
        const entries = rows.map(dividendEntry);
        const spoil = entries.length > 0 ? deps.accountFaults.takeDividendGarbage() : undefined;
        if (spoil !== undefined) entries[0] = spoilDividend(entries[0] as WireObject, spoil);
        return { rows: entries, total };
      },
    },
    '/sapi/v1/account/apiRestrictions': {
      security: 'USER_DATA',
      meter: 'sapi',
      weight: () => 1,
      params: [],
      answer: (_params, key) => apiRestrictionsBody(key, deps.historyEnd),
    },
    '/sapi/v1/capital/config/getall': {
      security: 'USER_DATA',
      meter: 'sapi',
      weight: () => 10,
      params: [],
      answer: () => {
        const balances = new Map(ledger().balances());
        return coins.flatMap((coin) => {
          const free = balances.get(coin.coin);
          return free === undefined ? [] : [coinEntry(coin, free)];
        });
      },
    },
    // ccxt's loadMarkets asks for the margin pairs once it holds a key; the demo trades spot only, so none.
    '/sapi/v1/margin/allPairs': {
      security: 'MARKET_DATA',
      meter: 'sapi',
      weight: () => 1,
      params: ['symbol'],
      answer: () => [],
    },
    '/sapi/v1/margin/isolated/allPairs': {
      security: 'USER_DATA',
      meter: 'sapi',
      weight: () => 10,
      params: ['symbol'],
      answer: () => [],
    },
  };

  function reply(
    req: IncomingMessage,
    route: Route,
    url: URL,
    headers: Record<string, string>,
  ): [number, unknown] {
    if (req.method !== 'GET') {
      throw new BinanceRequestError(404, -5000, `Path ${url.pathname}, Method ${req.method} is invalid`);
    }
    const apiKey = req.headers['x-mbx-apikey'];
    const raw = {
      apiKey: Array.isArray(apiKey) ? apiKey.join(',') : apiKey,
      query: url.search.slice(1),
      body: '',
    };
    const { key, params } = verifyRequest(raw, route.security, now());
    onlyParameters(params, route.params);
    Object.assign(headers, deps.weights[route.meter].add(route.weight(params) - 1));
    return [200, route.answer(params, key)];
  }

  return {
    serves: (path) => Object.hasOwn(routes, path),
    handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://demo.invalid');
      const route = routes[url.pathname];
      if (route === undefined) throw new Error(`demo account: no route for ${url.pathname}`);
      // Every request costs at least 1 before anything is checked, as Binance counts refused requests too.
      const headers = deps.weights[route.meter].add(1);
      if (answeredWithHttpFault(deps.faults, res, headers)) return;
      if (deps.accountFaults.isDown()) {
        res.writeHead(503, { ...headers, 'Content-Type': 'text/html' }).end(htmlPage(503));
        return;
      }
      const retryAfter = deps.accountFaults.takeRateLimit();
      if (retryAfter !== undefined) {
        const body = JSON.stringify(errorBody(-1003, TOO_MUCH_WEIGHT));
        res
          .writeHead(429, { ...headers, 'Retry-After': String(retryAfter), 'Content-Type': JSON_TYPE })
          .end(body);
        return;
      }
      let status: number;
      let body: unknown;
      try {
        [status, body] = reply(req, route, url, headers);
      } catch (error) {
        if (!(error instanceof BinanceRequestError)) throw error;
        [status, body] = [error.status, errorBody(error.code, error.message)];
      }
      res.writeHead(status, { ...headers, 'Content-Type': JSON_TYPE }).end(JSON.stringify(body));
    },
  };
}

/** A myTrades entry as an exchange with a bug might send it (faults.garbage). */
function spoilTrade(entry: WireObject, kind: TradeGarbage): WireObject {
  if (kind === 'negative-fee') return { ...entry, commission: `-${String(entry.commission)}` };
  if (kind === 'absurd-amount') return { ...entry, qty: '1e308' };
  return { ...entry, commissionAsset: '$#!' };
}

/** An assetDividend row as an exchange with a bug might send it (faults.dividendGarbage). */
function spoilDividend(entry: WireObject, kind: DividendGarbage): WireObject {
  if (kind === 'negative-amount') return { ...entry, amount: `-${String(entry.amount)}` };
  if (kind === 'unknown-asset') return { ...entry, asset: '$#!' };
  return Object.fromEntries(Object.entries(entry).filter(([name]) => name !== 'divTime'));
}
