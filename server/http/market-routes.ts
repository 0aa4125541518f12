/** The market data routes under /api/v1: history for charts, market search for autocomplete, feed health, the watchlist. */
import { marketApi } from '../../lib/api/market';
import { streamId } from '../../lib/stream-id';
import type { Authenticated } from '../auth/accounts';
import type { Feeds } from '../feeds/catalog';
import type { PriceHistory } from '../market/price-history';
import type { WatchlistStore } from '../store/watchlist-store';
import { route, routeTable } from './router';
import type { Routes } from './router';

/** What the market routes read from. */
export interface MarketRoutesDeps {
  feeds: Feeds;
  history: PriceHistory;
  watchlist: WatchlistStore;
  defaultExchange: string;
}

/** The session of a 'user' route (the router has checked it). */
export function signedIn(auth: Authenticated | null): Authenticated {
  if (!auth) throw new Error('a user route ran without a session');
  return auth;
}

/** The market data routes; every one needs a signed-in user. */
export function marketRoutes(deps: MarketRoutesDeps): Routes {
  return routeTable(
    route(marketApi.history, {
      handle({ query }) {
        const request = query;
        const intervalMs = deps.history.resolutionMs;
        if (request.stream !== undefined) {
          deps.feeds.check(request.stream);
          return {
            stream: request.stream,
            intervalMs,
            points: deps.history.points(request.stream, request.since),
          };
        }
        const streams = request.streams ?? [];
        for (const stream of streams) deps.feeds.check(stream);
        const series = Object.fromEntries(
          streams.map((stream) => [stream, deps.history.points(stream, request.since)]),
        );
        return { intervalMs, series };
      },
    }),
    route(marketApi.markets, {
      handle({ query }) {
        const { exchange = deps.defaultExchange, q, limit } = query;
        const markets = deps.feeds.search(exchange, q, limit).map((m) => ({
          stream: streamId(exchange, m.symbol),
          symbol: m.symbol,
          base: m.base,
          quote: m.quote,
        }));
        return { exchange, markets };
      },
    }),
    route(marketApi.feeds, { handle: () => ({ feeds: deps.feeds.statuses() }) }),
    route(marketApi.watchlist, {
      handle: async ({ auth }) => ({ streams: await deps.watchlist.list(signedIn(auth).user.id) }),
    }),
  );
}
