/** Wiring step 1: the key ring for secrets at rest, the database, opened and migrated, and one store per table group. */
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { loadKeyRing } from '../secrets/load-key-ring';
import type { KeyRing } from '../secrets/key-ring';
import { AlertStore } from '../store/alert-store';
import { ApiTokenStore } from '../store/api-token-store';
import { ChannelStore } from '../store/channel-store';
import { ConnectionStore } from '../store/connection-store';
import { openStorage } from '../store/db';
import { DeliveryStore } from '../store/delivery-store';
import type { Storage } from '../store/db';
import { PortfolioAccountStore } from '../store/portfolio-account-store';
import { PricingStore } from '../store/pricing-store';
import { SessionStore } from '../store/session-store';
import { TransactionStore } from '../store/transaction-store';
import { UserStore } from '../store/user-store';
import { ValueHistoryStore } from '../store/value-history-store';
import { WatchlistStore } from '../store/watchlist-store';

/** Every store the server keeps, over one storage. */
export interface Stores {
  storage: Storage;
  users: UserStore;
  sessions: SessionStore;
  /** Personal access tokens, stored as hashes. */
  tokens: ApiTokenStore;
  watchlist: WatchlistStore;
  transactions: TransactionStore;
  portfolioAccounts: PortfolioAccountStore;
  pricing: PricingStore;
  valueHistory: ValueHistoryStore;
  alerts: AlertStore;
  /** Where alerts go besides the open tabs, their secrets sealed by `secrets`. */
  channels: ChannelStore;
  /** The alert outbox: one row per message and channel. */
  deliveries: DeliveryStore;
  /** Exchange connections, their keys sealed by `secrets`. */
  connections: ConnectionStore;
  /** Seals and opens secrets stored in the database (exchange API keys). */
  secrets: KeyRing;
}

/**
 * Loads the key ring (SECRET_KEY, else DATA_DIR/secret.key), then opens PostgreSQL at DATABASE_URL, else the SQLite
 * file (default DATA_DIR/livefolio.db), and migrates it. A missing or unsafe key stops the start (ConfigError).
 */
export async function openStores(config: Config, log: Logger, databaseFile?: string): Promise<Stores> {
  // First: a key problem stops the start before any database connection is there to close.
  const secrets = await loadKeyRing(config, log);
  const storage = await openStorage(
    config.DATABASE_URL
      ? { url: config.DATABASE_URL }
      : { file: databaseFile ?? join(config.DATA_DIR, 'livefolio.db') },
  );
  log.info({ engine: storage.engine, database: storage.location }, 'database ready');
  return {
    storage,
    users: new UserStore(storage),
    sessions: new SessionStore(storage, config.SESSION_TTL_HOURS * 3_600_000),
    tokens: new ApiTokenStore(storage),
    watchlist: new WatchlistStore(storage),
    transactions: new TransactionStore(storage),
    portfolioAccounts: new PortfolioAccountStore(storage),
    pricing: new PricingStore(storage),
    valueHistory: new ValueHistoryStore(storage),
    alerts: new AlertStore(storage),
    channels: new ChannelStore(storage, secrets),
    deliveries: new DeliveryStore(storage),
    connections: new ConnectionStore(storage, secrets),
    secrets,
  };
}
