/** Words the exchange connections on the accounts page are shown with: exchanges, states, progress, results, errors. */
import { exchangeName, formatAge } from '../../../client/format';
import type { ConnectionSummary } from '../../../client/api/connections';
import type { Catalog, Translate } from '../../../lib/i18n/messages/en';
import type { ConnectionErrorCode, SyncProgress, SyncResult } from '../../../lib/portfolio/connection';

type AccountsKey = keyof Catalog['accounts'] & string;

/** The exchanges the form offers by name; any other ccxt id can be typed in. */
export const EXCHANGES = [
  { id: 'binance', name: 'Binance' },
  { id: 'coinbase', name: 'Coinbase' },
  { id: 'kraken', name: 'Kraken' },
  { id: 'kucoin', name: 'KuCoin' },
  { id: 'okx', name: 'OKX' },
  { id: 'bybit', name: 'Bybit' },
  { id: 'bitget', name: 'Bitget' },
] as const;

/** ccxt ids whose keys come with a passphrase: the form asks for it. */
export const PASSPHRASE_EXCHANGES = new Set(['kucoin', 'okx', 'bitget', 'coinbaseexchange']);

/** An exchange's display name: the one the form knows, else its ccxt id capitalised. */
export function exchangeTitle(id: string): string {
  return EXCHANGES.find((e) => e.id === id)?.name ?? exchangeName(id);
}

/** `base` if no account has that name (any case), else `base 2`, `base 3`…: a default that is never refused. */
export function freeName(base: string, taken: readonly string[]): string {
  const keys = new Set(taken.map((name) => name.trim().toLowerCase()));
  let name = base;
  for (let n = 2; keys.has(name.toLowerCase()); n++) name = `${base} ${n}`;
  return name;
}

/** Each state's badge: "Never synced", "Syncing…", "Synced", "Error". */
export const STATE_KEYS: Record<ConnectionSummary['state'], AccountsKey> = {
  never: 'stateNever',
  syncing: 'stateSyncing',
  ok: 'stateOk',
  error: 'stateError',
};

const STEP_KEYS: Record<SyncProgress['step'], AccountsKey> = {
  balances: 'stepBalances',
  markets: 'stepMarkets',
  trades: 'stepTrades',
  deposits: 'stepDeposits',
  withdrawals: 'stepWithdrawals',
  income: 'stepIncome',
  prices: 'stepPrices',
  saving: 'stepSaving',
};

/** A running sync's step: "trades 3/12", or only the step while it has no count. */
export function progressText(t: Translate<'accounts'>, progress: SyncProgress | null): string {
  if (!progress) return t('progressStarting');
  const step = t(STEP_KEYS[progress.step]);
  // Digits as the server counts them, ungrouped: a step's counts are read as a fraction, not an amount.
  return progress.total > 0
    ? t('progress', { step, done: String(progress.done), total: String(progress.total) })
    : step;
}

/** What a sync did: "538 added, 1 opening balance"; "nothing new" when it found nothing. */
export function resultText(t: Translate<'accounts'>, result: SyncResult): string {
  const parts = [
    ...(result.added > 0 ? [t('resultAdded', { count: result.added })] : []),
    ...(result.adjustments > 0 ? [t('resultAdjustments', { count: result.adjustments })] : []),
  ];
  return parts.length > 0 ? parts.join(', ') : t('resultNothing');
}

/** What each failure means, as a heading over the server's advice. */
export const ERROR_KEYS: Record<ConnectionErrorCode, AccountsKey> = {
  KEY_REJECTED: 'errorKeyRejected',
  KEY_PERMISSION: 'errorKeyPermission',
  CLOCK_SKEW: 'errorClockSkew',
  RATE_LIMITED: 'errorRateLimited',
  EXCHANGE_UNAVAILABLE: 'errorExchangeUnavailable',
  BAD_EXCHANGE_DATA: 'errorBadExchangeData',
  HISTORY_CONFLICT: 'errorHistoryConflict',
  SECRET_UNREADABLE: 'errorSecretUnreadable',
  FAILED: 'errorFailed',
};

/** How long ago, in words: "just now", "2 min ago". */
export function agoText(t: Translate<'accounts'>, ms: number, locale: string): string {
  return ms < 10_000 ? t('justNow') : t('ago', { age: formatAge(ms, locale) });
}

/** How long until, in words, rounded up ("in 15 min" for 14 min 59 s), or "due" once it has passed. */
export function untilText(t: Translate<'accounts'>, ms: number, locale: string): string {
  if (ms < 1_000) return t('due');
  const unit = ms < 60_000 ? 1_000 : 60_000;
  return t('inTime', { age: formatAge(Math.ceil(ms / unit) * unit, locale) });
}
