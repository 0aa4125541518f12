/** Browser calls to the exchange connections API (/api/v1/connections, docs/protocol.md P9). */
import { connectionsApi } from '../../lib/api/connections';
import type { ConnectionSummary } from '../../lib/portfolio/connection';
import type { ApiResult } from './auth';
import { contractRequest as request, jsonInit } from './contract-request';

export type { ApiResult } from './auth';
export type { ConnectionSummary } from '../../lib/portfolio/connection';

/** What a user gives to connect an exchange; the key, secret and passphrase go to the server once, never back. */
export interface NewConnection {
  exchange: string;
  name: string;
  apiKey: string;
  secret: string;
  /** The key's passphrase, on exchanges that give one (KuCoin, OKX, Coinbase Exchange). */
  password?: string;
}

const one = (id: string) => `${connectionsApi.list.path}/${encodeURIComponent(id)}`;

/** The user's connections, oldest first. */
export function listConnections(signal?: AbortSignal): Promise<ApiResult<ConnectionSummary[]>> {
  return request(
    connectionsApi.list.path,
    { signal },
    connectionsApi.list.answer,
    (answer) => answer.connections,
  );
}

/** One connection, as it is now (a running sync's progress included). */
export function getConnection(id: string, signal?: AbortSignal): Promise<ApiResult<ConnectionSummary>> {
  return request(one(id), { signal }, connectionsApi.get.answer, (answer) => answer.connection);
}

/**
 * Tests the key with the exchange, then creates the exchange account and its connection and starts the first
 * sync. A key the exchange refuses (400), a taken name (409) or too many tests (429) store nothing.
 */
export function addConnection(input: NewConnection): Promise<ApiResult<ConnectionSummary>> {
  return request(
    connectionsApi.add.path,
    jsonInit('POST', input),
    connectionsApi.add.answer,
    (answer) => answer.connection,
  );
}

/** Starts a sync unless one runs (the answer then shows the running one); refused past the user's limit (429). */
export function syncNow(id: string): Promise<ApiResult<ConnectionSummary>> {
  // The router reads a JSON body on every POST, even one that needs nothing.
  return request(
    `${one(id)}/sync`,
    jsonInit('POST', {}),
    connectionsApi.sync.answer,
    (answer) => answer.connection,
  );
}

/** Removes the connection and its stored key; its account stays, with its transactions, as a manual one. */
export function removeConnection(id: string): Promise<ApiResult<string>> {
  // An answer about another connection is not this removal's answer.
  return request(one(id), { method: 'DELETE' }, connectionsApi.remove.answer, (answer) =>
    answer.deleted === id ? id : null,
  );
}
