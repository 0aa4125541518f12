/**
 * THE HTTP contract: every /api/v1 route's method, path, rule, access, request and answer schemas, gathered from
 * lib/api/*.ts for the server and the OpenAPI document. The browser imports only the area file it calls, never
 * this module, so that the dashboard ships only the schemas it uses.
 */
import { accountsApi } from './api/accounts';
import { alertsApi } from './api/alerts';
import { authApi } from './api/auth';
import { channelsApi } from './api/channels';
import { connectionsApi } from './api/connections';
import type { RouteContract } from './api/contract';
import { marketApi } from './api/market';
import { openApiApi } from './api/openapi';
import { portfolioApi } from './api/portfolio';
import { reportsApi } from './api/reports';
import { tokensApi } from './api/tokens';
import { transactionsApi } from './api/transactions';

export type { RouteContract } from './api/contract';

/** Every area's routes, by area name. */
export const API_AREAS = {
  auth: authApi,
  tokens: tokensApi,
  market: marketApi,
  portfolio: portfolioApi,
  transactions: transactionsApi,
  accounts: accountsApi,
  connections: connectionsApi,
  alerts: alertsApi,
  channels: channelsApi,
  reports: reportsApi,
  openapi: openApiApi,
} satisfies Record<string, Record<string, RouteContract>>;

/** Every route of the contract. */
export const API_ROUTES: readonly RouteContract[] = Object.values(API_AREAS).flatMap((area) =>
  Object.values(area),
);
