/** Browser calls to the portfolio accounts API (/api/v1/accounts, docs/protocol.md P8) and the answers' types. */
import { accountsApi } from '../../lib/api/accounts';
import type { AccountSummary } from '../../lib/portfolio/account';
import type { ApiResult } from './auth';
import { contractRequest as request, jsonInit } from './contract-request';

export type { ApiResult } from './auth';
export type { AccountSummary } from '../../lib/portfolio/account';

const at = (id: string) => `/api/v1/accounts/${encodeURIComponent(id)}`;

/** The user's portfolio accounts, oldest first, each with its number of transactions. */
export function listAccounts(signal?: AbortSignal): Promise<ApiResult<AccountSummary[]>> {
  return request(accountsApi.list.path, { signal }, accountsApi.list.answer, (answer) => answer.accounts);
}

/** Creates a manual account; a name in use (any case) or a 51st account is refused (409). */
export function createAccount(name: string): Promise<ApiResult<AccountSummary>> {
  return request(
    accountsApi.create.path,
    jsonInit('POST', { name }),
    accountsApi.create.answer,
    (answer) => answer.account,
  );
}

/** Renames account `id`. */
export function renameAccount(id: string, name: string): Promise<ApiResult<AccountSummary>> {
  return request(at(id), jsonInit('PATCH', { name }), accountsApi.rename.answer, (answer) => answer.account);
}

/**
 * Deletes account `id` with every transaction that names it; refused when what remains would not add up (400)
 * or when it is the last account (409). Resolves with how many transactions went with it.
 */
export function deleteAccount(id: string): Promise<ApiResult<number>> {
  // An answer about another account is not this delete's answer.
  return request(at(id), { method: 'DELETE' }, accountsApi.remove.answer, (answer) =>
    answer.deleted === id ? answer.transactions : null,
  );
}
