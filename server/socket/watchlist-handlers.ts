/** watchlist:* requests: read and change the signed-in user's persisted watchlist. */
import type { Server } from 'socket.io';
import type { Watchlist } from '../../lib/protocol';
import { AppError, text } from '../errors';
import type { MarketCatalog } from '../feeds/catalog';
import type { WatchlistStore } from '../store/watchlist-store';
import type { RequestContext } from './request';
import { userRoom } from './rooms';
import { onRequest } from './request';
import { emptySchema, watchlistChangeSchema } from './schemas';

/** What the watchlist requests need from the server. */
export interface WatchlistDeps {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  io: Server<any, any, any, any>;
  store: WatchlistStore;
  /** Whose list: the connection's user, from its session. */
  userId: number;
  catalog: MarketCatalog;
  maxSize: number;
  demandChanged: () => void;
  /** False for a connection signed in by a read-only token (A10): it reads the list and changes nothing. */
  mayChange: boolean;
}

/** Registers the watchlist requests on one connection. */
export function registerWatchlistHandlers(ctx: RequestContext, deps: WatchlistDeps): void {
  const { store, catalog, userId } = deps;
  const watchlist = async (): Promise<{ watchlist: Watchlist }> => ({
    watchlist: { streams: await store.list(userId) },
  });
  // Every open tab of this user hears of a change, the one that made it included, so they never drift apart.
  const changed = async () => {
    const result = await watchlist();
    deps.io.to(userRoom(userId)).emit('watchlist:changed', result.watchlist);
    deps.demandChanged();
    return result;
  };

  onRequest(ctx, 'watchlist:get', emptySchema, watchlist);

  const mayChange = () => {
    if (!deps.mayChange) throw new AppError('FORBIDDEN', text('errors', 'tokenReadOnly'));
  };

  onRequest(ctx, 'watchlist:add', watchlistChangeSchema, async ({ stream }) => {
    mayChange();
    catalog.check(stream);
    const streams = await store.list(userId);
    if (streams.includes(stream)) return watchlist();
    if (streams.length >= deps.maxSize) {
      throw new AppError('TOO_MANY_STREAMS', text('errors', 'watchlistFull', { max: String(deps.maxSize) }));
    }
    await store.add(userId, stream);
    return changed();
  });

  onRequest(ctx, 'watchlist:remove', watchlistChangeSchema, async ({ stream }) => {
    mayChange();
    return (await store.remove(userId, stream)) ? changed() : watchlist();
  });
}
