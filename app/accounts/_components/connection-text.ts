/** Words the exchange connections on the accounts page are shown with: exchanges, states, progress, results, errors. */
import { exchangeName, formatAge } from '@/client/format';
import type { ConnectionSummary } from '@/client/api/connections';
import type { ConnectionErrorCode, SyncProgress, SyncResult } from '@/lib/portfolio/connection';

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

export const STATE_LABELS: Record<ConnectionSummary['state'], string> = {
  never: 'Never synced',
  syncing: 'Syncing…',
  ok: 'Synced',
  error: 'Error',
};

/** A running sync's step: "trades 3/12", or only the step while it has no count. */
export function progressText(progress: SyncProgress | null): string {
  if (!progress) return 'starting';
  return progress.total > 0 ? `${progress.step} ${progress.done}/${progress.total}` : progress.step;
}

const plural = (count: number, word: string) =>
  `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;

/** What a sync did: "538 added, 1 opening balance"; "nothing new" when it found nothing. */
export function resultText(result: SyncResult): string {
  const parts = [
    ...(result.added > 0 ? [`${result.added.toLocaleString('en-US')} added`] : []),
    ...(result.adjustments > 0 ? [plural(result.adjustments, 'opening balance')] : []),
  ];
  return parts.length > 0 ? parts.join(', ') : 'nothing new';
}

/** What each failure means, as a heading over the server's advice. */
export const ERROR_MEANINGS: Record<ConnectionErrorCode, string> = {
  KEY_REJECTED: 'The exchange refused the key',
  KEY_PERMISSION: 'The key lacks a permission',
  CLOCK_SKEW: 'The server’s clock is off',
  RATE_LIMITED: 'The exchange is limiting requests',
  EXCHANGE_UNAVAILABLE: 'The exchange could not be reached',
  BAD_EXCHANGE_DATA: 'The exchange sent unreadable data',
  HISTORY_CONFLICT: 'The exchange’s history does not add up here',
  SECRET_UNREADABLE: 'The stored key cannot be opened',
  FAILED: 'The sync failed',
};

/** How long ago, in words: "just now", "2 min ago". */
export function agoText(ms: number): string {
  return ms < 10_000 ? 'just now' : `${formatAge(ms)} ago`;
}

/** How long until, in words, rounded up ("in 15 min" for 14 min 59 s), or "due" once it has passed. */
export function untilText(ms: number): string {
  if (ms < 1_000) return 'due';
  const unit = ms < 60_000 ? 1_000 : 60_000;
  return `in ${formatAge(Math.ceil(ms / unit) * unit)}`;
}
