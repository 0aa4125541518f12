/** Everything that happens on one client connection, from hello to disconnect. */
import type { Server, Socket } from 'socket.io';
import type { Logger } from 'pino';
import type {
  ClientToServerEvents,
  FeedsStatus,
  ServerHello,
  ServerToClientEvents,
  SessionEnded,
} from '../../lib/protocol';
import { mayWrite } from '../auth/accounts';
import { atTime } from './at-time';
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
  watchlist: Omit<WatchlistDeps, 'io' | 'userId' | 'mayChange'>;
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
  const auth = handshakeAuth(socket.request);
  const { user, session } = auth;
  const log = deps.log.child({ socket: socket.id, user: user.id });
  void socket.join([userRoom(user.id), sessionRoom(session.id)]);
  const ctx = { socket, limiter: deps.limiter, log, events: new Set<string>() };
  registerMarketHandlers(ctx, deps.market);
  registerWatchlistHandlers(ctx, { ...deps.watchlist, io, userId: user.id, mayChange: mayWrite(auth) });
  // An expired session or token ends its connections too; signing out and revoking end them at once.
  const expiry = atTime(session.expiresAt, () => endSession(socket, 'expired'));
  onUnknownEvent(ctx);
  // A socket.io socket with no 'error' listener would throw on an error event and take the process down.
  socket.on('error', (err) => log.warn({ err }, 'socket error'));
  socket.on('disconnect', (reason) => {
    expiry.cancel();
    deps.market.push.remove(socket);
    deps.market.demandChanged();
    log.debug({ reason }, 'client disconnected');
  });
  socket.emit('server:hello', deps.hello());
  socket.emit('feeds:status', deps.feedStatuses());
}

/** Tells a connection why its session is over, then closes it; the client signs in again rather than retry. */
export function endSession(socket: LivefolioSocket, reason: SessionEnded['reason']): void {
  socket.emit('session:ended', { reason });
  socket.disconnect(true);
}
