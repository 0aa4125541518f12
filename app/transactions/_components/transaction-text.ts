/** How a transaction reads on the page: local date-times, the words of its type, and the name of its row's buttons. */
import type { TransactionRecord } from '@/client/api/transactions';
import type { Translate } from '@/lib/i18n/messages/en';
import type { TransactionType } from '@/lib/portfolio/transaction';

/** A message of the transactions namespace. */
export type TransactionsKey = Parameters<Translate<'transactions'>>[0];

// The types as the form and the table name them ("Staking reward"), and inside a sentence ("staking").
const TYPE_LABELS: Record<TransactionType, TransactionsKey> = {
  buy: 'typeBuy',
  sell: 'typeSell',
  deposit: 'typeDeposit',
  withdrawal: 'typeWithdrawal',
  transfer: 'typeTransfer',
  staking: 'typeStaking',
  interest: 'typeInterest',
  airdrop: 'typeAirdrop',
  income: 'typeIncome',
};
const TYPE_NAMES: Record<TransactionType, TransactionsKey> = {
  buy: 'nameBuy',
  sell: 'nameSell',
  deposit: 'nameDeposit',
  withdrawal: 'nameWithdrawal',
  transfer: 'nameTransfer',
  staking: 'nameStaking',
  interest: 'nameInterest',
  airdrop: 'nameAirdrop',
  income: 'nameIncome',
};

/** A type as the form's select and the table's Type column show it: "Staking reward". */
export function typeLabel(type: TransactionType, t: Translate<'transactions'>): string {
  return t(TYPE_LABELS[type]);
}

/** A type inside a sentence: "Deleted staking ETH …" (the API's own word in English). */
export function typeName(type: TransactionType, t: Translate<'transactions'>): string {
  return t(TYPE_NAMES[type]);
}

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
export function describeTransaction(
  transaction: Pick<TransactionRecord, 'type' | 'asset' | 'timeMs'>,
  t: Translate<'transactions'>,
): string {
  return t('rowName', {
    type: typeName(transaction.type, t),
    asset: transaction.asset,
    time: formatLocalDateTime(transaction.timeMs),
  });
}

/** Newest first; the same time keeps the server's order. */
export function newestFirst(transactions: readonly TransactionRecord[]): TransactionRecord[] {
  return [...transactions].sort((a, b) => b.timeMs - a.timeMs);
}
