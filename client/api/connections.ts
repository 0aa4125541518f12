/** Browser calls to the exchange connections API (/api/v1/connections, docs/protocol.md P9) and its answers' checks. */
import { CONNECTION_ERROR_CODES } from '../../lib/portfolio/connection';
import type {
  ConnectionError,
  ConnectionSummary,
  KeyPermissions,
  SyncProgress,
  SyncResult,
} from '../../lib/portfolio/connection';
import { request } from './auth';
import type { ApiResult } from './auth';
import { allOrNull, isRecord } from './json-shape';

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

const BASE = '/api/v1/connections';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

/** The user's connections, oldest first. */
export function listConnections(signal?: AbortSignal): Promise<ApiResult<ConnectionSummary[]>> {
  return request(BASE, { signal }, (body) =>
    isRecord(body) && Array.isArray(body.connections) ? allOrNull(body.connections, readConnection) : null,
  );
}

/** One connection, as it is now (a running sync's progress included). */
export function getConnection(id: string, signal?: AbortSignal): Promise<ApiResult<ConnectionSummary>> {
  return request(one(id), { signal }, readConnectionField);
}

/**
 * Tests the key with the exchange, then creates the exchange account and its connection and starts the first
 * sync. A key the exchange refuses (400), a taken name (409) or too many tests (429) store nothing.
 */
export function addConnection(input: NewConnection): Promise<ApiResult<ConnectionSummary>> {
  return request(BASE, postJson(input), readConnectionField);
}

/** Starts a sync unless one runs (the answer then shows the running one); refused past the user's limit (429). */
export function syncNow(id: string): Promise<ApiResult<ConnectionSummary>> {
  // The router reads a JSON body on every POST, even one that needs nothing.
  return request(`${one(id)}/sync`, postJson({}), readConnectionField);
}

/** Removes the connection and its stored key; its account stays, with its transactions, as a manual one. */
export function removeConnection(id: string): Promise<ApiResult<string>> {
  return request(one(id), { method: 'DELETE' }, (body) =>
    isRecord(body) && body.deleted === id ? id : null,
  );
}

function postJson(body: object): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

// Records typed by the shared union, so a state or step added there without being added here fails to compile.
const STATES: Record<ConnectionSummary['state'], true> = {
  never: true,
  syncing: true,
  ok: true,
  error: true,
};
const STEPS: Record<SyncProgress['step'], true> = {
  balances: true,
  markets: true,
  trades: true,
  deposits: true,
  withdrawals: true,
  income: true,
  prices: true,
  saving: true,
};

const isTime = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
const isCount = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isFlag = (value: unknown) => value === null || typeof value === 'boolean';
const orNull = (value: unknown, check: (v: unknown) => boolean) => value === null || check(value);
const isKey = <K extends string>(keys: Record<K, true>, value: unknown): value is K =>
  typeof value === 'string' && Object.hasOwn(keys, value);

function isPermissions(value: unknown): value is KeyPermissions {
  return isRecord(value) && isFlag(value.read) && isFlag(value.trade) && isFlag(value.withdraw);
}

function isProgress(value: unknown): value is SyncProgress {
  return isRecord(value) && isKey(STEPS, value.step) && isCount(value.done) && isCount(value.total);
}

function isError(value: unknown): value is ConnectionError {
  return (
    isRecord(value) &&
    CONNECTION_ERROR_CODES.some((code) => code === value.code) &&
    typeof value.message === 'string' &&
    isTime(value.at)
  );
}

function isResult(value: unknown): value is SyncResult {
  return isRecord(value) && isCount(value.added) && isCount(value.adjustments) && isTime(value.at);
}

/** A connection as the API sends it, or null for anything else. */
export function readConnection(value: unknown): ConnectionSummary | null {
  if (!isRecord(value)) return null;
  const { account, warnings } = value;
  const ok =
    typeof value.id === 'string' &&
    isRecord(account) &&
    typeof account.id === 'string' &&
    typeof account.name === 'string' &&
    typeof value.exchange === 'string' &&
    typeof value.keyHint === 'string' &&
    isPermissions(value.permissions) &&
    Array.isArray(warnings) &&
    warnings.every((w) => typeof w === 'string') &&
    isKey(STATES, value.state) &&
    orNull(value.progress, isProgress) &&
    orNull(value.lastSyncAt, isTime) &&
    orNull(value.lastSuccessAt, isTime) &&
    orNull(value.nextSyncAt, isTime) &&
    orNull(value.lastError, isError) &&
    orNull(value.lastResult, isResult) &&
    isTime(value.createdAt);
  return ok ? (value as unknown as ConnectionSummary) : null;
}

function readConnectionField(body: unknown): ConnectionSummary | null {
  return isRecord(body) ? readConnection(body.connection) : null;
}
