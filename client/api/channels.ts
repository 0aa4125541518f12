/** Browser calls to the alert channel routes (/api/v1/channels, N8–N11): list, add, delete and test channels. */
import { channelsApi } from '../../lib/api/channels';
import type { AlertChannel, ChannelDelivery, NewChannelBody } from '../../lib/api/channels';
import type { ApiResult } from './auth';
import { contractRequest as request, jsonInit } from './contract-request';

export type { AlertChannel, ChannelDelivery, NewChannelBody } from '../../lib/api/channels';

const at = (id: string) => `/api/v1/channels/${encodeURIComponent(id)}`;

/** The user's channels, oldest first, each with its last few sends. */
export function listChannels(signal?: AbortSignal): Promise<ApiResult<AlertChannel[]>> {
  return request(channelsApi.list.path, { signal }, channelsApi.list.answer, (answer) => answer.channels);
}

/** Adds a channel; a webhook's `signingSecret` is in this answer only. */
export function createChannel(
  body: NewChannelBody,
): Promise<ApiResult<{ channel: AlertChannel; signingSecret?: string }>> {
  return request(channelsApi.create.path, jsonInit('POST', body), channelsApi.create.answer);
}

/** Deletes channel `id`; resolves with its id. */
export function deleteChannel(id: string): Promise<ApiResult<string>> {
  return request(at(id), { method: 'DELETE' }, channelsApi.remove.answer, (answer) => answer.deleted);
}

/** Queues a test message to channel `id`; the list shows how it went. */
export function testChannel(id: string): Promise<ApiResult<ChannelDelivery>> {
  return request(
    `${at(id)}/test`,
    jsonInit('POST', {}),
    channelsApi.test.answer,
    (answer) => answer.delivery,
  );
}
