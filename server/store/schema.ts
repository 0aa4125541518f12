/** The tables as Kysely sees them: one type per table, columns as stored (times in ms, amounts as decimal strings). */
import type { Generated } from 'kysely';
import type { TokenScope } from '../../lib/api/tokens';
import type { Language } from '../../lib/i18n/locales';
import type { AlertCondition, AlertKind, MoveDirection, MoveWindow } from '../../lib/protocol';
import type { AccountKind } from '../../lib/portfolio/account';
import type { TransactionType } from '../../lib/portfolio/transaction';

/** The global watchlist from before accounts; emptied into the first account's list (watchlist-store.ts). */
export interface LegacyWatchlistTable {
  stream: string;
  position: number;
  added_at: number;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  /** 0 or 1: integers on both engines, as SQLite has always stored them. */
  is_admin: number;
  created_at: number;
  quote_currency: Generated<string>;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: number;
  expires_at: number;
}

export interface UserWatchlistTable {
  user_id: number;
  stream: string;
  position: number;
  added_at: number;
}

export interface TransactionsTable {
  id: string;
  user_id: number;
  type: TransactionType;
  asset: string;
  quantity: string;
  price: string;
  quote_currency: string;
  fee: string;
  fee_currency: string;
  time: string;
  time_ms: number;
  exchange: string | null;
  note: string | null;
  seq: number;
  created_at: number;
  updated_at: number;
  account_id: string;
  /** A transfer's destination; null on every other type. */
  to_account_id: string | null;
  /** The exchange's own id of what a sync booked (unique per account); null for what a user entered. */
  external_id: string | null;
  /** 1 for an opening-balance adjustment whose cost nobody has stated yet, else 0. */
  cost_unknown: Generated<number>;
}

/** A user's portfolio accounts (lib/portfolio/account.ts); `seq` orders them oldest first. */
export interface PortfolioAccountsTable {
  id: string;
  user_id: number;
  name: string;
  /** accountNameKey(name): what uniqueness compares. */
  name_key: string;
  kind: AccountKind;
  seq: number;
  created_at: number;
  updated_at: number;
}

export interface ValuesTable {
  user_id: number;
  time_ms: number;
  currency: string;
  value: string;
}

export interface AlertsTable {
  id: string;
  user_id: number;
  kind: Generated<AlertKind>;
  /** The market; empty for a portfolio alert. */
  stream: string;
  /** above / below (price, portfolio), up / down / any (move). */
  condition: AlertCondition | MoveDirection;
  /** The level, the percent (move) or the value (portfolio), a decimal string. */
  price: string;
  move_window: MoveWindow | null;
  currency: string | null;
  note: string | null;
  created_at: number;
  triggered_at: number | null;
  triggered_price: string | null;
  triggered_change: string | null;
}

export interface AlertTargetsTable {
  alert_id: string;
  channel_id: string;
}

export interface AssetPricingTable {
  user_id: number;
  asset: string;
  exchange: string;
}

/** An account's exchange connection; key, secret and password sealed by the key ring. */
export interface ExchangeConnectionsTable {
  id: string;
  user_id: number;
  account_id: string;
  exchange: string;
  api_key: string;
  secret: string;
  password: string | null;
  key_hint: string;
  permissions: string;
  cursors: string;
  last_sync_at: number | null;
  last_success_at: number | null;
  last_error: string | null;
  last_result: string | null;
  created_at: number;
  updated_at: number;
}

/** A personal access token: only its hash is stored. */
export interface ApiTokensTable {
  id: string;
  user_id: number;
  name: string;
  scope: TokenScope;
  token_hash: string;
  hint: string;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
}

/** Where a user's alerts go besides the open tabs; its one secret sealed (`channel:<id>:secret`). */
export interface AlertChannelsTable {
  id: string;
  user_id: number;
  kind: 'webhook' | 'ntfy' | 'telegram' | 'email';
  name: string;
  config: string;
  secret: string | null;
  language: Language;
  format_locale: string;
  created_at: number;
  last_ok_at: number | null;
  last_error: string | null;
  last_error_at: number | null;
}

/** The outbox: one message to one channel, until sent or failed for good. */
export interface AlertDeliveriesTable {
  id: string;
  user_id: number;
  channel_id: string;
  alert_id: string | null;
  fired_at: number | null;
  payload: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: number;
  claimed_until: number;
  claimed_by: string | null;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
}

/** Every table of the schema. */
export interface Tables {
  watchlist: LegacyWatchlistTable;
  meta: MetaTable;
  users: UsersTable;
  sessions: SessionsTable;
  user_watchlist: UserWatchlistTable;
  transactions: TransactionsTable;
  portfolio_values: ValuesTable;
  alerts: AlertsTable;
  alert_targets: AlertTargetsTable;
  portfolio_daily_values: ValuesTable;
  asset_pricing: AssetPricingTable;
  portfolio_accounts: PortfolioAccountsTable;
  exchange_connections: ExchangeConnectionsTable;
  api_tokens: ApiTokensTable;
  alert_channels: AlertChannelsTable;
  alert_deliveries: AlertDeliveriesTable;
}
