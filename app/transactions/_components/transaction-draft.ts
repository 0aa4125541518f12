/** The transaction form's draft: the fields as typed, which accounts it names, and the request body made from it. */
// Relative imports: the unit tests load this module without the bundler's `@/` alias.
import { OPTIONAL_TRANSACTION_FIELDS, TRANSACTION_FIELDS } from '../../../client/api/transactions';
import type { TransactionInput, TransactionRecord } from '../../../client/api/transactions';
import { isIncome } from '../../../lib/portfolio/transaction';
import type { AccountSummary } from '../../../client/api/portfolio-accounts';
import type { Translate } from '../../../lib/i18n/messages/en';
import { decimalMark, localDecimal, readAmount } from './amount-input';
import { toDateTimeInput } from './transaction-text';
import type { TransactionsKey } from './transaction-text';

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

/** The draft of a stored transaction: its own account(s) chosen, its amounts as the reader types them. */
export function draftOf(t: TransactionRecord, locale: string): Draft {
  return {
    ...t,
    quantity: localDecimal(t.quantity, locale),
    price: localDecimal(t.price, locale),
    fee: localDecimal(t.fee, locale),
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
  t: Translate<'transactions'>,
): string | null {
  if (accounts.length < 2) return t('transferNeedsSecond');
  if (!accounts.some((a) => a.id === toAccount)) return t('transferNeedsTarget');
  if (toAccount === account) {
    const name = accounts.find((a) => a.id === account)?.name ?? t('transferSource');
    return t('transferSameAccount', { name });
  }
  return null;
}

type FieldError = { error: string; field: string };

// The typed amounts, each with the label its error names it by.
const AMOUNTS = [
  ['quantity', 'labelQuantity'],
  ['price', 'labelPrice'],
  ['fee', 'labelFee'],
] as const satisfies ReadonlyArray<readonly [keyof Draft, TransactionsKey]>;

// The amounts as the API writes them ("0,5" typed in German is "0.5"), or the first that cannot be read.
function readAmounts(
  draft: Draft,
  t: Translate<'transactions'>,
  locale: string,
): Pick<Draft, 'quantity' | 'price' | 'fee'> | FieldError {
  const read = { quantity: '', price: '', fee: '' };
  for (const [field, label] of AMOUNTS) {
    const reading = readAmount(draft[field], locale);
    if (reading.ok) {
      read[field] = reading.text;
      continue;
    }
    const values = { field: t(label), text: draft[field].trim() };
    const error =
      reading.problem === 'ambiguous'
        ? t('amountAmbiguous', { ...values, whole: reading.whole, fraction: reading.fraction })
        : t('amountMalformed', { ...values, example: `0${decimalMark(locale)}5` });
    return { error, field };
  }
  return read;
}

/**
 * The request body from the draft, its amounts read in the reader's locale (`t` words what cannot be read); an
 * edited transaction whose time was left alone keeps its exact time.
 */
export function toInput(
  draft: Draft,
  account: string,
  editing: TransactionRecord | null,
  t: Translate<'transactions'>,
  locale: string,
): TransactionInput | FieldError {
  const when = new Date(draft.time);
  if (!draft.time || Number.isNaN(when.getTime())) {
    return { error: t('timeMissing'), field: 'time' };
  }
  const amounts = readAmounts(draft, t, locale);
  if ('error' in amounts) return amounts;
  const unchanged = editing !== null && draft.time === toDateTimeInput(editing.timeMs);
  const exchange = draft.exchange.trim();
  const note = draft.note.trim();
  return {
    type: draft.type,
    asset: draft.asset.trim(),
    quantity: amounts.quantity,
    // Income left without a price is valued by the server at that minute's market price (P1).
    ...(isIncome(draft.type) && !amounts.price ? {} : { price: amounts.price }),
    quoteCurrency: draft.quoteCurrency.trim(),
    fee: amounts.fee,
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
