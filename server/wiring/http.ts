/** Wiring step 5: the HTTP server (REST API, health and metrics, page gate, pages) with socket.io attached. */
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { Socket as EngineSocket } from 'engine.io';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { ClusterLinks } from '../cluster/links';
import { sessionToken } from '../auth/session-cookie';
import { accountRoutes } from '../http/account-routes';
import { alertRoutes } from '../http/alert-routes';
import { authRoutes, createSignIn } from '../http/auth-routes';
import type { AuthRoutesDeps } from '../http/auth-routes';
import { candleRoutes } from '../http/candle-routes';
import { channelRoutes } from '../http/channel-routes';
import { connectionRoutes } from '../http/connection-routes';
import { createHttpServer } from '../http/http-server';
import { createLoginForm } from '../http/login-form';
import { marketRoutes } from '../http/market-routes';
import { createOpsHandler, notReadyReasons } from '../http/ops-routes';
import { createPageGate } from '../http/page-gate';
import { portfolioRoutes } from '../http/portfolio-routes';
import { performanceAnswer } from '../portfolio/performance-answer';
import { reportRoutes } from '../http/report-routes';
import { tokenRoutes } from '../http/token-routes';
import type { RequestOrigin } from '../http/proxy';
import { createRouter } from '../http/router';
import type { Routes } from '../http/router';
import { openApiRoutes } from '../http/openapi';
import { createMetrics } from '../metrics';
import { originAllowed } from '../socket/handshake';
import { RequestLimiter } from '../socket/rate-limit';
import type { MarketWiring } from './market';
import type { Services } from './services';
import { MAX_MESSAGE_BYTES } from './sockets';
import type { Sockets } from './sockets';
import type { Stores } from './stores';

/** What the HTTP step needs. */
export interface HttpDeps {
  config: Config;
  log: Logger;
  stores: Stores;
  market: MarketWiring;
  services: Services;
  sockets: Sockets;
  cluster: ClusterLinks;
  origin: RequestOrigin;
  allowedOrigins: ReadonlySet<string>;
  /** Serves everything that is not the API or socket.io (the Next.js request handler); 404 when absent. */
  pageHandler?: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  /** True once the server is stopping: /readyz fails at once. */
  shuttingDown(): boolean;
}

/** The HTTP side of the server. */
export interface HttpWiring {
  http: HttpServer;
  /** Destroys every socket still open (after the grace period of a shutdown). */
  destroySockets(): void;
}

/** Creates the HTTP server with every route and attaches socket.io to it; nothing listens yet. */
export function wireHttp(deps: HttpDeps): HttpWiring {
  const { config, log, stores, services, sockets, cluster } = deps;
  const { feeds, history, clusterFeeds } = deps.market;
  const { accounts, portfolio, backfill, alerts } = services;
  const { io, push } = sockets;
  // One of each for the API and the sign-in form: a password guessed through either counts against both.
  const authLog = log.child({ module: 'auth' });
  const auth: AuthRoutesDeps = {
    accounts,
    limiter: services.loginLimiter,
    sessionTtlMs: stores.sessions.ttlMs,
    cookieSecure: config.COOKIE_SECURE,
    origin: deps.origin,
    onSignOut: (session) => sockets.endSession(session.id),
    log: authLog,
  };
  const requestLimiter = new RequestLimiter(config.HTTP_RATE_LIMIT, 10, cluster.limiters, 'http');
  const allowOrigin = (req: IncomingMessage) => originAllowed(req, deps.allowedOrigins);
  const routes: Routes = {
    ...marketRoutes({
      feeds,
      history,
      watchlist: stores.watchlist,
      defaultExchange: services.firstExchange,
    }),
    ...candleRoutes({ catalog: feeds, candles: services.candleHistory }),
    ...portfolioRoutes(
      portfolio,
      services.portfolioAccounts,
      accounts,
      { store: stores.valueHistory, intervalMs: config.PORTFOLIO_SNAPSHOT_SECONDS * 1000, backfill },
      (userId) => services.events.emit('portfolio:changed', userId),
      services.pastPrices,
      services.imports,
      (userId, currency, range) =>
        performanceAnswer(
          {
            history: stores.valueHistory,
            transactions: (id) => portfolio.list(id),
            prices: services.pastPrices,
            candles: services.candleHistory,
            exchanges: () => feeds.statuses().map((status) => status.exchange),
            hasMarket: (exchange, symbol) => feeds.hasMarket(exchange, symbol),
            valuation: (id, currency, transactions) => portfolio.valuationMarkets(id, currency, transactions),
            now: Date.now,
          },
          userId,
          currency,
          range,
        ),
    ),
    ...accountRoutes(services.portfolioAccounts),
    ...alertRoutes(alerts),
    ...channelRoutes(services.channels),
    ...connectionRoutes(services.sync),
    ...reportRoutes(portfolio),
    ...authRoutes(auth),
    ...tokenRoutes(services.tokens),
  };
  const api = createRouter(
    { ...routes, ...openApiRoutes(routes) },
    {
      limiter: requestLimiter,
      authenticate: services.authenticate,
      originAllowed: allowOrigin,
      maxBodyBytes: MAX_MESSAGE_BYTES,
      clientAddress: deps.origin.address,
      checkAnswers: config.NODE_ENV !== 'production',
      log: log.child({ module: 'api' }),
    },
  );
  const loginForm = createLoginForm({
    signIn: createSignIn(auth),
    limiter: requestLimiter,
    clientAddress: deps.origin.address,
    originAllowed: allowOrigin,
    log: authLog,
  });
  const pageGate = createPageGate({
    // Pages are for a browser's session: a token signs in the API and sockets only (A10).
    signedIn: async (req) => (await accounts.authenticate(sessionToken(req))) !== null,
    needsSetup: () => accounts.needsSetup(),
  });
  const metrics = createMetrics({
    clients: () => io.engine.clientsCount,
    push: () => push.stats(),
    feeds: () => feeds.statuses(),
    ...(cluster.connected ? { redis: cluster.connected } : {}),
    ...(clusterFeeds ? { leading: () => clusterFeeds.leading } : {}),
    syncs: () => services.sync.outcomeCounts(),
    badCandles: () => services.candleHistory.badCandles(),
    candleRefusals: () =>
      Object.entries(sockets.candles.refused).map(([reason, n]): [{ reason: string }, number] => [
        { reason },
        n,
      ]),
  });
  const ops = createOpsHandler({
    notReady: () =>
      notReadyReasons({
        shuttingDown: deps.shuttingDown,
        ping: () => stores.storage.db.selectNoFrom((eb) => eb.lit(1).as('one')).execute(),
        feeds: () => feeds.statuses(),
      }),
    metrics: metrics.registry,
    metricsToken: config.METRICS_TOKEN,
  });
  const { server: http, destroySockets } = createHttpServer({
    ops,
    api,
    loginForm,
    pageGate,
    ...(deps.pageHandler ? { pageHandler: deps.pageHandler } : {}),
    log,
  });
  io.attach(http);
  io.engine.on('connection', (raw: EngineSocket) =>
    raw.on('packetCreate', (packet: { type: string; data?: unknown }) =>
      metrics.countPacket(packet.type, packet.data),
    ),
  );
  return { http, destroySockets };
}
