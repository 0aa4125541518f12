/** Browser calls to the portfolio accounts API (/api/v1/accounts, docs/protocol.md P8) and the answers' types. */
import { ACCOUNT_KINDS } from '../../lib/portfolio/account';
import type { AccountSummary } from '../../lib/portfolio/account';
import { request } from './auth';
import type { ApiResult } from './auth';
import { allOrNull, isRecord } from './json-shape';

export type { ApiResult } from './auth';
export type { AccountSummary } from '../../lib/portfolio/account';

/** The user's portfolio accounts, oldest first, each with its number of transactions. */
export function listAccounts(signal?: AbortSignal): Promise<ApiResult<AccountSummary[]>> {
  return request('/api/v1/accounts', { signal }, (body) =>
    isRecord(body) && Array.isArray(body.accounts) ? allOrNull(body.accounts, readAccount) : null,
  );
}

/** Creates a manual account; a name in use (any case) or a 51st account is refused (409). */
export function createAccount(name: string): Promise<ApiResult<AccountSummary>> {
  return request('/api/v1/accounts', withJson('POST', { name }), readAccountField);
}

/** Renames account `id`. */
export function renameAccount(id: string, name: string): Promise<ApiResult<AccountSummary>> {
  return request(`/api/v1/accounts/${encodeURIComponent(id)}`, withJson('PATCH', { name }), readAccountField);
}

/**
 * Deletes account `id` with every transaction that names it; refused when what remains would not add up (400)
 * or when it is the last account (409). Resolves with how many transactions went with it.
 */
export function deleteAccount(id: string): Promise<ApiResult<number>> {
  return request(`/api/v1/accounts/${encodeURIComponent(id)}`, { method: 'DELETE' }, (body) =>
    isRecord(body) && body.deleted === id && typeof body.transactions === 'number' ? body.transactions : null,
  );
}

function withJson(method: 'POST' | 'PATCH', body: object): RequestInit {
  return { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** An account as the API sends it, or null for anything else. */
export function readAccount(value: unknown): AccountSummary | null {
  if (!isRecord(value)) return null;
  const { id, name, kind, createdAt, transactions } = value;
  const ok =
    typeof id === 'string' &&
    typeof name === 'string' &&
    ACCOUNT_KINDS.some((k) => k === kind) &&
    typeof createdAt === 'number' &&
    typeof transactions === 'number';
  return ok ? (value as unknown as AccountSummary) : null;
}

function readAccountField(body: unknown): AccountSummary | null {
  return isRecord(body) ? readAccount(body.account) : null;
}
