/** How a transaction reads on the page: local date-times, the words of its type, and the name of its row's buttons. */
import type { TransactionRecord } from '@/client/api/portfolio';
import type { TransactionType } from '@/lib/portfolio/transaction';

/** The types as the form and the table name them. */
export const TYPE_LABELS: Record<TransactionType, string> = {
  buy: 'Buy',
  sell: 'Sell',
  deposit: 'Deposit',
  withdrawal: 'Withdrawal',
  transfer: 'Transfer',
  staking: 'Staking reward',
  interest: 'Interest',
  airdrop: 'Airdrop',
  income: 'Other income',
};

// Local wall-clock parts; seconds only when there are some, as a datetime-local input shows them.
function localDateTime(ms: number, separator: ' ' | 'T'): string {
  const date = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
  const seconds = date.getSeconds() === 0 ? '' : `:${two(date.getSeconds())}`;
  return `${day}${separator}${two(date.getHours())}:${two(date.getMinutes())}${seconds}`;
}

/** A time in this browser's zone: "2026-01-02 10:00" (with ":05" when the seconds are not zero). */
export function formatLocalDateTime(ms: number): string {
  return localDateTime(ms, ' ');
}

/** The value of a datetime-local input showing `ms` in this browser's zone: "2026-01-02T10:00". */
export function toDateTimeInput(ms: number): string {
  return localDateTime(ms, 'T');
}

/** What the row's buttons name it by: "buy BTC 2026-01-02 10:00". */
export function describeTransaction(t: Pick<TransactionRecord, 'type' | 'asset' | 'timeMs'>): string {
  return `${t.type} ${t.asset} ${formatLocalDateTime(t.timeMs)}`;
}

/** Newest first; the same time keeps the server's order. */
export function newestFirst(transactions: readonly TransactionRecord[]): TransactionRecord[] {
  return [...transactions].sort((a, b) => b.timeMs - a.timeMs);
}
