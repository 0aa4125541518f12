/**
 * Wiring step 4: socket.io and the push engine, and the demand that tells the feeds what to watch. The socket
 * server is attached to the HTTP server by the next step.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { parseCandleStreamId } from '../../lib/candle-stream';
import { PROTOCOL_VERSION } from '../../lib/protocol';
import type { SessionEnded } from '../../lib/protocol';
import { startLiveCandles } from '../candles/live-candles';
import { CandleState } from '../market/candle-state';
import type { Config } from '../config';
import type { MakeLimiter } from '../cluster/limiters';
import { createDemand } from '../demand';
import type { Demand } from '../demand';
import type { MarketState } from '../market/market-state';
import type { RequestOrigin } from '../http/proxy';
import { PushEngine } from '../push/push-engine';
import type { Subscriptions } from '../push/push-engine';
import { handleConnection } from '../socket/connection';
import type { LivefolioServer } from '../socket/connection';
import { broadcastStatus } from '../socket/feeds-broadcast';
import { createAllowRequest, createConnectCheck } from '../socket/handshake';
import { RequestLimiter } from '../socket/rate-limit';
import { sessionRoom, userRoom } from '../socket/rooms';
import type { MarketWiring } from './market';
import type { Services } from './services';
import type { Stores } from './stores';

// Requests are small; thousands of stream ids still fit, so an oversized list gets an error ack, not a cut-off.
/** The largest socket message or HTTP request body accepted. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

/** Makes what clients subscribe to in place of the push engine. */
export type SubscriptionsFactory = (
  io: LivefolioServer,
  market: MarketState,
) => Subscriptions & { close(): void };

/** What the sockets step needs. */
export interface SocketsDeps {
  config: Config;
  log: Logger;
  stores: Stores;
  market: MarketWiring;
  services: Services;
  limiters: MakeLimiter;
  origin: RequestOrigin;
  /** Stands in for the push engine as what clients subscribe to (the bench's baseline); default the engine. */
  subscriptions?: SubscriptionsFactory | undefined;
}

/** The live side of the server. */
export interface Sockets {
  /** Not yet attached to an HTTP server. */
  io: LivefolioServer;
  push: PushEngine;
  /** The live candles of the candle streams subscribed (K2). */
  candles: CandleState;
  demand: Demand;
  /** Ends every connection of a session, in every tab, telling them why (sign-out). */
  endSession(sessionId: string, reason?: SessionEnded['reason']): void;
  /** Stops pushing; the caller closes `io` after telling its clients. */
  closePush(): void;
}

/** Creates socket.io with its handshake rules, the push engine and the handling of each connection. */
export function wireSockets(deps: SocketsDeps): Sockets {
  const { config, log, stores, services } = deps;
  const { market, feeds, clusterFeeds } = deps.market;
  const { accounts, portfolio, alerts, events } = services;
  const io: LivefolioServer = new Server({
    serveClient: false,
    // Other upgrade requests (Next.js dev reloads) are Next's to answer, not to be cut off by engine.io.
    destroyUpgrade: false,
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    pingInterval: config.HEARTBEAT_INTERVAL_MS,
    pingTimeout: config.HEARTBEAT_TIMEOUT_MS,
    allowRequest: createAllowRequest({
      allowedOrigins: config.ALLOWED_ORIGINS,
      connectionsPer10s: config.CONNECTION_RATE_LIMIT,
      authenticate: services.authenticate,
      clientAddress: deps.origin.address,
      limiters: deps.limiters,
    }),
    // A handshake without a session waits this long at most for a CONNECT with a valid token (A10).
    connectTimeout: 20_000,
  });
  io.use(createConnectCheck({ checkToken: services.checkToken, clientAddress: deps.origin.address }));
  // Live candles (K2-K4): built from the market state's changes and the exchange's newest candles.
  const candles = new CandleState();
  const stopCandleTicks = market.onChange((stream, ticker) => candles.tick(stream, ticker));
  const liveCandles = startLiveCandles({
    state: candles,
    history: services.candleHistory,
    log: log.child({ module: 'candles' }),
  });
  const push = new PushEngine(
    io,
    market,
    {
      maxFrequency: config.MAX_FREQUENCY,
      slowClientBufferBytes: config.SLOW_CLIENT_BUFFER_BYTES,
      epochPrefix: `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`,
    },
    log.child({ module: 'push' }),
    candles,
  );
  // A stand-in takes every subscription (the push engine then has no groups): the market handlers call only
  // the subscription methods.
  const standIn = deps.subscriptions?.(io, market) ?? null;
  const subscriptions: Subscriptions = standIn ?? push;

  // Every user's watchlist and holdings, and every live subscription (server/demand.ts).
  const demand = createDemand({
    watched: () => stores.watchlist.allStreams(),
    holdings: async () => {
      const users = await accounts.users();
      return (await Promise.all(users.map((u) => portfolio.pricingStreams(u.id, u.quoteCurrency)))).flat();
    },
    // A candle stream is watched through its market's ticker stream.
    live: () => [
      ...alerts.streams(),
      ...subscriptions.subscribedStreams().map((s) => parseCandleStreamId(s)?.stream ?? s),
    ],
    apply: (streams) => feeds.setDemand(streams),
    failed: (err) => log.error({ err }, 'could not read what the feeds must watch'),
  });
  const demandChanged = () => {
    candles.watch(subscriptions.subscribedStreams());
    demand.changed();
  };
  events.on('portfolio:changed', () => demand.holdingsChanged());
  events.on('alerts:streams', demandChanged);
  // Holdings are priced only once their exchange's markets are known.
  let marketsKnown = '';
  feeds.onStatus((statuses) => {
    const known = statuses.map((f) => f.markets).join(',');
    if (known === marketsKnown) return;
    marketsKnown = known;
    demand.holdingsChanged();
  });

  events.on('alert:triggered', (userId, alert) => io.to(userRoom(userId)).emit('alert:triggered', { alert }));
  events.on('alerts:changed', (userId, list) => {
    io.to(userRoom(userId)).emit('alerts:changed', { alerts: list });
    // Every instance checks the ticks against the waiting alerts it knows (the database lets one of them fire
    // each alert): the others learn of this user's alerts, so they keep checking if this instance goes.
    if (clusterFeeds) io.serverSideEmit('alerts:reload', userId);
  });
  io.on('alerts:reload', (userId: unknown) => {
    if (typeof userId !== 'number') return;
    alerts.reload(userId).catch((err: unknown) => log.error({ err, userId }, 'could not reload alerts'));
  });

  const limiter = new RequestLimiter(config.EVENT_RATE_LIMIT, 10);
  io.on('connection', (socket) =>
    handleConnection(io, socket, {
      market: {
        push: subscriptions,
        catalog: feeds,
        maxStreams: config.MAX_STREAMS_PER_CLIENT,
        demandChanged,
      },
      watchlist: { store: stores.watchlist, catalog: feeds, maxSize: config.MAX_WATCHLIST, demandChanged },
      limiter,
      log,
      feedStatuses: () => ({ feeds: feeds.statuses() }),
      hello: () => ({
        protocol: PROTOCOL_VERSION,
        serverTime: Date.now(),
        simulated: feeds.simulated(),
        limits: {
          maxStreams: config.MAX_STREAMS_PER_CLIENT,
          maxFrequency: config.MAX_FREQUENCY,
          defaultFrequency: config.MAX_FREQUENCY,
        },
      }),
    }),
  );
  feeds.onStatus(broadcastStatus(io));
  // Through the adapter: with REDIS_URL, the session's connections on every instance hear it and close.
  const endSession = (sessionId: string, reason: SessionEnded['reason'] = 'signed-out') => {
    const room = sessionRoom(sessionId);
    io.to(room).emit('session:ended', { reason });
    io.in(room).disconnectSockets(true);
  };
  events.on('token:revoked', (sessionId) => endSession(sessionId, 'revoked'));

  return {
    io,
    push,
    candles,
    demand,
    endSession,
    closePush() {
      liveCandles.close();
      stopCandleTicks();
      push.close();
      standIn?.close();
    },
  };
}
