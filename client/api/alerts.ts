/** Browser calls to the alerts API (/api/v1/alerts): list, set, re-route and delete the signed-in user's alerts. */
import type { NewAlert } from '../../lib/alerts';
import type { Alert } from '../../lib/protocol';
import { request } from './auth';
import type { ApiResult } from './auth';
import { answerOf } from './contract-answer';

export type { ApiResult } from './auth';

/** What the form sends: amounts as typed (decimal strings, checked by the server), the note optional. */
export type AlertInput = NewAlert;

const at = (id: string) => `/api/v1/alerts/${encodeURIComponent(id)}`;

const json = (method: string, body: object): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** The user's alerts, oldest first, triggered ones included. */
export function listAlerts(signal?: AbortSignal): Promise<ApiResult<Alert[]>> {
  return request(
    '/api/v1/alerts',
    { signal },
    answerOf('alerts.list', (answer) => answer.alerts),
  );
}

/** Sets an alert; one whose condition holds already comes back triggered. */
export function createAlert(input: AlertInput): Promise<ApiResult<Alert>> {
  return request(
    '/api/v1/alerts',
    json('POST', input),
    answerOf('alerts.create', (answer) => answer.alert),
  );
}

/** Sends alert `id` to `channels` (ids of the user's channels) besides the open tabs; [] for the tabs only. */
export function setAlertChannels(id: string, channels: readonly string[]): Promise<ApiResult<Alert>> {
  return request(
    at(id),
    json('PATCH', { channels }),
    answerOf('alerts.channels', (answer) => answer.alert),
  );
}

/** Deletes alert `id`, waiting or triggered; resolves with the deleted id. */
export function deleteAlert(id: string): Promise<ApiResult<string>> {
  return request(
    at(id),
    { method: 'DELETE' },
    answerOf('alerts.remove', (answer) => answer.deleted),
  );
}
