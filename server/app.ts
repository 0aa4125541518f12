/**
 * createApp: the whole server wired together, not yet listening. The steps run in the order data depends on
 * (server/wiring/): stores → feeds and market state → services → push and sockets → HTTP; each takes what the
 * steps before it return and knows nothing of the steps after it.
 */
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { StreamId } from '../lib/protocol';
import type { Config } from './config';
import { sendOptionsFrom } from './alerts/channels/send';
import { PORTFOLIO_CHECK_MS } from './alerts/alert-service';
import type { AlertService } from './alerts/alert-service';
import { createClusterLinks } from './cluster/links';
import type { Feeds } from './feeds/catalog';
import type { FeedOptions } from './feeds/exchange-feed';
import type { ExchangeSpec } from './feeds/types';
import type { Accounts } from './auth/accounts';
import { requestOrigin } from './http/proxy';
import type { MarketState } from './market/market-state';
import { startValueRecorder } from './portfolio/value-recorder';
import type { PushEngine } from './push/push-engine';
import type { LivefolioServer } from './socket/connection';
import { allowedOriginSet } from './socket/handshake';
import type { WatchlistStore } from './store/watchlist-store';
import type { SyncService } from './sync/sync-service';
import { wireHttp } from './wiring/http';
import { wireMarket } from './wiring/market';
import { wireServices } from './wiring/services';
import { wireSockets } from './wiring/sockets';
import type { SubscriptionsFactory } from './wiring/sockets';
import { openStores } from './wiring/stores';

export { DEFAULT_WATCHLIST_SYMBOLS } from './wiring/services';

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
  /** Stands in for the push engine as what clients subscribe to: the bench's naive baseline only. */
  subscriptions?: SubscriptionsFactory;
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
  /** Exchange connections and their syncs. */
  sync: SyncService;
  /** The users' alerts (P7). */
  alerts: AlertService;
  /** Creates the ADMIN_* account when set and missing, starts the feeds and listens; resolves with the address. */
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Stops everything and releases every resource. */
  close(): Promise<void>;
}

/** Opens and migrates the database and wires the server; nothing listens and no feed runs until `listen`. */
export async function createApp(options: AppOptions): Promise<App> {
  const { config, log, exchanges } = options;
  const stores = await openStores(config, log, options.databaseFile);
  // With REDIS_URL, instances share their broadcasts (the socket.io adapter, set up in listen), rate limits and
  // the exchange feeds.
  const cluster = createClusterLinks(config, log);
  const market = wireMarket({ config, log, exchanges, feedOptions: options.feedOptions, cluster });
  const origin = requestOrigin(config.TRUST_PROXY);
  const allowedOrigins = allowedOriginSet(config.ALLOWED_ORIGINS);
  const services = await wireServices({
    log,
    exchanges,
    stores,
    market,
    defaultWatchlist: options.defaultWatchlist,
    limiters: cluster.limiters,
    syncIntervalMs: config.SYNC_INTERVAL_MINUTES * 60_000,
    candleBlocks: cluster.candleBlocks,
    origin,
    allowedOrigins,
    alertSend: sendOptionsFrom(config),
  });
  const sockets = wireSockets({
    config,
    log,
    stores,
    market,
    services,
    limiters: cluster.limiters,
    origin,
    subscriptions: options.subscriptions,
  });
  let shuttingDown = false;
  const { http, destroySockets } = wireHttp({
    config,
    log,
    stores,
    market,
    services,
    sockets,
    cluster,
    origin,
    allowedOrigins,
    pageHandler: options.pageHandler,
    shuttingDown: () => shuttingDown,
  });

  const { io } = sockets;
  const { feeds } = market;
  const { accounts, backfill, portfolio } = services;
  const purge = setInterval(
    () =>
      void stores.sessions
        .purgeExpired()
        .catch((err: unknown) => log.warn({ err }, 'could not purge sessions')),
    3_600_000,
  );
  purge.unref();
  let stopRecorder = () => {};
  let stopPortfolioAlerts = () => {};
  return {
    http,
    io,
    market: market.market,
    feeds,
    push: sockets.push,
    watchlist: stores.watchlist,
    accounts,
    sync: services.sync,
    alerts: services.alerts,
    async listen(port, host) {
      if (config.ADMIN_USERNAME && config.ADMIN_PASSWORD)
        await accounts.ensure(config.ADMIN_USERNAME, config.ADMIN_PASSWORD, {
          isAdmin: true,
          resetPassword: false,
        });
      await cluster.attach(io);
      feeds.start();
      sockets.demand.changed();
      backfill.start();
      services.sync.startSchedule();
      services.outbox.start();
      stopPortfolioAlerts = services.alerts.startPortfolioChecks(PORTFOLIO_CHECK_MS, market.runsFeeds);
      stopRecorder = startValueRecorder(
        {
          portfolio,
          users: () => accounts.users(),
          history: stores.valueHistory,
          log,
          active: market.runsFeeds,
        },
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
      sockets.demand.close();
      // Only this instance's clients: the others' servers are not going anywhere.
      io.local.emit('server:shutdown', { reason: 'shutdown' });
      clearInterval(purge);
      stopRecorder();
      stopPortfolioAlerts();
      sockets.closePush();
      const closed = new Promise<void>((resolve) => io.close(() => resolve()));
      // A client that stopped reading never finishes a WebSocket close handshake, and upgraded sockets are
      // beyond closeAllConnections: after a grace period, destroy whatever is still open.
      const force = setTimeout(destroySockets, 1_000);
      await closed;
      clearTimeout(force);
      await backfill.close();
      await services.sync.close();
      await services.outbox.stop();
      await Promise.all([feeds.stop(), services.candles.close()]);
      await cluster.close();
      await stores.storage.close();
    },
  };
}
