/** Browser calls to the API tokens routes (/api/v1/tokens, A9): list, create and revoke the user's tokens. */
import type { z } from 'zod/mini';
import { tokensApi } from '../../lib/api/tokens';
import type { apiToken, TokenScope } from '../../lib/api/tokens';
import type { ApiResult } from './auth';
import { contractRequest as request, jsonInit } from './contract-request';

export type ApiToken = z.output<typeof apiToken>;

/** What the form sends; `expiresInDays` null for a token that lasts until revoked. */
export interface TokenInput {
  name: string;
  scope: TokenScope;
  expiresInDays: number | null;
}

/** The user's tokens, oldest first. */
export function listTokens(signal?: AbortSignal): Promise<ApiResult<ApiToken[]>> {
  return request(tokensApi.list.path, { signal }, tokensApi.list.answer, (answer) => answer.tokens);
}

/** Creates a token; the answer's `secret` is the token, shown once. */
export function createToken(input: TokenInput): Promise<ApiResult<{ token: ApiToken; secret: string }>> {
  return request(tokensApi.create.path, jsonInit('POST', input), tokensApi.create.answer);
}

/** Revokes token `id`; resolves with its id. */
export function revokeToken(id: string): Promise<ApiResult<string>> {
  return request(
    `/api/v1/tokens/${encodeURIComponent(id)}`,
    { method: 'DELETE' },
    tokensApi.revoke.answer,
    (answer) => answer.deleted,
  );
}
