/** The candle history route under /api/v1 (docs/protocol.md H4): closed candles of a market, paged back. */
import { z } from 'zod';
import { streamId } from '../../lib/stream-id';
import type { CandleHistory } from '../candles/candle-history';
import { TIMEFRAMES } from '../../lib/timeframes';
import type { MarketCatalog } from '../feeds/catalog';
import { signedIn } from './market-routes';
import { parse } from './router';
import type { Routes } from './router';

/** What the candle route reads from. */
export interface CandleRoutesDeps {
  catalog: MarketCatalog;
  candles: CandleHistory;
}

/** Candles per page unless asked otherwise, and at most. */
export const CANDLE_PAGE = { default: 300, max: 500 } as const;

const candlesQuery = z.strictObject({
  stream: z.string().min(1).max(200),
  timeframe: z.enum(TIMEFRAMES, { error: `timeframe must be one of ${TIMEFRAMES.join(', ')}` }),
  // Digits only: `1e3`, `0x10` or `-5` are no time in ms, though Number() would take them.
  before: z
    .string()
    .regex(/^\d{1,15}$/, 'before must be a time in ms since the epoch')
    .transform(Number)
    .optional(),
  limit: z.coerce.number().int().min(1).max(CANDLE_PAGE.max).default(CANDLE_PAGE.default),
});

/** GET /api/v1/candles, for signed-in users. */
export function candleRoutes(deps: CandleRoutesDeps): Routes {
  return {
    '/api/v1/candles': {
      GET: {
        access: 'user',
        async handle({ query, auth }) {
          signedIn(auth);
          const { stream, timeframe, before, limit } = parse(candlesQuery, query);
          const ref = deps.catalog.check(stream);
          const page = await deps.candles.candles(streamId(ref.exchange, ref.symbol), timeframe, {
            before,
            limit,
          });
          return { stream, timeframe, candles: page.candles, more: page.more };
        },
      },
    },
  };
}
