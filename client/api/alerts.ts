/** Browser calls to the price-alerts API (/api/v1/alerts): list, set and delete the signed-in user's alerts. */
import { ALERT_CONDITIONS } from '../../lib/alerts';
import type { AlertCondition, PriceAlert, StreamId } from '../../lib/protocol';
import { request } from './auth';
import type { ApiResult } from './auth';
import { isRecord, allOrNull } from './json-shape';

export type { ApiResult } from './auth';

/** What the form sends: the price as typed (a decimal string, checked by the server), the note optional. */
export interface AlertInput {
  stream: StreamId;
  condition: AlertCondition;
  price: string;
  note?: string;
}

/** The user's alerts, oldest first, triggered ones included. */
export function listAlerts(signal?: AbortSignal): Promise<ApiResult<PriceAlert[]>> {
  return request('/api/v1/alerts', { signal }, (body) =>
    isRecord(body) && Array.isArray(body.alerts) ? allOrNull(body.alerts, readAlert) : null,
  );
}

/** Sets an alert; one whose condition holds already comes back triggered at the current price. */
export function createAlert(input: AlertInput): Promise<ApiResult<PriceAlert>> {
  const init = {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  };
  return request('/api/v1/alerts', init, (body) => (isRecord(body) ? readAlert(body.alert) : null));
}

/** Deletes alert `id`, waiting or triggered; resolves with the deleted id. */
export function deleteAlert(id: string): Promise<ApiResult<string>> {
  return request(`/api/v1/alerts/${encodeURIComponent(id)}`, { method: 'DELETE' }, (body) =>
    isRecord(body) && typeof body.deleted === 'string' ? body.deleted : null,
  );
}

const nullOr = (value: unknown, type: 'string' | 'number') => value === null || typeof value === type;

// Amounts are decimal strings: a JSON number here is another server's answer, not a price to show.
function readAlert(value: unknown): PriceAlert | null {
  if (!isRecord(value)) return null;
  const { id, stream, condition, price, note, createdAt, triggeredAt, triggeredPrice } = value;
  const ok =
    typeof id === 'string' &&
    typeof stream === 'string' &&
    ALERT_CONDITIONS.some((c) => c === condition) &&
    typeof price === 'string' &&
    nullOr(note, 'string') &&
    typeof createdAt === 'number' &&
    nullOr(triggeredAt, 'number') &&
    nullOr(triggeredPrice, 'string');
  return ok ? (value as unknown as PriceAlert) : null;
}
