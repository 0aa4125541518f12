/** The currency the signed-in user values the portfolio in (GET /api/v1/settings). */
import { request } from './auth';
import type { ApiResult } from './auth';
import { answerOf } from './contract-answer';

/** The user's portfolio currency, e.g. "USDT". */
export function fetchOwnCurrency(signal?: AbortSignal): Promise<ApiResult<string>> {
  return request(
    '/api/v1/settings',
    { signal },
    answerOf('portfolio.settings', (answer) => answer.quoteCurrency),
  );
}
