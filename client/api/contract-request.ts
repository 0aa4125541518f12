/**
 * A call to a route of the HTTP contract (lib/api), its answer parsed with the contract's own zod schema. Every
 * page but the dashboard uses it (tokens, notifications, accounts, transactions, reports, users); the dashboard
 * parses the same schemas as JSON Schema (contract-answer.ts), as zod's parser would add about 26 kB gzip to its
 * JavaScript (docs/performance-dashboard.md).
 */
import { safeParse } from 'zod/mini';
import type { output, ZodMiniType } from 'zod/mini';
import { request } from './auth';
import type { ApiResult } from './auth';

export function contractRequest<S extends ZodMiniType, T = output<S>>(
  path: string,
  init: RequestInit,
  schema: S,
  pick: (answer: output<S>) => T | null = (answer) => answer as T,
): Promise<ApiResult<T>> {
  return request(path, init, (body) => {
    const parsed = safeParse(schema, body);
    return parsed.success ? pick(parsed.data) : null;
  });
}

/** A JSON request of `method` with `body`. */
export const jsonInit = (method: string, body: object): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
