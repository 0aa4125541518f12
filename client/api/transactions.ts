/** Browser calls to the transaction routes (/api/v1/transactions, docs/protocol.md P1, P2) and the answers' types. */
import type { z } from 'zod/mini';
import { transactionsApi } from '../../lib/api/transactions';
import type { transactionInput, transactionRecord } from '../../lib/api/transactions';
import type { ApiResult } from './auth';
import { contractRequest as request, jsonInit } from './contract-request';

/**
 * What a client sends to add or replace a transaction: decimal strings, `time` in ISO 8601 with Z or offset. `price`
 * may be left out on income (the server takes the market price of that minute); `account` left out, the server
 * books a new transaction in the oldest account; only transfers have a `toAccount`.
 */
export type TransactionInput = z.output<typeof transactionInput>;

/** A stored transaction as the API lists it: always with its account and price. */
export type TransactionRecord = z.output<typeof transactionRecord>;

/** The fields every transaction has, in the order the form shows them. */
export const TRANSACTION_FIELDS = [
  'type',
  'asset',
  'quantity',
  'price',
  'quoteCurrency',
  'fee',
  'feeCurrency',
  'time',
] as const satisfies ReadonlyArray<keyof TransactionInput>;

/** The fields a transaction may leave out. */
export const OPTIONAL_TRANSACTION_FIELDS = [
  'exchange',
  'note',
  'account',
  'toAccount',
] as const satisfies ReadonlyArray<keyof TransactionInput>;

const at = (id: string) => `/api/v1/transactions/${encodeURIComponent(id)}`;

/** Every transaction of the signed-in user, or those naming one account (a transfer under both of its). */
export function listTransactions(
  signal?: AbortSignal,
  account?: string,
): Promise<ApiResult<TransactionRecord[]>> {
  const query = account === undefined ? '' : `?${new URLSearchParams({ account }).toString()}`;
  return request(
    `${transactionsApi.list.path}${query}`,
    { signal },
    transactionsApi.list.answer,
    (answer) => answer.transactions,
  );
}

/** Adds a transaction; refused (400, with the reason) when the history would not book, e.g. a sell above the holding. */
export function addTransaction(input: TransactionInput): Promise<ApiResult<TransactionRecord>> {
  return request(
    transactionsApi.add.path,
    jsonInit('POST', input),
    transactionsApi.add.answer,
    (answer) => answer.transaction,
  );
}

/** Replaces transaction `id` with `input`, under the same rule as adding. */
export function updateTransaction(
  id: string,
  input: TransactionInput,
): Promise<ApiResult<TransactionRecord>> {
  return request(
    at(id),
    jsonInit('PUT', input),
    transactionsApi.replace.answer,
    (answer) => answer.transaction,
  );
}

/** Deletes transaction `id`; refused when a later transaction needs it (a sell needs its buy). */
export function deleteTransaction(id: string): Promise<ApiResult<string>> {
  return request(at(id), { method: 'DELETE' }, transactionsApi.remove.answer, (answer) => answer.deleted);
}
