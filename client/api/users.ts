/** Browser calls to the users routes (/api/v1/users, A6): list and create accounts, for admins. */
import type { z } from 'zod/mini';
import { authApi } from '../../lib/api/auth';
import type { accountUser } from '../../lib/api/auth';
import type { ApiResult } from './auth';
import { contractRequest as request, jsonInit } from './contract-request';

export type AccountUser = z.output<typeof accountUser>;

/** Every account (admins only). */
export function listUsers(signal?: AbortSignal): Promise<ApiResult<AccountUser[]>> {
  return request(authApi.users.path, { signal }, authApi.users.answer, (answer) => answer.users);
}

/** Creates an account (admins only); a taken username is a CONFLICT. */
export function createUser(input: {
  username: string;
  password: string;
  isAdmin: boolean;
}): Promise<ApiResult<AccountUser>> {
  return request(
    authApi.createUser.path,
    jsonInit('POST', input),
    authApi.createUser.answer,
    (answer) => answer.user,
  );
}
