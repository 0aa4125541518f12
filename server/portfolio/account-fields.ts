/**
 * The portfolio accounts a transaction names, resolved against the user's own (docs/protocol.md P1), and the
 * check that a history adds up account by account (P2), its refusals naming accounts by name.
 */
import type { PortfolioAccount } from '../../lib/portfolio/account';
import type { HoldingsError } from '../../lib/portfolio/holdings';
import { validateTransactions } from '../../lib/portfolio/holdings';
import type { BookedTransaction, NewTransaction, Transaction } from '../../lib/portfolio/transaction';
import { AppError, text } from '../errors';
import type { ErrorText } from '../errors';
import { atLine } from '../import/csv-table';

/** Where a transaction goes when it names no account: the oldest account, or what a replaced one had. */
export interface AccountDefaults {
  account: string;
  /** A replaced transfer's destination, kept when the replacement is a transfer that names none. */
  toAccount?: string | undefined;
}

/** How a refusal names what was wrong: the file's `line` before it ("line 5: "), and the destination's field. */
export interface RefusalWords {
  line?: number;
  toAccountField?: string;
}

/**
 * The transaction with its accounts resolved: `account` (else the default), and a transfer's `toAccount`.
 * An id that is not one of the user's accounts is refused exactly like one that does not exist (A7), naming the
 * field.
 */
export function resolveAccounts(
  input: NewTransaction,
  accounts: ReadonlyMap<string, PortfolioAccount>,
  defaults: AccountDefaults,
  words: RefusalWords = {},
): BookedTransaction {
  const to = words.toAccountField ?? 'toAccount';
  const refuse = (field: string, problem: ErrorText) => {
    const message = text('errors', 'fieldProblem', { field, problem });
    return new AppError('BAD_REQUEST', words.line === undefined ? message : atLine(words.line, message));
  };
  const missing = (id: string) => text('errors', 'noAccountNamed', { account: JSON.stringify(id) });
  const account = input.account ?? defaults.account;
  if (!accounts.has(account)) throw refuse('account', missing(account));
  if (input.type !== 'transfer') return { ...input, account };
  const toAccount = input.toAccount ?? defaults.toAccount;
  if (toAccount === undefined) throw refuse(to, text('errors', 'transferNeedsAccount'));
  if (!accounts.has(toAccount)) throw refuse(to, missing(toAccount));
  if (toAccount === account) throw refuse(to, text('errors', 'transferSameAccount'));
  return { ...input, account, toAccount };
}

/** An account id that is not one of the user's: NOT_FOUND, the same for somebody else's as for none (A7). */
export function noAccount(id: string): AppError {
  return new AppError('NOT_FOUND', text('errors', 'noAccount', { id }));
}

/** The user's accounts by id. */
export function byId(accounts: readonly PortfolioAccount[]): Map<string, PortfolioAccount> {
  return new Map(accounts.map((a) => [a.id, a]));
}

/** How refusals name accounts: by name, or by id should one be unknown. */
export function accountNames(accounts: readonly PortfolioAccount[]): (id: string) => string {
  const names = byId(accounts);
  return (id) => names.get(id)?.name ?? id;
}

/**
 * Refuses (400, nothing stored) a history that would not add up: more taken out of an account than it holds
 * at that time, or one asset quoted in two currencies. The message names the account by its name.
 */
export function checkBookable(
  transactions: readonly Transaction[],
  accounts: readonly PortfolioAccount[],
): void {
  const result = validateTransactions(transactions, { accountName: accountNames(accounts) });
  if (!result.ok) throw new AppError('BAD_REQUEST', bookingRefusal(result.error));
}

const REFUSAL_KEYS = {
  'insufficient-holding': 'holdingShort',
  'mixed-quote-currency': 'quoteMixed',
  'fee-exceeds-quantity': 'feeExceedsQuantity',
} as const;

/** A history that does not book (P2), as the server's message: worded in each reader's language. */
export function bookingRefusal(error: HoldingsError): ErrorText {
  const withFee = error.code === 'insufficient-holding' && error.values.feeInAsset === 'yes';
  return text('errors', withFee ? 'holdingShortWithFee' : REFUSAL_KEYS[error.code], error.values);
}
