/**
 * The names of the user's alert channels (GET /api/v1/channels), for the dashboard's alerts: id, kind and name
 * only, read by hand. The Notifications page reads the whole answer with the contract (channels.ts); the
 * dashboard cannot afford that parser in its budget.
 */
import { request } from './auth';
import type { ApiResult } from './auth';
import { allOrNull, isRecord } from './json-shape';

/** A channel as an alert names it. */
export interface ChannelName {
  id: string;
  /** webhook, ntfy, telegram or email; kept as sent, so a kind this page does not know yet still shows. */
  kind: string;
  name: string;
}

/** The user's channels, oldest first. */
export function listChannelNames(signal?: AbortSignal): Promise<ApiResult<ChannelName[]>> {
  return request('/api/v1/channels', { signal }, (body) =>
    isRecord(body) && Array.isArray(body.channels) ? allOrNull(body.channels, readChannelName) : null,
  );
}

function readChannelName(value: unknown): ChannelName | null {
  if (!isRecord(value)) return null;
  const { id, kind, name } = value;
  return typeof id === 'string' && typeof kind === 'string' && typeof name === 'string'
    ? { id, kind, name }
    : null;
}
