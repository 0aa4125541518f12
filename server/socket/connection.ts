/** Everything that happens on one client connection, from hello to disconnect. */
import type { Server, Socket } from 'socket.io';
import type { Logger } from 'pino';
import type {
  ClientToServerEvents,
  FeedsStatus,
  ServerHello,
  ServerToClientEvents,
} from '../../lib/protocol';
import { handshakeAuth } from './handshake';
import { registerMarketHandlers } from './market-handlers';
import type { MarketDeps } from './market-handlers';
import type { RequestLimiter } from './rate-limit';
import { onUnknownEvent } from './request';
import { sessionRoom, userRoom } from './rooms';
import { registerWatchlistHandlers } from './watchlist-handlers';
import type { WatchlistDeps } from './watchlist-handlers';

export type LivefolioServer = Server<ClientToServerEvents, ServerToClientEvents>;
export type LivefolioSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/** What a connection needs from the server. */
export interface ConnectionDeps {
  market: MarketDeps;
  watchlist: Omit<WatchlistDeps, 'io' | 'userId'>;
  limiter: RequestLimiter;
  hello: () => ServerHello;
  feedStatuses: () => FeedsStatus;
  log: Logger;
}

/**
 * Wires a new connection: its user's rooms, greeting, current feed health, request handlers, the end of its
 * session, cleanup on disconnect.
 */
export function handleConnection(io: LivefolioServer, socket: LivefolioSocket, deps: ConnectionDeps): void {
  const { user, session } = handshakeAuth(socket.request);
  const log = deps.log.child({ socket: socket.id, user: user.id });
  void socket.join([userRoom(user.id), sessionRoom(session.id)]);
  const ctx = { socket, limiter: deps.limiter, log, events: new Set<string>() };
  registerMarketHandlers(ctx, deps.market);
  registerWatchlistHandlers(ctx, { ...deps.watchlist, io, userId: user.id });
  // An expired session ends its connections too; signing out ends them at once (server/app.ts). Sessions last
  // at most 24 days (SESSION_TTL_HOURS), within what setTimeout can wait.
  const expiry = setTimeout(() => endSession(socket, 'expired'), Math.max(0, session.expiresAt - Date.now()));
  expiry.unref();
  onUnknownEvent(ctx);
  // A socket.io socket with no 'error' listener would throw on an error event and take the process down.
  socket.on('error', (err) => log.warn({ err }, 'socket error'));
  socket.on('disconnect', (reason) => {
    clearTimeout(expiry);
    deps.market.push.remove(socket);
    deps.market.demandChanged();
    log.debug({ reason }, 'client disconnected');
  });
  socket.emit('server:hello', deps.hello());
  socket.emit('feeds:status', deps.feedStatuses());
}

/** Tells a connection why its session is over, then closes it; the client signs in again rather than retry. */
export function endSession(socket: LivefolioSocket, reason: 'signed-out' | 'expired'): void {
  socket.emit('session:ended', { reason });
  socket.disconnect(true);
}
