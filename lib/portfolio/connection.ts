/** Exchange connections (docs/protocol.md P9): what the API tells a browser of one. Never a key or a secret. */

/** What the exchange said the key may do; null where the exchange does not say. */
export interface KeyPermissions {
  read: boolean | null;
  trade: boolean | null;
  withdraw: boolean | null;
}

/** Why a sync or a key check failed, in words that say what to do. */
export interface ConnectionError {
  code: ConnectionErrorCode;
  message: string;
  /** Epoch ms. */
  at: number;
}

/** The kinds of failure a user can act on differently (P9). */
export const CONNECTION_ERROR_CODES = [
  'KEY_REJECTED',
  'KEY_PERMISSION',
  'CLOCK_SKEW',
  'RATE_LIMITED',
  'EXCHANGE_UNAVAILABLE',
  'BAD_EXCHANGE_DATA',
  'HISTORY_CONFLICT',
  'SECRET_UNREADABLE',
  'FAILED',
] as const;

export type ConnectionErrorCode = (typeof CONNECTION_ERROR_CODES)[number];

/** What the last successful sync added. */
export interface SyncResult {
  /** New transactions booked. */
  added: number;
  /** Opening-balance adjustments in place after the sync (P9 reconciliation). */
  adjustments: number;
  /** Epoch ms. */
  at: number;
}

/** A sync under way: which step, and how far. */
export interface SyncProgress {
  step: 'balances' | 'markets' | 'trades' | 'deposits' | 'withdrawals' | 'income' | 'prices' | 'saving';
  done: number;
  total: number;
}

/** One connection as GET /api/v1/connections lists it. */
export interface ConnectionSummary {
  id: string;
  /** The portfolio account it syncs. */
  account: { id: string; name: string };
  /** The ccxt exchange id. */
  exchange: string;
  /** "••••" and the key's last four characters. */
  keyHint: string;
  permissions: KeyPermissions;
  /** Plain sentences: a key that can trade or withdraw. */
  warnings: string[];
  state: 'syncing' | 'ok' | 'error' | 'never';
  progress: SyncProgress | null;
  lastSyncAt: number | null;
  lastSuccessAt: number | null;
  /** When the schedule syncs it next, or null when no schedule runs. */
  nextSyncAt: number | null;
  lastError: ConnectionError | null;
  lastResult: SyncResult | null;
  createdAt: number;
}
