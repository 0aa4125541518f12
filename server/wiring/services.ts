/** Wiring step 3: accounts, portfolios (with their value history backfill) and price alerts, over the stores. */
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { Alert, StreamId } from '../../lib/protocol';
import { streamId } from '../../lib/stream-id';
import { AlertService } from '../alerts/alert-service';
import { ChannelService, TEST_POINTS, TEST_WINDOW_S } from '../alerts/channels/channel-service';
import { Outbox } from '../alerts/channels/outbox';
import { MoveWindows, candleSeed } from '../alerts/move-windows';
import type { SendOptions } from '../alerts/channels/send';
import { Accounts } from '../auth/accounts';
import type { Authenticated } from '../auth/accounts';
import { ApiTokens } from '../auth/api-tokens';
import { LoginLimiter } from '../auth/login-limiter';
import { createRequestAuth, createTokenCheck } from '../auth/request-auth';
import type { RequestOrigin } from '../http/proxy';
import { originAllowed } from '../socket/handshake';
import { CandleHistory } from '../candles/candle-history';
import type { SharedBlocks } from '../candles/shared-blocks';
import { CcxtCandleSource } from '../feeds/candles';
import { RestExchanges } from '../feeds/rest-exchanges';
import type { ExchangeSpec } from '../feeds/types';
import { AccountService } from '../portfolio/account-service';
import { PortfolioService } from '../portfolio/portfolio-service';
import { ValueBackfill } from '../portfolio/value-backfill';
import type { MakeLimiter } from '../cluster/limiters';
import { exchangeOpener } from '../sync/exchange-client';
import { ExchangeImport } from '../import/exchange-import';
import { pastPrices } from '../portfolio/past-prices';
import type { PastPrices } from '../portfolio/past-prices';
import { SYNC_NOW_POINTS, SYNC_NOW_WINDOW_S, SyncService } from '../sync/sync-service';
import type { MarketWiring } from './market';
import type { Stores } from './stores';

/** Markets on the first exchange that a new installation watches. */
export const DEFAULT_WATCHLIST_SYMBOLS = ['BTC/USDT', 'ETH/USDT', 'SOL/USDT'];

/** What the services tell the steps after them; they know nothing of sockets or demand. */
export interface ServiceEvents {
  /** A user's transactions or valuation settings changed: their holdings may price other streams. */
  'portfolio:changed': [userId: number];
  /** A waiting alert's condition held on a tick. */
  'alert:triggered': [userId: number, alert: Alert];
  /** A user's alerts after any change. */
  'alerts:changed': [userId: number, alerts: Alert[]];
  /** The streams that waiting alerts watch changed. */
  'alerts:streams': [];
  /** A personal access token was revoked: the connections of its session id close. */
  'token:revoked': [sessionId: string];
}

/** What the services step needs. */
export interface ServicesDeps {
  log: Logger;
  exchanges: readonly ExchangeSpec[];
  stores: Stores;
  market: MarketWiring;
  /** A new account's watchlist (W2); default DEFAULT_WATCHLIST_SYMBOLS on the first exchange. */
  defaultWatchlist?: readonly StreamId[] | undefined;
  /** Rate-limit counters, shared by the cluster where there is one. */
  limiters: MakeLimiter;
  /** Between scheduled syncs of each exchange connection; 0: none. */
  syncIntervalMs: number;
  /** Candle blocks shared by a cluster's instances; absent without REDIS_URL. */
  candleBlocks?: SharedBlocks | undefined;
  /** Where a request comes from (its address, behind a trusted proxy). */
  origin: RequestOrigin;
  /** Origins allowed besides the server's own (ALLOWED_ORIGINS). */
  allowedOrigins: ReadonlySet<string>;
  /** How alert channels are sent to (ALERT_*, TELEGRAM_API_URL). */
  alertSend: SendOptions;
}

/** The server's domain services. */
export interface Services {
  accounts: Accounts;
  portfolio: PortfolioService;
  /** The user's portfolio accounts (not `accounts`: who signs in). */
  portfolioAccounts: AccountService;
  backfill: ValueBackfill;
  candles: CcxtCandleSource;
  /** Candle history for charts (H4). */
  candleHistory: CandleHistory;
  alerts: AlertService;
  /** Sends fired alerts to the users' channels; started with the server. */
  outbox: Outbox;
  /** The users' alert channels (N8–N11). */
  channels: ChannelService;
  /** Exchange connections and their syncs. */
  sync: SyncService;
  /** Past market prices (income entered without one, imports). */
  pastPrices: PastPrices;
  /** Imports of the exchanges' own files. */
  imports: ExchangeImport;
  events: EventEmitter<ServiceEvents>;
  /** Personal access tokens (A9). */
  tokens: ApiTokens;
  /** Failed sign-ins and wrong tokens, per account and address (A3): one budget for the API, form and sockets. */
  loginLimiter: LoginLimiter;
  /** The caller of a request: its session cookie or its bearer token; null for neither; throws for a refused token. */
  authenticate(req: IncomingMessage): Promise<Authenticated | null>;
  /** The caller a token given at `address` signs in (a socket's CONNECT), or a refusal. */
  checkToken(token: string, address: string): Promise<Authenticated>;
  /** The exchange that markets named without one belong to. */
  firstExchange: string;
}

/** Creates the services and loads the waiting alerts; alerts fire only on ticks, which start with the feeds. */
export async function wireServices(deps: ServicesDeps): Promise<Services> {
  const { log, exchanges, stores } = deps;
  const { market, feeds, clusterFeeds, runsFeeds } = deps.market;
  const events = new EventEmitter<ServiceEvents>();
  const firstExchange = exchanges[0]?.id ?? 'binance';
  const accounts = new Accounts({
    users: stores.users,
    sessions: stores.sessions,
    watchlist: stores.watchlist,
    defaultWatchlist:
      deps.defaultWatchlist ?? DEFAULT_WATCHLIST_SYMBOLS.map((symbol) => streamId(firstExchange, symbol)),
  });
  const exchangeIds = exchanges.map((e) => e.id);
  const changed = (userId: number) => events.emit('portfolio:changed', userId);
  const portfolio = new PortfolioService({
    transactions: stores.transactions,
    accounts: stores.portfolioAccounts,
    market,
    prices: {
      exchanges: () => exchangeIds,
      hasMarket: (exchange, symbol) => feeds.hasMarket(exchange, symbol),
    },
    choices: stores.pricing,
    changed,
  });
  const portfolioAccounts = new AccountService({
    transactions: stores.transactions,
    accounts: stores.portfolioAccounts,
    changed,
  });
  // One REST instance per exchange for all history requests: one rate limiter per exchange.
  const candleLog = log.child({ module: 'candles' });
  const rest = new RestExchanges(exchanges, candleLog);
  const candles = new CcxtCandleSource(exchanges, candleLog, rest);
  const candleHistory = new CandleHistory({ exchanges: rest, log: candleLog, shared: deps.candleBlocks });
  const backfill = new ValueBackfill({
    portfolio,
    currency: async (userId) => (await accounts.settings(userId)).quoteCurrency,
    users: async () => (await accounts.users()).map((u) => u.id),
    candles,
    store: stores.valueHistory,
    log: log.child({ module: 'backfill' }),
    active: runsFeeds,
  });
  events.on('portfolio:changed', (userId) => backfill.schedule(userId));
  // The candle requests for everyone are made once per cluster, by each new feed leader.
  clusterFeeds?.onLeading(() => backfill.scheduleAll());
  const alerts = new AlertService({
    store: stores.alerts,
    catalog: feeds,
    moves: new MoveWindows({ seed: candleSeed(candleHistory), log: log.child({ module: 'alerts' }) }),
    ticker: (stream) => market.get(stream),
    channels: async (userId) => (await stores.channels.list(userId)).map((c) => c.id),
    currency: async (userId) => (await accounts.settings(userId)).quoteCurrency,
    async portfolioValue(userId, currency) {
      const valued = await portfolio.portfolio(userId, 'fifo', currency);
      return { value: valued.totals.marketValue, complete: valued.complete };
    },
    triggered: (userId, alert) => events.emit('alert:triggered', userId, alert),
    changed: (userId, list) => events.emit('alerts:changed', userId, list),
    streamsChanged: () => events.emit('alerts:streams'),
    failed: (err) => log.error({ err }, 'could not fire alerts'),
  });
  await alerts.load();
  // A sale or a deposit moves the value at once: its alerts need not wait for the next round.
  events.on('portfolio:changed', (userId) => void alerts.portfolioChanged(userId));
  const outbox = new Outbox({
    channels: stores.channels,
    deliveries: stores.deliveries,
    sendOptions: deps.alertSend,
    log: log.child({ module: 'alert-channels' }),
  });
  // Only the instance whose update fired the alert hears this; the outbox's unique key makes a repeat harmless.
  events.on('alert:triggered', (userId, alert) => {
    outbox
      .queueAlert(userId, alert)
      .catch((err: unknown) =>
        log.error({ err, alert: alert.id }, 'could not queue an alert for its channels'),
      );
  });
  const channels = new ChannelService({
    channels: stores.channels,
    deliveries: stores.deliveries,
    outbox,
    policy: deps.alertSend.policy,
    testRequests: deps.limiters('channel-test', TEST_POINTS, TEST_WINDOW_S),
    removed: (userId) => alerts.channelsChanged(userId),
  });
  const resealed = await stores.channels.reencryptAll();
  if (resealed > 0) log.info({ channels: resealed }, 'alert channel secrets sealed again under SECRET_KEY');
  const sync = new SyncService({
    connections: stores.connections,
    transactions: stores.transactions,
    accounts: stores.portfolioAccounts,
    open: exchangeOpener(exchanges),
    keyTests: deps.limiters('key-test', 10, 600),
    syncRequests: deps.limiters('sync-now', SYNC_NOW_POINTS, SYNC_NOW_WINDOW_S),
    currency: async (userId) => (await accounts.settings(userId)).quoteCurrency,
    changed,
    log: log.child({ module: 'sync' }),
    intervalMs: deps.syncIntervalMs,
    active: runsFeeds,
  });
  await sync.reencrypt();
  const prices = pastPrices({
    exchanges: () => exchangeIds,
    hasMarket: (exchange, symbol) => feeds.hasMarket(exchange, symbol),
    candles,
  });
  const imports = new ExchangeImport({
    transactions: stores.transactions,
    accounts: stores.portfolioAccounts,
    markets: (exchange) => feeds.marketsOf(exchange),
    prices,
    currency: async (userId) => (await accounts.settings(userId)).quoteCurrency,
    changed,
  });
  market.onChange((stream, ticker) => void alerts.tick(stream, ticker));
  const tokens = new ApiTokens({
    store: stores.tokens,
    users: stores.users,
    revoked: (sessionId) => events.emit('token:revoked', sessionId),
  });
  const loginLimiter = new LoginLimiter(deps.limiters);
  const tokenDeps = { tokens, limiter: loginLimiter };
  return {
    accounts,
    portfolio,
    portfolioAccounts,
    backfill,
    candles,
    candleHistory,
    alerts,
    outbox,
    channels,
    sync,
    pastPrices: prices,
    imports,
    events,
    tokens,
    loginLimiter,
    authenticate: createRequestAuth({
      ...tokenDeps,
      accounts,
      clientAddress: deps.origin.address,
      originAllowed: (req) => originAllowed(req, deps.allowedOrigins),
    }),
    checkToken: createTokenCheck(tokenDeps),
    firstExchange,
  };
}
