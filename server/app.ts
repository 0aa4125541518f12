/** createApp: the whole server wired together (feeds, market state, push engine, socket.io, API), not yet listening. */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import type { Socket as EngineSocket } from 'engine.io';
import { PROTOCOL_VERSION } from '../lib/protocol';
import type { StreamId } from '../lib/protocol';
import { streamId } from '../lib/stream-id';
import type { Config } from './config';
import type { FeedOptions } from './feeds/exchange-feed';
import { CcxtCandleSource } from './feeds/candles';
import type { Feeds } from './feeds/catalog';
import { FeedManager } from './feeds/feed-manager';
import type { ExchangeSpec } from './feeds/types';
import { AlertService } from './alerts/alert-service';
import { Accounts } from './auth/accounts';
import { LoginLimiter } from './auth/login-limiter';
import { sessionToken } from './auth/session-cookie';
import { alertRoutes } from './http/alert-routes';
import { authRoutes } from './http/auth-routes';
import { marketRoutes } from './http/market-routes';
import { portfolioRoutes } from './http/portfolio-routes';
import { createPageGate } from './http/page-gate';
import { requestOrigin } from './http/proxy';
import { createClusterLinks } from './cluster/links';
import { createHttpServer } from './http/http-server';
import { createOpsHandler, notReadyReasons } from './http/ops-routes';
import { createRouter } from './http/router';
import { createMetrics } from './metrics';
import { MarketState } from './market/market-state';
import { PriceHistory } from './market/price-history';
import { NaivePush } from './push/naive-push';
import { PushEngine } from './push/push-engine';
import type { Subscriptions } from './push/push-engine';
import { createDemand } from './demand';
import { handleConnection } from './socket/connection';
import { broadcastStatus } from './socket/feeds-broadcast';
import type { LivefolioServer } from './socket/connection';
import { allowedOriginSet, createAllowRequest, originAllowed } from './socket/handshake';
import { RequestLimiter } from './socket/rate-limit';
import { sessionRoom, userRoom } from './socket/rooms';
import { AlertStore } from './store/alert-store';
import { openStorage } from './store/db';
import { PortfolioService } from './portfolio/portfolio-service';
import { ValueBackfill } from './portfolio/value-backfill';
import { startValueRecorder } from './portfolio/value-recorder';
import { PricingStore } from './store/pricing-store';
import { SessionStore } from './store/session-store';
import { TransactionStore } from './store/transaction-store';
import { ValueHistoryStore } from './store/value-history-store';
import { UserStore } from './store/user-store';
import { WatchlistStore } from './store/watchlist-store';

/** Markets on the first exchange that a new installation watches. */
export const DEFAULT_WATCHLIST_SYMBOLS = ['BTC/USDT', 'ETH/USDT', 'SOL/USDT'];

// Requests are small; thousands of stream ids still fit, so an oversized list gets an error ack, not a cut-off.
const MAX_MESSAGE_BYTES = 64 * 1024;

/** What createApp needs; everything with a side effect is passed in. */
export interface AppOptions {
  config: Config;
  log: Logger;
  exchanges: readonly ExchangeSpec[];
  /** SQLite file, when DATABASE_URL is unset; defaults to DATA_DIR/livefolio.db. */
  databaseFile?: string;
  /** Serves everything that is not the API or socket.io (the Next.js request handler); 404 when absent. */
  pageHandler?: (req: IncomingMessage, res: ServerResponse) => void;
  feedOptions?: Partial<FeedOptions>;
  /** A new account's watchlist (W2); default DEFAULT_WATCHLIST_SYMBOLS on the first exchange. */
  defaultWatchlist?: readonly StreamId[];
  /**
   * Benchmark baseline only (scripts/bench.ts): 'naive' sends every tick in full to every subscriber, without
   * throttle, conflation or diffs (server/push/naive-push.ts). Default 'throttled', the real protocol.
   */
  pushMode?: 'throttled' | 'naive';
}

/** The wired server. */
export interface App {
  http: HttpServer;
  io: LivefolioServer;
  market: MarketState;
  feeds: Feeds;
  push: PushEngine;
  watchlist: WatchlistStore;
  accounts: Accounts;
  /** Creates the ADMIN_* account when set and missing, starts the feeds and listens; resolves with the address. */
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Stops everything and releases every resource. */
  close(): Promise<void>;
}

/** Opens and migrates the database and wires the server; nothing listens and no feed runs until `listen`. */
export async function createApp(options: AppOptions): Promise<App> {
  const { config, log } = options;
  const storage = await openStorage(
    config.DATABASE_URL
      ? { url: config.DATABASE_URL }
      : { file: options.databaseFile ?? join(config.DATA_DIR, 'livefolio.db') },
  );
  log.info({ engine: storage.engine, database: storage.location }, 'database ready');
  const watchlist = new WatchlistStore(storage);
  const market = new MarketState();
  const history = new PriceHistory(config.HISTORY_SECONDS);
  market.onChange((stream, ticker) => {
    if (ticker.last !== null && !ticker.stale) history.record(stream, ticker.receivedAt, ticker.last);
  });
  const feedOptions: Partial<FeedOptions> = { ...options.feedOptions };
  if (config.FEED_STALL_MS !== undefined) feedOptions.watchdogMs = config.FEED_STALL_MS;
  // With REDIS_URL, instances share their broadcasts (the socket.io adapter, set up in listen), rate limits and
  // the exchange feeds: one instance runs them, the others take its market state from Redis.
  const cluster = createClusterLinks(config, log);
  const { limiters } = cluster;
  const runFeeds = () => new FeedManager(options.exchanges, market, log, feedOptions);
  const clusterFeeds = cluster.feeds?.({ specs: options.exchanges, market, local: runFeeds }) ?? null;
  const feeds: Feeds = clusterFeeds ?? runFeeds();
  // Work done once per cluster, not once per instance: the instance that runs the feeds does it.
  const runsFeeds = () => clusterFeeds?.leading ?? true;
  const firstExchange = options.exchanges[0]?.id ?? 'binance';
  const sessionTtlMs = config.SESSION_TTL_HOURS * 3_600_000;
  const sessions = new SessionStore(storage, sessionTtlMs);
  const accounts = new Accounts({
    users: new UserStore(storage),
    sessions,
    watchlist,
    defaultWatchlist:
      options.defaultWatchlist ?? DEFAULT_WATCHLIST_SYMBOLS.map((symbol) => streamId(firstExchange, symbol)),
  });
  const authenticate = (req: IncomingMessage) => accounts.authenticate(sessionToken(req));
  const origin = requestOrigin(config.TRUST_PROXY);
  const valueHistory = new ValueHistoryStore(storage);
  const exchangeIds = options.exchanges.map((e) => e.id);
  const portfolio = new PortfolioService({
    transactions: new TransactionStore(storage),
    market,
    prices: {
      exchanges: () => exchangeIds,
      hasMarket: (exchange, symbol) => feeds.hasMarket(exchange, symbol),
    },
    choices: new PricingStore(storage),
    changed: (userId) => portfolioChanged(userId),
  });
  const candles = new CcxtCandleSource(options.exchanges, log.child({ module: 'candles' }));
  const backfill = new ValueBackfill({
    portfolio,
    currency: async (userId) => (await accounts.settings(userId)).quoteCurrency,
    users: async () => (await accounts.users()).map((u) => u.id),
    candles,
    store: valueHistory,
    log: log.child({ module: 'backfill' }),
    active: runsFeeds,
  });
  // The candle requests for everyone are made once per cluster, by each new feed leader.
  clusterFeeds?.onLeading(() => backfill.scheduleAll());
  const portfolioChanged = (userId: number) => {
    holdingsChanged();
    backfill.schedule(userId);
  };
  // Called only once `io` exists: alerts load at once, but fire only on ticks, which start with `listen`.
  const alerts = new AlertService({
    store: new AlertStore(storage),
    catalog: feeds,
    ticker: (stream) => market.get(stream),
    triggered: (userId, alert) => io.to(userRoom(userId)).emit('alert:triggered', { alert }),
    changed: (userId, list) => {
      io.to(userRoom(userId)).emit('alerts:changed', { alerts: list });
      // Every instance checks the ticks against the waiting alerts it knows (the database lets one of them fire
      // each alert): the others learn of this user's alerts, so they keep checking if this instance goes.
      if (clusterFeeds) io.serverSideEmit('alerts:reload', userId);
    },
    streamsChanged: () => demandChanged(),
    failed: (err) => log.error({ err }, 'could not fire alerts'),
  });
  await alerts.load();
  market.onChange((stream, ticker) => void alerts.tick(stream, ticker));
  const allowedOrigins = allowedOriginSet(config.ALLOWED_ORIGINS);

  // Signing out in one tab ends the session's connections in every tab (called only after `io` exists).
  const onSignOut = (session: { id: string }) => {
    const room = sessionRoom(session.id);
    io.to(room).emit('session:ended', { reason: 'signed-out' });
    io.in(room).disconnectSockets(true);
  };
  const api = createRouter(
    {
      ...marketRoutes({ feeds, history, watchlist, defaultExchange: firstExchange }),
      ...portfolioRoutes(
        portfolio,
        accounts,
        { store: valueHistory, intervalMs: config.PORTFOLIO_SNAPSHOT_SECONDS * 1000, backfill },
        portfolioChanged,
      ),
      ...alertRoutes(alerts),
      ...authRoutes({
        accounts,
        limiter: new LoginLimiter(limiters),
        sessionTtlMs,
        cookieSecure: config.COOKIE_SECURE,
        origin,
        onSignOut,
        log: log.child({ module: 'auth' }),
      }),
    },
    {
      limiter: new RequestLimiter(config.HTTP_RATE_LIMIT, 10, limiters, 'http'),
      authenticate,
      originAllowed: (req) => originAllowed(req, allowedOrigins),
      maxBodyBytes: MAX_MESSAGE_BYTES,
      clientAddress: origin.address,
    },
  );
  const pageGate = createPageGate({
    signedIn: async (req) => (await authenticate(req)) !== null,
    needsSetup: () => accounts.needsSetup(),
  });
  // Read when scraped, by which time the socket server and the push engine exist.
  const metrics = createMetrics({
    clients: () => io.engine.clientsCount,
    push: () => push.stats(),
    feeds: () => feeds.statuses(),
    ...(cluster.connected ? { redis: cluster.connected } : {}),
    ...(clusterFeeds ? { leading: () => clusterFeeds.leading } : {}),
  });
  let shuttingDown = false;
  const ops = createOpsHandler({
    notReady: () =>
      notReadyReasons({
        shuttingDown: () => shuttingDown,
        ping: () => storage.db.selectNoFrom((eb) => eb.lit(1).as('one')).execute(),
        feeds: () => feeds.statuses(),
      }),
    metrics: metrics.registry,
    metricsToken: config.METRICS_TOKEN,
  });
  const { server: http, destroySockets } = createHttpServer({
    ops,
    api,
    pageGate: (req, res) => pageGate(req, res),
    ...(options.pageHandler ? { pageHandler: options.pageHandler } : {}),
    log,
  });
  const purge = setInterval(
    () => void sessions.purgeExpired().catch((err: unknown) => log.warn({ err }, 'could not purge sessions')),
    3_600_000,
  );
  let stopRecorder = () => {};
  purge.unref();

  const io: LivefolioServer = new Server(http, {
    serveClient: false,
    // Other upgrade requests (Next.js dev reloads) are Next's to answer, not to be cut off by engine.io.
    destroyUpgrade: false,
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    pingInterval: config.HEARTBEAT_INTERVAL_MS,
    pingTimeout: config.HEARTBEAT_TIMEOUT_MS,
    allowRequest: createAllowRequest({
      allowedOrigins: config.ALLOWED_ORIGINS,
      connectionsPer10s: config.CONNECTION_RATE_LIMIT,
      authenticate,
      clientAddress: origin.address,
      limiters,
    }),
  });
  io.engine.on('connection', (raw: EngineSocket) =>
    raw.on('packetCreate', (packet: { type: string; data?: unknown }) =>
      metrics.countPacket(packet.type, packet.data),
    ),
  );
  const push = new PushEngine(
    io,
    market,
    {
      maxFrequency: config.MAX_FREQUENCY,
      slowClientBufferBytes: config.SLOW_CLIENT_BUFFER_BYTES,
      epochPrefix: `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`,
    },
    log.child({ module: 'push' }),
  );

  // Benchmark baseline: in naive mode subscriptions go to NaivePush instead; the PushEngine then has no groups.
  // The market handlers only call the subscription methods NaivePush mirrors.
  const naive = options.pushMode === 'naive' ? new NaivePush(io, market) : null;
  const subscriptions: Subscriptions = naive ?? push;
  // Every user's watchlist and holdings, and every live subscription (server/demand.ts).
  const demand = createDemand({
    watched: () => watchlist.allStreams(),
    holdings: async () => {
      const users = await accounts.users();
      return (await Promise.all(users.map((u) => portfolio.pricingStreams(u.id, u.quoteCurrency)))).flat();
    },
    live: () => [...alerts.streams(), ...subscriptions.subscribedStreams()],
    apply: (streams) => feeds.setDemand(streams),
    failed: (err) => log.error({ err }, 'could not read what the feeds must watch'),
  });
  function demandChanged() {
    demand.changed();
  }
  function holdingsChanged() {
    demand.holdingsChanged();
  }
  // Holdings are priced only once their exchange's markets are known.
  let marketsKnown = '';
  feeds.onStatus((statuses) => {
    const known = statuses.map((f) => f.markets).join(',');
    if (known === marketsKnown) return;
    marketsKnown = known;
    holdingsChanged();
  });
  const limiter = new RequestLimiter(config.EVENT_RATE_LIMIT, 10);
  const feedsStatus = () => ({ feeds: feeds.statuses() });
  io.on('connection', (socket) =>
    handleConnection(io, socket, {
      market: {
        push: subscriptions,
        catalog: feeds,
        maxStreams: config.MAX_STREAMS_PER_CLIENT,
        demandChanged,
      },
      watchlist: { store: watchlist, catalog: feeds, maxSize: config.MAX_WATCHLIST, demandChanged },
      limiter,
      log,
      feedStatuses: feedsStatus,
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
  io.on('alerts:reload', (userId: unknown) => {
    if (typeof userId !== 'number') return;
    alerts.reload(userId).catch((err: unknown) => log.error({ err, userId }, 'could not reload alerts'));
  });

  return {
    http,
    io,
    market,
    feeds,
    push,
    watchlist,
    accounts,
    async listen(port, host) {
      if (config.ADMIN_USERNAME && config.ADMIN_PASSWORD)
        await accounts.ensure(config.ADMIN_USERNAME, config.ADMIN_PASSWORD, {
          isAdmin: true,
          resetPassword: false,
        });
      await cluster.attach(io);
      feeds.start();
      demandChanged();
      backfill.start();
      stopRecorder = startValueRecorder(
        { portfolio, users: () => accounts.users(), history: valueHistory, log, active: runsFeeds },
        { intervalMs: config.PORTFOLIO_SNAPSHOT_SECONDS * 1000, keep: config.PORTFOLIO_HISTORY_POINTS },
      );
      await new Promise<void>((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => {
          http.off('error', reject);
          resolve();
        });
      });
      return http.address() as AddressInfo;
    },
    async close() {
      // Load balancers see /readyz fail at once; clients hear why the connection ends and reconnect (to
      // another instance where there is one).
      shuttingDown = true;
      demand.close();
      // Only this instance's clients: the others' servers are not going anywhere.
      io.local.emit('server:shutdown', { reason: 'shutdown' });
      clearInterval(purge);
      stopRecorder();
      push.close();
      naive?.close();
      const closed = new Promise<void>((resolve) => io.close(() => resolve()));
      // A client that stopped reading never finishes a WebSocket close handshake, and upgraded sockets are
      // beyond closeAllConnections: after a grace period, destroy whatever is still open.
      const force = setTimeout(destroySockets, 1_000);
      await closed;
      clearTimeout(force);
      await backfill.close();
      await Promise.all([feeds.stop(), candles.close()]);
      await cluster.close();
      await storage.close();
    },
  };
}
