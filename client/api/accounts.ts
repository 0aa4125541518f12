/** Browser calls to the portfolio-accounts API (/api/v1/accounts, P8): list, add, rename and delete accounts. */
import { request } from './auth';
import type { ApiResult } from './auth';
import { allOrNull, isRecord } from './json-shape';

export type { ApiResult } from './auth';

/** Where an account's transactions come from: typed in, or synced from an exchange connection. */
export type AccountKind = 'manual' | 'exchange';

/** One of the user's portfolio accounts, with the number of transactions it holds. */
export interface PortfolioAccount {
  id: string;
  name: string;
  kind: AccountKind;
  createdAt: number;
  transactions: number;
}

/** The user's accounts, oldest first. */
export function listAccounts(signal?: AbortSignal): Promise<ApiResult<PortfolioAccount[]>> {
  return request('/api/v1/accounts', { signal }, (body) =>
    isRecord(body) && Array.isArray(body.accounts) ? allOrNull(body.accounts, readAccount) : null,
  );
}

/** Adds a manual account; a name the user already has (in any case) is a CONFLICT. */
export function createAccount(name: string): Promise<ApiResult<PortfolioAccount>> {
  return send('/api/v1/accounts', 'POST', { name });
}

/** Renames account `id`. */
export function renameAccount(id: string, name: string): Promise<ApiResult<PortfolioAccount>> {
  return send(`/api/v1/accounts/${encodeURIComponent(id)}`, 'PATCH', { name });
}

/** Deletes account `id` and its transactions; refused when the rest of the history would not add up. */
export function deleteAccount(id: string): Promise<ApiResult<string>> {
  return request(`/api/v1/accounts/${encodeURIComponent(id)}`, { method: 'DELETE' }, (body) =>
    isRecord(body) && typeof body.deleted === 'string' ? body.deleted : null,
  );
}

function send(path: string, method: string, body: object): Promise<ApiResult<PortfolioAccount>> {
  const init = { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  return request(path, init, (answer) => (isRecord(answer) ? readAccount(answer.account) : null));
}

function readAccount(value: unknown): PortfolioAccount | null {
  if (!isRecord(value)) return null;
  const { id, name, kind, createdAt, transactions } = value;
  const ok =
    typeof id === 'string' &&
    typeof name === 'string' &&
    (kind === 'manual' || kind === 'exchange') &&
    typeof createdAt === 'number' &&
    typeof transactions === 'number';
  return ok ? { id, name, kind, createdAt, transactions } : null;
}
