/** The market data routes' contract (docs/protocol.md H1–H4): price history, market search, feeds, watchlist, candles. */
import * as z from 'zod/mini';
import type { CandleRow, FeedStatus } from '../protocol';
import { TIMEFRAMES } from '../timeframes';
import { defineRoute, epochMs, streamIdString, wholeNumber } from './contract';

/** Streams one history request may name. */
export const MAX_HISTORY_STREAMS = 100;

/** Candles per page unless asked otherwise, and at most. */
export const CANDLE_PAGE = { default: 300, max: 500 } as const;

const streamParam = z.string().check(z.minLength(1), z.maxLength(200));

/** H1: `stream=<id>` or `streams=<id>,<id>,…` (each named once), and `since` (ms). */
export const historyQuery = z
  .strictObject({
    stream: z.optional(streamParam),
    streams: z.optional(
      z.pipe(
        z.string().check(z.maxLength(MAX_HISTORY_STREAMS * 80)),
        z.pipe(
          z.transform((v: string) => [...new Set(v.split(',').filter(Boolean))]),
          z.array(z.string().check(z.maxLength(200))).check(z.minLength(1), z.maxLength(MAX_HISTORY_STREAMS)),
        ),
      ),
    ),
    since: z.optional(wholeNumber(0)),
  })
  .check(
    z.refine((q) => (q.stream === undefined) !== (q.streams === undefined), {
      message: 'give either stream=<id> or streams=<id>,<id>,…',
    }),
  );

/** H2: the exchange (default: the first configured), the text searched for and how many. */
export const marketsQuery = z.strictObject({
  exchange: z.optional(z.string().check(z.minLength(1), z.maxLength(40))),
  q: z._default(z.string().check(z.maxLength(40)), ''),
  limit: z._default(wholeNumber(1, 100), 20),
});

/** H4: the market, the timeframe, the page's end and size. */
export const candlesQuery = z.strictObject({
  stream: streamParam,
  timeframe: z.enum(TIMEFRAMES, { error: `timeframe must be one of ${TIMEFRAMES.join(', ')}` }),
  // Digits only: `1e3`, `0x10` or `-5` are no time in ms, though Number() would take them.
  before: z.optional(
    z.pipe(
      z.string().check(z.regex(/^\d{1,15}$/, 'before must be a time in ms since the epoch')),
      z.transform(Number),
    ),
  ),
  limit: z._default(wholeNumber(1, CANDLE_PAGE.max), CANDLE_PAGE.default),
});

/** [time in ms, last price]: the last price of each second. */
const historyPoint = z.tuple([epochMs, z.number()]);

/** [openTime, open, high, low, close, volume], all numbers. */
export const candleRow = z.tuple([
  epochMs,
  z.number(),
  z.number(),
  z.number(),
  z.number(),
  z.number(),
]) satisfies z.ZodMiniType<CandleRow>;

const streamHealth = z.object({
  state: z.enum(['live', 'stale', 'quiet', 'unpriced']),
  reason: z.nullable(z.string()),
  since: epochMs,
  via: z.enum(['stream', 'poll']),
});

/** The health of one exchange feed. */
export const feedStatus = z
  .object({
    exchange: z.string(),
    state: z.enum(['connecting', 'live', 'stale', 'down']),
    simulated: z.boolean(),
    mode: z.nullable(z.enum(['watchTickers', 'watchTicker', 'poll'])),
    lastTickAt: z.nullable(epochMs),
    reconnects: z.number(),
    invalidTicks: z.number(),
    lastError: z.nullable(z.object({ message: z.string(), at: epochMs })),
    markets: z.number(),
    streams: z.record(z.string(), streamHealth),
  })
  .register(z.globalRegistry, { id: 'FeedStatus' }) satisfies z.ZodMiniType<FeedStatus>;

export const marketApi = {
  history: defineRoute({
    method: 'GET',
    path: '/api/v1/history',
    rule: 'H1',
    summary: 'The last price of each second of one stream (stream=) or several (streams=), oldest first',
    access: 'user',
    query: historyQuery,
    answer: z.union([
      z.object({ stream: streamIdString, intervalMs: z.number(), points: z.array(historyPoint) }),
      z.object({ intervalMs: z.number(), series: z.record(z.string(), z.array(historyPoint)) }),
    ]),
  }),
  markets: defineRoute({
    method: 'GET',
    path: '/api/v1/markets',
    rule: 'H2',
    summary: 'Active markets of an exchange matching a search, for autocomplete',
    access: 'user',
    query: marketsQuery,
    answer: z.object({
      exchange: z.string(),
      markets: z.array(
        z.object({ stream: streamIdString, symbol: z.string(), base: z.string(), quote: z.string() }),
      ),
    }),
  }),
  feeds: defineRoute({
    method: 'GET',
    path: '/api/v1/feeds',
    rule: 'H3',
    summary: "Each exchange feed's health",
    access: 'user',
    answer: z.object({ feeds: z.array(feedStatus) }),
  }),
  watchlist: defineRoute({
    method: 'GET',
    path: '/api/v1/watchlist',
    rule: 'H3',
    summary: "The signed-in user's watchlist",
    access: 'user',
    answer: z.object({ streams: z.array(streamIdString) }),
  }),
  candles: defineRoute({
    method: 'GET',
    path: '/api/v1/candles',
    rule: 'H4',
    summary: "A market's closed candles of a timeframe, oldest first, paged back with `before`",
    access: 'user',
    query: candlesQuery,
    answer: z.object({
      stream: streamIdString,
      timeframe: z.enum(TIMEFRAMES),
      candles: z.array(candleRow),
      more: z.boolean(),
    }),
  }),
};
