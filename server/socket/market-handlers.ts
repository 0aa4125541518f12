/** market:* requests: subscribe, unsubscribe, resync. */
import { isCandleStreamId, parseCandleStreamId } from '../../lib/candle-stream';
import type { StreamId } from '../../lib/protocol';
import { TIMEFRAMES } from '../../lib/timeframes';
import { AppError, text } from '../errors';
import type { MarketCatalog } from '../feeds/catalog';
import type { Subscriptions } from '../push/push-engine';
import type { RequestContext } from './request';
import { onRequest } from './request';
import { emptySchema, subscribeSchema, unsubscribeSchema } from './schemas';

/** What the market requests need from the server. */
export interface MarketDeps {
  push: Subscriptions;
  catalog: MarketCatalog;
  maxStreams: number;
  /** Called after a subscription changed, so feeds watch what clients want. */
  demandChanged: () => void;
}

/** Registers the market requests on one connection. */
export function registerMarketHandlers(ctx: RequestContext, deps: MarketDeps): void {
  const { push, catalog, maxStreams } = deps;
  const current = () => push.subscriptionOf(ctx.socket);

  onRequest(ctx, 'market:subscribe', subscribeSchema, ({ streams, maxFrequency }) => {
    const held = new Set<StreamId>(current()?.streams ?? []);
    const added = streams.filter((s) => !held.has(s));
    const count = held.size + new Set(added).size;
    if (count > maxStreams) {
      throw new AppError(
        'TOO_MANY_STREAMS',
        text('errors', 'tooManySubscriptions', { max: String(maxStreams), count: String(count) }),
      );
    }
    // Every new stream is checked before anything changes: one bad stream refuses the whole request.
    for (const stream of added) checkStream(catalog, stream);
    const result = push.subscribe(ctx.socket, [...held, ...added], maxFrequency ?? current()?.maxFrequency);
    deps.demandChanged();
    return result;
  });

  onRequest(ctx, 'market:unsubscribe', unsubscribeSchema, ({ streams }) => {
    const drop = new Set(streams);
    const sub = current();
    const remaining = (sub?.streams ?? []).filter((s) => !drop.has(s));
    const result = push.subscribe(ctx.socket, remaining, sub?.maxFrequency);
    deps.demandChanged();
    return result;
  });

  onRequest(ctx, 'market:resync', emptySchema, () => push.resync(ctx.socket));
}

/** A ticker stream the catalog knows (R3), or a candle stream of one with a listed timeframe (K1). */
function checkStream(catalog: MarketCatalog, stream: StreamId): void {
  if (!isCandleStreamId(stream)) {
    catalog.check(stream);
    return;
  }
  const ref = parseCandleStreamId(stream);
  if (!ref)
    throw new AppError(
      'BAD_REQUEST',
      text('errors', 'notCandleStream', { stream, timeframes: TIMEFRAMES.join(', ') }),
    );
  catalog.check(ref.stream);
}
