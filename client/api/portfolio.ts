/** Browser calls to the portfolio API (/api/v1/portfolio, /api/v1/settings); the answers' types are the contract's. */
import type { CostBasisMethod } from '../../lib/portfolio/lots';
import type { AnswerAt } from './answer-routes';
import { request } from './auth';
import type { ApiResult } from './auth';
import { answerOf } from './contract-answer';

export type { ApiResult } from './auth';

/** The answer of GET /api/v1/portfolio; with `account`, `assets` and `totals` are that account's. */
export type PortfolioAnswer = AnswerAt<'portfolio.holdings'>;
/** One valued holding; amounts are decimal strings. */
export type PortfolioAsset = PortfolioAnswer['assets'][number];
/** Where the server found the price a holding is valued at. */
export type PriceSource = NonNullable<PortfolioAsset['priceSource']>;
/** How the price, cost and P&L were converted into the portfolio's currency, and at which rate. */
export type PortfolioConversion = NonNullable<PortfolioAsset['conversion']>;
/** A holding the server could not value, and why. */
export type UnpricedHolding = PortfolioAnswer['unpriced'][number];
export type UnpricedReason = UnpricedHolding['reason'];
/** Sums over the valued holdings, as decimal strings. */
export type PortfolioTotals = PortfolioAnswer['totals'];
/** One portfolio account: its totals and holdings, valued at the same prices as the whole portfolio. */
export type PortfolioAccountAnswer = PortfolioAnswer['accounts'][number];
export type AccountAsset = PortfolioAccountAnswer['assets'][number];

/** The user's holdings under `method` at the server's latest prices: all, or one account's (`account`). */
export function fetchPortfolio(
  method: CostBasisMethod,
  signal?: AbortSignal,
  account?: string,
): Promise<ApiResult<PortfolioAnswer>> {
  // No currency: the server values it in the user's own (GET/PUT /api/v1/settings).
  const query = new URLSearchParams({ method, ...(account === undefined ? {} : { account }) });
  return request(`/api/v1/portfolio?${query.toString()}`, { signal }, answerOf('portfolio.holdings'));
}

/** The value history of the portfolio in the user's currency (GET /api/v1/portfolio/history): the backfilled
 * daily values (each at its UTC day's end), then the values recorded every `intervalMs`, oldest first. */
export type ValueHistory = AnswerAt<'portfolio.history'>;

/** Where the server stands in working out the past daily values (server/portfolio/value-backfill.ts). */
export type BackfillState = ValueHistory['backfill']['state'];

/** The portfolio's recorded and backfilled values, for the value-history chart. */
export function fetchValueHistory(signal?: AbortSignal): Promise<ApiResult<ValueHistory>> {
  return request('/api/v1/portfolio/history', { signal }, answerOf('portfolio.history'));
}

/** Sets the currency the signed-in user values the portfolio in. */
export function setPortfolioCurrency(quoteCurrency: string): Promise<ApiResult<string>> {
  const init = {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ quoteCurrency }),
  };
  return request(
    '/api/v1/settings',
    init,
    answerOf('portfolio.changeSettings', (answer) => answer.quoteCurrency),
  );
}

/** Prices an asset on `exchange`, or on the default order again with null (docs/protocol.md P3). */
export function setPricingExchange(asset: string, exchange: string | null): Promise<ApiResult<string>> {
  const init = {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pricing: { [asset]: exchange } }),
  };
  return request(
    '/api/v1/settings',
    init,
    answerOf('portfolio.changeSettings', () => asset),
  );
}
