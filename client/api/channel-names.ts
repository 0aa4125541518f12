/**
 * The names of the user's alert channels (GET /api/v1/channels), for the dashboard's alerts: id, kind and name
 * of each. The Notifications page keeps the whole channel (channels.ts).
 */
import { request } from './auth';
import type { ApiResult } from './auth';
import { answerOf } from './contract-answer';

/** A channel as an alert names it. */
export interface ChannelName {
  id: string;
  /** webhook, ntfy, telegram or email. */
  kind: string;
  name: string;
}

/** The user's channels, oldest first. */
export function listChannelNames(signal?: AbortSignal): Promise<ApiResult<ChannelName[]>> {
  const names = answerOf('channels.list', (answer) =>
    answer.channels.map(({ id, kind, name }) => ({ id, kind, name })),
  );
  return request('/api/v1/channels', { signal }, names);
}
