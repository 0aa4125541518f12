/**
 * Browser calls to the alerts API (/api/v1/alerts): list, set, re-route and delete the signed-in user's alerts.
 * Answers are read by hand, not with the contract's schemas (lib/api/alerts.ts): the dashboard loads this module,
 * and its JavaScript budget has no room for the parser.
 */
import { ALERT_CONDITIONS, MOVE_DIRECTIONS, MOVE_WINDOWS } from '../../lib/alerts';
import type { NewAlert } from '../../lib/alerts';
import type { Alert } from '../../lib/protocol';
import { request } from './auth';
import type { ApiResult } from './auth';
import { isRecord, allOrNull } from './json-shape';

export type { ApiResult } from './auth';

/** What the form sends: amounts as typed (decimal strings, checked by the server), the note optional. */
export type AlertInput = NewAlert;

const at = (id: string) => `/api/v1/alerts/${encodeURIComponent(id)}`;

const json = (method: string, body: object): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

const alertField = (body: unknown) => (isRecord(body) ? readAlert(body.alert) : null);

/** The user's alerts, oldest first, triggered ones included. */
export function listAlerts(signal?: AbortSignal): Promise<ApiResult<Alert[]>> {
  return request('/api/v1/alerts', { signal }, (body) =>
    isRecord(body) && Array.isArray(body.alerts) ? allOrNull(body.alerts, readAlert) : null,
  );
}

/** Sets an alert; one whose condition holds already comes back triggered. */
export function createAlert(input: AlertInput): Promise<ApiResult<Alert>> {
  return request('/api/v1/alerts', json('POST', input), alertField);
}

/** Sends alert `id` to `channels` (ids of the user's channels) besides the open tabs; [] for the tabs only. */
export function setAlertChannels(id: string, channels: readonly string[]): Promise<ApiResult<Alert>> {
  return request(at(id), json('PATCH', { channels }), alertField);
}

/** Deletes alert `id`, waiting or triggered; resolves with the deleted id. */
export function deleteAlert(id: string): Promise<ApiResult<string>> {
  return request(at(id), { method: 'DELETE' }, (body) =>
    isRecord(body) && typeof body.deleted === 'string' ? body.deleted : null,
  );
}

const isString = (value: unknown): value is string => typeof value === 'string';
const nullOr = (value: unknown, type: 'string' | 'number') => value === null || typeof value === type;
const oneOf = (values: readonly string[], value: unknown) => values.some((v) => v === value);

// Amounts are decimal strings: a JSON number here is another server's answer, not a price to show.
function commonOk(value: Record<string, unknown>): boolean {
  const { id, note, channels, createdAt, triggeredAt, triggeredPrice } = value;
  return (
    isString(id) &&
    nullOr(note, 'string') &&
    Array.isArray(channels) &&
    channels.every(isString) &&
    typeof createdAt === 'number' &&
    nullOr(triggeredAt, 'number') &&
    nullOr(triggeredPrice, 'string')
  );
}

function kindOk(value: Record<string, unknown>): boolean {
  switch (value.kind) {
    case 'price':
      return isString(value.stream) && oneOf(ALERT_CONDITIONS, value.condition) && isString(value.price);
    case 'move':
      return (
        isString(value.stream) &&
        oneOf(MOVE_DIRECTIONS, value.direction) &&
        isString(value.percent) &&
        oneOf(MOVE_WINDOWS, value.window) &&
        nullOr(value.triggeredChange, 'string')
      );
    case 'portfolio':
      return oneOf(ALERT_CONDITIONS, value.condition) && isString(value.value) && isString(value.currency);
    default:
      return false;
  }
}

/** An alert of any kind as the contract describes it, or null when it is not one. */
export function readAlert(value: unknown): Alert | null {
  return isRecord(value) && kindOk(value) && commonOk(value) ? (value as unknown as Alert) : null;
}
