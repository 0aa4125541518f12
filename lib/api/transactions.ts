/** The transaction routes' contract (docs/protocol.md P1, P2, P4): list, add, read, replace, delete, CSV. */
import * as z from 'zod/mini';
import type { TransactionType } from '../portfolio/transaction';
import {
  accountIdParam,
  decimalString,
  defineRoute,
  deletedAnswer,
  epochMs,
  idParams,
  literals,
} from './contract';

/** Every transaction type (lib/portfolio/transaction.ts, which the browser does not load). */
export const TRANSACTION_TYPES = literals<TransactionType>()([
  'buy',
  'sell',
  'deposit',
  'withdrawal',
  'transfer',
  'staking',
  'interest',
  'airdrop',
  'income',
]);

/** The fields a client sends; the server's checks of each (server/portfolio) follow the wire-shape parse. */
const inputFields = {
  type: z.enum(TRANSACTION_TYPES),
  asset: z.string(),
  quantity: decimalString,
  price: decimalString,
  quoteCurrency: z.string(),
  fee: decimalString,
  feeCurrency: z.string(),
  /** ISO 8601 with `Z` or an offset. */
  time: z.string(),
  exchange: z.optional(z.string()),
  note: z.optional(z.string()),
  account: z.optional(z.string()),
  toAccount: z.optional(z.string()),
};

/** What a client sends to add or replace a transaction (`price` may be left out on income, P1). */
export const transactionInput = z
  .object({ ...inputFields, price: z.optional(decimalString) })
  .register(z.globalRegistry, { id: 'TransactionInput' });

/** A stored transaction as the API sends it: always with its id, time in ms and account. */
export const transactionRecord = z
  .object({
    ...inputFields,
    id: z.string(),
    timeMs: epochMs,
    account: z.string(),
    /** The exchange's own id of a synced transaction (P9). */
    externalId: z.optional(z.string()),
    /** An opening balance of unknown cost from a sync (P9). */
    costUnknown: z.optional(z.literal(true)),
  })
  .register(z.globalRegistry, { id: 'Transaction' });

/** The formats an import reads, besides `auto`. */
export const IMPORT_FILE_FORMATS = ['livefolio', 'binance', 'coinbase', 'kraken'] as const;

/** What an import did. */
export const importResult = z
  .object({
    format: z.enum(IMPORT_FILE_FORMATS),
    imported: z.number(),
    skipped: z.number(),
    ignored: z.number(),
    warnings: z.array(z.string()),
    /** The account an exchange's file went into; absent for Livefolio's own format. */
    account: z.optional(z.object({ id: z.string(), name: z.string() })),
  })
  .register(z.globalRegistry, { id: 'ImportResult' });

const transactionAnswer = z.object({ transaction: transactionRecord });

/** P1: only the transactions naming one account (a transfer is listed under both of its). */
export const transactionsQuery = z.strictObject({ account: z.optional(accountIdParam) });

/** P4: the account an import goes into, and the file's format (`auto`: told apart by the header row). */
export const importQuery = z.strictObject({
  account: z.optional(accountIdParam),
  format: z._default(z.enum(['auto', ...IMPORT_FILE_FORMATS]), 'auto'),
});

export const transactionsApi = {
  list: defineRoute({
    method: 'GET',
    path: '/api/v1/transactions',
    rule: 'P1',
    summary: "The user's transactions in time order, all or those naming one account",
    access: 'user',
    query: transactionsQuery,
    answer: z.object({ transactions: z.array(transactionRecord) }),
  }),
  add: defineRoute({
    method: 'POST',
    path: '/api/v1/transactions',
    rule: 'P1',
    summary: 'Adds a transaction; refused when the history would not add up (P2)',
    access: 'user',
    body: transactionInput,
    bodyCheckedBy: 'handler',
    status: 201,
    answer: transactionAnswer,
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/v1/transactions/:id',
    rule: 'P1',
    summary: 'One transaction',
    access: 'user',
    params: idParams,
    answer: transactionAnswer,
  }),
  replace: defineRoute({
    method: 'PUT',
    path: '/api/v1/transactions/:id',
    rule: 'P1',
    summary: 'Replaces a transaction, under the rule of adding',
    access: 'user',
    params: idParams,
    body: transactionInput,
    bodyCheckedBy: 'handler',
    answer: transactionAnswer,
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/v1/transactions/:id',
    rule: 'P2',
    summary: 'Deletes a transaction; refused when a later one needs it',
    access: 'user',
    params: idParams,
    answer: deletedAnswer,
  }),
  exportCsv: defineRoute({
    method: 'GET',
    path: '/api/v1/transactions.csv',
    rule: 'P4',
    summary: 'Every transaction as a CSV file',
    access: 'user',
    answer: 'csv',
  }),
  importCsv: defineRoute({
    method: 'POST',
    path: '/api/v1/transactions.csv',
    rule: 'P4',
    summary: "Imports a CSV file (Livefolio's own or an exchange's): all of it, or nothing",
    access: 'user',
    query: importQuery,
    body: 'csv',
    status: 201,
    answer: importResult,
  }),
};
