/** The transaction form's draft: the fields as typed, which accounts it names, and the request body made from it. */
// Relative imports: the unit tests load this module without the bundler's `@/` alias.
import { OPTIONAL_TRANSACTION_FIELDS, TRANSACTION_FIELDS } from '../../../client/api/portfolio';
import type { TransactionInput, TransactionRecord } from '../../../client/api/portfolio';
import { isIncome } from '../../../lib/portfolio/transaction';
import type { AccountSummary } from '../../../client/api/portfolio-accounts';
import { toDateTimeInput } from './transaction-text';

/** The quote currency a new transaction starts with. */
const DEFAULT_QUOTE = 'USDT';

/**
 * The form's fields as typed, optional ones as ''; `time` is a datetime-local value in this browser's zone.
 * `account` '' follows the default (accountFor); `toAccount` is kept while the type is not a transfer, not sent.
 */
export type Draft = Required<TransactionInput>;

/** A new transaction's draft before anything is typed. */
export const BLANK: Draft = {
  type: 'buy',
  asset: '',
  quantity: '',
  price: '',
  quoteCurrency: DEFAULT_QUOTE,
  fee: '0',
  feeCurrency: DEFAULT_QUOTE,
  time: '',
  exchange: '',
  note: '',
  account: '',
  toAccount: '',
};

/** The draft of a stored transaction: its own account(s) chosen. */
export function draftOf(t: TransactionRecord): Draft {
  return {
    ...t,
    time: toDateTimeInput(t.timeMs),
    exchange: t.exchange ?? '',
    note: t.note ?? '',
    toAccount: t.toAccount ?? '',
  };
}

/**
 * The account the form books in: the one chosen, else the account the page lists (its filter), else the oldest;
 * '' while the accounts load, which leaves the choice to the server (the oldest, P1). An id no longer among the
 * accounts is never sent.
 */
export function accountFor(
  chosen: string,
  filtered: string | null,
  accounts: readonly AccountSummary[],
): string {
  const known = (id: string | null): id is string => id !== null && accounts.some((a) => a.id === id);
  if (known(chosen)) return chosen;
  if (known(filtered)) return filtered;
  return accounts[0]?.id ?? '';
}

/** Why a transfer cannot be sent as it stands, in words for the To-account field; null when it can. */
export function transferProblem(
  accounts: readonly AccountSummary[],
  account: string,
  toAccount: string,
): string | null {
  if (accounts.length < 2) return 'A transfer needs a second account.';
  if (!accounts.some((a) => a.id === toAccount)) return 'Choose the account the coins go to.';
  if (toAccount === account) {
    const name = accounts.find((a) => a.id === account)?.name ?? 'the source';
    return `Choose an account other than ${name}: a transfer moves coins to another account.`;
  }
  return null;
}

/** The request body from the draft; an edited transaction whose time was left alone keeps its exact time. */
export function toInput(
  draft: Draft,
  account: string,
  editing: TransactionRecord | null,
): TransactionInput | { error: string; field: string } {
  const when = new Date(draft.time);
  if (!draft.time || Number.isNaN(when.getTime())) {
    return { error: 'Enter the date and time.', field: 'time' };
  }
  const unchanged = editing !== null && draft.time === toDateTimeInput(editing.timeMs);
  const exchange = draft.exchange.trim();
  const note = draft.note.trim();
  return {
    type: draft.type,
    asset: draft.asset.trim(),
    quantity: draft.quantity.trim(),
    // Income left without a price is valued by the server at that minute's market price (P1).
    ...(isIncome(draft.type) && !draft.price.trim() ? {} : { price: draft.price.trim() }),
    quoteCurrency: draft.quoteCurrency.trim(),
    fee: draft.fee.trim(),
    feeCurrency: draft.feeCurrency.trim(),
    time: unchanged ? editing.time : when.toISOString(),
    ...(exchange ? { exchange } : {}),
    ...(note ? { note } : {}),
    ...(account ? { account } : {}),
    ...(draft.type === 'transfer' ? { toAccount: draft.toAccount } : {}),
  };
}

const FIELDS: readonly string[] = [...TRANSACTION_FIELDS, ...OPTIONAL_TRANSACTION_FIELDS];

/** The field a server message names ("price: must not be negative"), else the quantity (a sell above the holding). */
export function fieldNamedIn(message: string): string {
  const named = /^(\w+):/.exec(message)?.[1];
  if (named && FIELDS.includes(named)) return named;
  if (/quoted in/.test(message)) return 'quoteCurrency';
  return /the fee of/.test(message) ? 'fee' : 'quantity';
}
