/** The currency the signed-in user values the portfolio in (GET /api/v1/settings), read by hand for the dashboard. */
import { request } from './auth';
import type { ApiResult } from './auth';
import { readSettings } from './portfolio';

/** The user's portfolio currency, e.g. "USDT". */
export function fetchOwnCurrency(signal?: AbortSignal): Promise<ApiResult<string>> {
  return request('/api/v1/settings', { signal }, (body) => readSettings(body)?.quoteCurrency ?? null);
}
