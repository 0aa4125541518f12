/** Boot: read the config, start the demo exchange when asked, build the app, listen, stop cleanly on a signal. */
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createApp } from './app';
import type { App } from './app';
import { ConfigError, exchangeSpecs, loadConfig } from './config';
import type { Config } from './config';
import { createLogger } from './log';
import type { Logger } from './log';
import { createPageHandler } from './pages';

const SHUTDOWN_DEADLINE_MS = 10_000;
const DEMO_USERNAME = 'demo';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`livefolio: invalid configuration\n${error.message}\n`);
    process.exit(2);
  }
  const log = createLogger(config.LOG_LEVEL);
  const closers: Array<() => Promise<void>> = [];

  let exchanges = exchangeSpecs(config.EXCHANGES);
  let databaseFile = join(config.DATA_DIR, 'livefolio.db');
  let defaultWatchlist: readonly string[] | undefined;
  if (config.DEMO) {
    // Imported only in demo mode, so a production server never loads the simulators.
    const { DEMO_WATCHLIST, startDemoVenues } = await import('./feeds/demo/venues');
    const venues = await startDemoVenues({
      seed: config.DEMO_SEED,
      port: config.DEMO_PORT,
      tickMs: config.DEMO_TICK_MS,
    });
    closers.push(() => venues.close());
    exchanges = venues.specs;
    defaultWatchlist = DEMO_WATCHLIST;
    // Simulated data keeps to its own file, so a demo watchlist never mixes with a real one.
    databaseFile = join(config.DATA_DIR, 'livefolio-demo.db');
    log.warn(
      { exchanges: venues.specs.map((spec) => `${spec.id}@${spec.url}`), seed: config.DEMO_SEED },
      'DEMO mode: prices are SIMULATED by built-in exchanges speaking Binance, Coinbase and Kraken protocols',
    );
  }

  const pages = await createPageHandler({ dev: config.NODE_ENV !== 'production', dir: process.cwd() });
  const app = await createApp({
    config,
    log,
    exchanges,
    databaseFile,
    pageHandler: pages.handle,
    defaultWatchlist,
  });
  closers.unshift(() => app.close());
  const address = await app.listen(config.PORT, config.HOSTNAME);
  const shown = config.HOSTNAME === '0.0.0.0' || config.HOSTNAME === '::' ? 'localhost' : config.HOSTNAME;
  const url = `http://${shown}:${address.port}`;
  if (config.DEMO) {
    const demoUser = await announceDemoAccount(app, config, url);
    // Only the demo's own user: an account named by ADMIN_USERNAME keeps the portfolio its owner gave it.
    if (demoUser === DEMO_USERNAME) {
      await connectDemoBinance(app, demoUser, log);
      // Not awaited: they wait for the markets, which load after the server listens.
      setDemoAlerts(app, demoUser).catch((err: unknown) =>
        log.error({ err }, 'could not set the demo alerts'),
      );
    }
  }
  log.info(
    { exchanges: exchanges.map((e) => e.id), port: address.port },
    `Livefolio is running at ${url}${config.DEMO ? ' (demo, simulated prices)' : ''}`,
  );
  if (!config.DEMO && (await app.accounts.needsSetup()))
    log.warn(
      `No account yet: open ${url}/setup to create the first one (or set ADMIN_USERNAME and ADMIN_PASSWORD).`,
    );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    void (async () => {
      for (const close of closers)
        await close().catch((err: unknown) => log.error({ err }, 'error while closing'));
      log.info('stopped');
      process.exit(0);
    })();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  installCrashGuards(log);
}

/**
 * The demo signs in as ADMIN_USERNAME when set, else as "demo" with a new random password at every start. Said
 * on the console, not in the JSON log: a password has no place in a log collector.
 */
async function announceDemoAccount(app: App, config: Config, url: string): Promise<string> {
  if (config.ADMIN_USERNAME) {
    process.stdout.write(`\nSign in at ${url} as "${config.ADMIN_USERNAME}" with ADMIN_PASSWORD.\n\n`);
    return config.ADMIN_USERNAME;
  }
  const password = randomBytes(9).toString('base64url');
  await app.accounts.ensure(DEMO_USERNAME, password, { isAdmin: true, resetPassword: true });
  process.stdout.write(
    `\nDemo account: sign in at ${url} as "${DEMO_USERNAME}" with password ${password}\n\n`,
  );
  return DEMO_USERNAME;
}

/**
 * Two waiting alerts for the demo user, so the Alerts panel shows the kinds beyond a price level: a move of BTC
 * that the simulated market makes now and then (in about one minute in nine of its candles), so a firing is seen,
 * and the portfolio's value. Once: a user who has
 * alerts keeps them.
 */
async function setDemoAlerts(app: App, username: string): Promise<void> {
  const user = (await app.accounts.users()).find((u) => u.username === username);
  if (!user || (await app.alerts.list(user.id)).length > 0) return;
  // An alert names a market the exchange lists: set once the simulated Binance's markets are loaded.
  await new Promise<void>((resolve) => {
    const loaded = () => app.feeds.statuses().some((s) => s.exchange === 'binance' && s.markets > 0);
    if (loaded()) return resolve();
    const stop = app.feeds.onStatus(() => {
      if (!loaded()) return;
      stop();
      resolve();
    });
  });
  await app.alerts.create(user.id, {
    kind: 'move',
    stream: 'binance:BTC/USDT',
    direction: 'any',
    percent: '0.5',
    window: '15m',
    note: 'Demo: BTC moving 0.5 % either way within 15 minutes',
  });
  await app.alerts.create(user.id, {
    kind: 'portfolio',
    condition: 'above',
    value: '1000000',
    currency: 'USD',
    note: 'Demo: the portfolio reaching a million',
  });
}

/**
 * The demo user's "Demo Binance" account, connected with the simulated Binance's read-only key, so a new user
 * sees a synced portfolio with no typing (docs/demo-account.md). Once: a connection already there is kept.
 */
async function connectDemoBinance(app: App, username: string, log: Logger): Promise<void> {
  const user = (await app.accounts.users()).find((u) => u.username === username);
  if (!user || (await app.sync.list(user.id)).length > 0) return;
  const { DEMO_BINANCE_KEY, DEMO_BINANCE_SECRET } = await import('./feeds/demo/binance-account');
  try {
    await app.sync.add(user.id, {
      exchange: 'binance',
      name: 'Demo Binance',
      credentials: { apiKey: DEMO_BINANCE_KEY, secret: DEMO_BINANCE_SECRET },
    });
  } catch (err) {
    log.error({ err }, 'could not connect the demo Binance account');
  }
}

// A rejection nobody handled is a bug to log, not a reason to drop every client's connection.
function installCrashGuards(log: Logger): void {
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));
}

main().catch((error: unknown) => {
  // A setting found wrong after the environment was read (the secret key file): said as the config check says it.
  if (error instanceof ConfigError) {
    process.stderr.write(`livefolio: invalid configuration\n${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `livefolio: failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
