/** The currency the signed-in user values the portfolio in (GET /api/v1/settings), read by hand for the dashboard. */
import { request } from './auth';
import type { ApiResult } from './auth';
import { isRecord } from './json-shape';

/** The user's portfolio currency, e.g. "USDT". */
export function fetchOwnCurrency(signal?: AbortSignal): Promise<ApiResult<string>> {
  return request('/api/v1/settings', { signal }, (body) =>
    isRecord(body) && typeof body.quoteCurrency === 'string' ? body.quoteCurrency : null,
  );
}
