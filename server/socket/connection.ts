/** Everything that happens on one client connection, from hello to disconnect. */
import type { Server, Socket } from 'socket.io';
import type { Logger } from 'pino';
import type {
  ClientToServerEvents,
  FeedsStatus,
  ServerHello,
  ServerToClientEvents,
} from '../../lib/protocol';
import { registerMarketHandlers } from './market-handlers';
import type { MarketDeps } from './market-handlers';
import type { RequestLimiter } from './rate-limit';
import { onUnknownEvent } from './request';
import { registerWatchlistHandlers } from './watchlist-handlers';
import type { WatchlistDeps } from './watchlist-handlers';

export type LivefolioServer = Server<ClientToServerEvents, ServerToClientEvents>;
export type LivefolioSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/** What a connection needs from the server. */
export interface ConnectionDeps {
  market: MarketDeps;
  watchlist: Omit<WatchlistDeps, 'io'>;
  limiter: RequestLimiter;
  hello: () => ServerHello;
  feedStatuses: () => FeedsStatus;
  log: Logger;
}

/** Wires a new connection: greeting, current feed health, request handlers, cleanup on disconnect. */
export function handleConnection(io: LivefolioServer, socket: LivefolioSocket, deps: ConnectionDeps): void {
  const log = deps.log.child({ socket: socket.id });
  const ctx = { socket, limiter: deps.limiter, log, events: new Set<string>() };
  registerMarketHandlers(ctx, deps.market);
  registerWatchlistHandlers(ctx, { ...deps.watchlist, io });
  onUnknownEvent(ctx);
  // A socket.io socket with no 'error' listener would throw on an error event and take the process down.
  socket.on('error', (err) => log.warn({ err }, 'socket error'));
  socket.on('disconnect', (reason) => {
    deps.market.push.remove(socket);
    deps.market.demandChanged();
    log.debug({ reason }, 'client disconnected');
  });
  socket.emit('server:hello', deps.hello());
  socket.emit('feeds:status', deps.feedStatuses());
}
