/** A portfolio transaction: the zod schemas that admit one from the wire or storage, and the types they yield. */
import { z } from 'zod';
import { formatDecimal, parseDecimal } from './decimal';

/**
 * What a transaction does to a holding. A transfer moves `quantity` from `account` to `toAccount` with its cost
 * basis and acquisition dates; `price` is then the asset's unit value at that time, used only for a fee paid in
 * the asset (the one part a transfer disposes of).
 */
export const INCOME_TYPES = ['staking', 'interest', 'airdrop', 'income'] as const;

/**
 * Income: coins received for nothing given (a staking reward, interest, an airdrop, mining or other income). An
 * acquisition like a buy whose `price` is the coin's market value at that time, so its cost basis is the income
 * it counts as; reported as income apart from gains.
 */
export type IncomeType = (typeof INCOME_TYPES)[number];

export const TRANSACTION_TYPES = [
  'buy',
  'sell',
  'deposit',
  'withdrawal',
  'transfer',
  ...INCOME_TYPES,
] as const;

/** One of TRANSACTION_TYPES. */
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

/** Whether a type is income (INCOME_TYPES). */
export const isIncome = (type: TransactionType): type is IncomeType =>
  (INCOME_TYPES as readonly string[]).includes(type);

/** Tickers and currencies as exchanges list them: "BTC", "USDT", "1INCH", "BRK.B", "USD-C". */
export const TICKER_PATTERN = /^[A-Z0-9.-]{1,20}$/;

/** ccxt exchange ids: "binance", "coinbaseexchange", "okx". */
export const EXCHANGE_ID_PATTERN = /^[a-z0-9_]{1,40}$/;

/** Longest note, in UTF-16 units; a note is a reminder, not a document. */
export const MAX_NOTE_LENGTH = 500;

/** Longest id; ids come from the store, so a longer one is not ours. */
export const MAX_ID_LENGTH = 100;

/** Longest exchange id of a synced transaction: a kind, a market and the exchange's own id. */
export const MAX_EXTERNAL_ID_LENGTH = 200;

/** A short, safe rendering of an untrusted value for an error message. */
function shown(input: unknown): string {
  if (typeof input === 'string') return JSON.stringify(input.length > 24 ? `${input.slice(0, 24)}…` : input);
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'number' || typeof input === 'boolean') return `${typeof input} ${String(input)}`;
  return typeof input;
}

/** A zod error callback: "required" for a missing field, else what was expected and what came instead. */
function expecting(what: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? 'required' : `expected ${what}, got ${shown(issue.input)}`;
}

/** A decimal string field; its output is the canonical form, so "1.50" and "1.5" are stored alike. */
function amount(rule: 'positive' | 'non-negative') {
  // A JSON number has already been through a float, so only strings are exact enough to accept.
  return z.string({ error: expecting('a decimal string like "0.5"') }).transform((text, ctx) => {
    const parsed = parseDecimal(text);
    const reason = !parsed.ok
      ? parsed.reason
      : rule === 'positive' && parsed.value.isZero()
        ? 'must be greater than 0'
        : null;
    if (parsed.ok && reason === null) return formatDecimal(parsed.value);
    ctx.addIssue({ code: 'custom', message: `${reason ?? ''} (got ${shown(text)})`, input: text });
    return z.NEVER;
  });
}

const ticker = z.string({ error: expecting('an upper-case ticker like "BTC"') }).regex(TICKER_PATTERN, {
  error: expecting('an upper-case ticker like "BTC" (1-20 of A-Z, 0-9, ".", "-")'),
});

const fields = {
  type: z.enum(TRANSACTION_TYPES, { error: expecting(`one of ${TRANSACTION_TYPES.join(', ')}`) }),
  asset: ticker,
  quantity: amount('positive'),
  price: amount('non-negative'),
  quoteCurrency: ticker,
  fee: amount('non-negative'),
  feeCurrency: ticker,
  // zod's pattern checks the calendar too (no 2023-02-29), so Date.parse below always gives a number.
  time: z.iso.datetime({
    offset: true,
    error: expecting('an ISO 8601 date-time with offset or Z, like "2024-05-01T12:00:00Z"'),
  }),
  exchange: z
    .string({ error: expecting('a ccxt exchange id like "binance"') })
    .regex(EXCHANGE_ID_PATTERN, { error: expecting('a ccxt exchange id like "binance" (lowercase, ≤ 40)') })
    .optional(),
  note: z
    .string({ error: expecting('text') })
    .max(MAX_NOTE_LENGTH, { error: `at most ${MAX_NOTE_LENGTH} characters` })
    .optional(),
  /** The portfolio account the transaction is booked in (a transfer's source); the store's id. */
  account: accountId().optional(),
  /** A transfer's destination account; only transfers have one. */
  toAccount: accountId().optional(),
};

function accountId() {
  return z
    .string({ error: expecting('an account id') })
    .min(1, { error: 'must not be empty' })
    .max(MAX_ID_LENGTH, { error: `at most ${MAX_ID_LENGTH} characters` });
}

/**
 * The rules between fields: only a transfer names a destination, and never its own source. That a transfer
 * has one at all is checked where the account is resolved (a replaced transfer may keep its own).
 */
function accountsAgree(
  t: { type: TransactionType; account?: string | undefined; toAccount?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (t.toAccount === undefined) return;
  if (t.type !== 'transfer')
    ctx.addIssue({
      code: 'custom',
      path: ['toAccount'],
      message: `only a transfer has one (this is a ${t.type})`,
    });
  else if (t.toAccount === t.account)
    ctx.addIssue({ code: 'custom', path: ['toAccount'], message: 'must be another account than account' });
}

/** Adds the epoch milliseconds of `time`, which every computation sorts by. */
function withTimeMs<T extends { time: string }>(transaction: T): T & { timeMs: number } {
  return { ...transaction, timeMs: Date.parse(transaction.time) };
}

const objectError = { error: expecting('an object') };

/** A transaction as a client submits it: no id yet, its account left to the server when absent; unknown keys refused. */
export const newTransactionSchema = z
  .strictObject(fields, objectError)
  .superRefine(accountsAgree)
  .transform(withTimeMs);

/** A stored transaction: the same fields plus the id the store gave it, and always its account. */
export const transactionSchema = z
  .strictObject(
    {
      id: z
        .string({ error: expecting('a string id') })
        .min(1, { error: 'must not be empty' })
        .max(MAX_ID_LENGTH),
      ...fields,
      account: accountId(),
      /** The exchange's own id of a synced transaction (P9): read-only, set by the sync. */
      externalId: z.string().min(1).max(MAX_EXTERNAL_ID_LENGTH).optional(),
      /** An opening-balance adjustment whose cost nobody has stated yet (P9): its price 0 is not a cost. */
      costUnknown: z.literal(true).optional(),
    },
    objectError,
  )
  .superRefine((t, ctx) => {
    accountsAgree(t, ctx);
    if (t.type === 'transfer' && t.toAccount === undefined)
      ctx.addIssue({ code: 'custom', path: ['toAccount'], message: 'required on a transfer' });
  })
  .transform(withTimeMs);

/** The wire shape of a new transaction, before parsing. */
export type NewTransactionInput = z.input<typeof newTransactionSchema>;

/** A parsed new transaction: canonical decimal strings, and `timeMs` derived from `time` (store `time` only). */
export type NewTransaction = z.output<typeof newTransactionSchema>;

/** A new transaction whose account is known: what the store writes. */
export type BookedTransaction = NewTransaction & { account: string };

/** A transaction a sync books: the exchange's own id makes a second sync add nothing (P9). */
export type SyncedTransaction = BookedTransaction & { externalId: string; costUnknown?: true };

/** A parsed stored transaction, the input of every portfolio computation. */
export type Transaction = z.output<typeof transactionSchema>;

/** Why a transaction was refused: every problem, each as "field: what is wrong". */
export interface TransactionParseError {
  code: 'invalid-transaction';
  message: string;
  issues: string[];
}

/** The result of parsing a transaction. */
export type TransactionParse<T> = { ok: true; value: T } | { ok: false; error: TransactionParseError };

/** One zod issue as "field: message"; an unknown key is named as the field. */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => `${shown(key)}: unknown field`).join('; ');
  }
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'transaction';
  return `${field}: ${issue.message}`;
}

function parseWith<T>(schema: z.ZodType<T>, input: unknown): TransactionParse<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues.map(describeIssue);
  return { ok: false, error: { code: 'invalid-transaction', message: issues.join('; '), issues } };
}

/** Parses an untrusted new transaction (a client's request). */
export function parseNewTransaction(input: unknown): TransactionParse<NewTransaction> {
  return parseWith(newTransactionSchema, input);
}

/** Parses a stored transaction (a row read back, or a new one given its id). */
export function parseTransaction(input: unknown): TransactionParse<Transaction> {
  return parseWith(transactionSchema, input);
}
