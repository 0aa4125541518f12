/** The candle history route under /api/v1 (docs/protocol.md H4): closed candles of a market, paged back. */
import { marketApi } from '../../lib/api/market';
import { streamId } from '../../lib/stream-id';
import type { CandleHistory } from '../candles/candle-history';
import type { MarketCatalog } from '../feeds/catalog';
import { signedIn } from './market-routes';
import { route, routeTable } from './router';
import type { Routes } from './router';

/** What the candle route reads from. */
export interface CandleRoutesDeps {
  catalog: MarketCatalog;
  candles: CandleHistory;
}

/** GET /api/v1/candles, for signed-in users. */
export function candleRoutes(deps: CandleRoutesDeps): Routes {
  return routeTable(
    route(marketApi.candles, {
      async handle({ query, auth }) {
        signedIn(auth);
        const { stream, timeframe, before, limit } = query;
        const ref = deps.catalog.check(stream);
        const page = await deps.candles.candles(streamId(ref.exchange, ref.symbol), timeframe, {
          before,
          limit,
        });
        return { stream, timeframe, candles: page.candles, more: page.more };
      },
    }),
  );
}
