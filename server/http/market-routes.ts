/** The market data routes under /api/v1: history for charts, market search for autocomplete, feed health, the watchlist. */
import { streamId } from '../../lib/stream-id';
import type { Authenticated } from '../auth/accounts';
import type { Feeds } from '../feeds/catalog';
import type { PriceHistory } from '../market/price-history';
import type { WatchlistStore } from '../store/watchlist-store';
import { z } from 'zod';
import { parse } from './router';
import type { RouteContext, Routes } from './router';

/** What the market routes read from. */
export interface MarketRoutesDeps {
  feeds: Feeds;
  history: PriceHistory;
  watchlist: WatchlistStore;
  defaultExchange: string;
}

const MAX_HISTORY_STREAMS = 100;

const historyQuery = z
  .strictObject({
    stream: z.string().min(1).max(200).optional(),
    streams: z
      .string()
      .max(MAX_HISTORY_STREAMS * 80)
      .transform((v) => [...new Set(v.split(',').filter(Boolean))])
      .pipe(z.array(z.string().max(200)).min(1).max(MAX_HISTORY_STREAMS))
      .optional(),
    since: z.coerce.number().int().nonnegative().optional(),
  })
  .refine((q) => (q.stream === undefined) !== (q.streams === undefined), {
    message: 'give either stream=<id> or streams=<id>,<id>,…',
  });

const marketsQuery = z.strictObject({
  exchange: z.string().min(1).max(40).optional(),
  q: z.string().max(40).default(''),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** A GET route for signed-in users. */
const get = (handle: (ctx: RouteContext) => object | Promise<object>) => ({
  GET: { access: 'user' as const, handle },
});

/** The session of a 'user' route (the router has checked it). */
export function signedIn(auth: Authenticated | null): Authenticated {
  if (!auth) throw new Error('a user route ran without a session');
  return auth;
}

/** The market data routes; every one needs a signed-in user. */
export function marketRoutes(deps: MarketRoutesDeps): Routes {
  return {
    '/api/v1/history': get(({ query }) => {
      const request = parse(historyQuery, query);
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
    }),
    '/api/v1/markets': get(({ query }) => {
      const { exchange = deps.defaultExchange, q, limit } = parse(marketsQuery, query);
      const markets = deps.feeds.search(exchange, q, limit).map((m) => ({
        stream: streamId(exchange, m.symbol),
        symbol: m.symbol,
        base: m.base,
        quote: m.quote,
      }));
      return { exchange, markets };
    }),
    '/api/v1/feeds': get(() => ({ feeds: deps.feeds.statuses() })),
    '/api/v1/watchlist': get(async ({ auth }) => ({
      streams: await deps.watchlist.list(signedIn(auth).user.id),
    })),
  };
}
