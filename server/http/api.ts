/** The REST API under /api/v1: history for charts, market search for autocomplete, feed health, the watchlist. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { streamId } from '../../lib/stream-id';
import { AppError, toAppError } from '../errors';
import type { FeedManager } from '../feeds/feed-manager';
import type { PriceHistory } from '../market/price-history';
import type { RequestLimiter } from '../socket/rate-limit';
import { describeIssues } from '../socket/schemas';
import type { WatchlistStore } from '../store/watchlist-store';

/** What the API reads from. */
export interface ApiDeps {
  feeds: FeedManager;
  history: PriceHistory;
  watchlist: WatchlistStore;
  limiter: RequestLimiter;
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

type Route = (query: Record<string, string>) => object;

/** Returns a handler that answers /api/v1/* and returns false for any other path. */
export function createApi(deps: ApiDeps): (req: IncomingMessage, res: ServerResponse) => boolean {
  const routes: Record<string, Route> = {
    '/api/v1/history': (query) => {
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
    },
    '/api/v1/markets': (query) => {
      const { exchange = deps.defaultExchange, q, limit } = parse(marketsQuery, query);
      const markets = deps.feeds.search(exchange, q, limit).map((m) => ({
        stream: streamId(exchange, m.symbol),
        symbol: m.symbol,
        base: m.base,
        quote: m.quote,
      }));
      return { exchange, markets };
    },
    '/api/v1/feeds': () => ({ feeds: deps.feeds.statuses() }),
    '/api/v1/watchlist': () => ({ streams: deps.watchlist.list() }),
  };

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/api/')) return false;
    void answer(req, res, url, routes, deps.limiter);
    return true;
  };
}

async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  routes: Record<string, Route>,
  limiter: RequestLimiter,
): Promise<void> {
  try {
    await limiter.consume(req.socket.remoteAddress ?? 'unknown');
    const route = routes[url.pathname];
    if (!route) throw new AppError('NOT_FOUND', `No API route ${url.pathname}.`);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      throw new AppError('METHOD_NOT_ALLOWED', `${url.pathname} answers GET only.`);
    }
    send(res, 200, route(Object.fromEntries(url.searchParams)));
  } catch (error) {
    const appError = toAppError(error);
    if (appError.retryAfterMs !== undefined)
      res.setHeader('Retry-After', Math.ceil(appError.retryAfterMs / 1000));
    send(res, appError.status, { error: appError.toProtocol() });
  }
}

function parse<S extends z.ZodType>(schema: S, query: Record<string, string>): z.infer<S> {
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw new AppError('BAD_REQUEST', describeIssues(parsed.error));
  return parsed.data;
}

function send(res: ServerResponse, status: number, body: object): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'no-store',
  });
  res.end(json);
}
