/** Browser calls to the portfolio API (/api/v1/portfolio, /api/v1/settings) and the answers' types. */
import { request } from './auth';
import type { ApiResult } from './auth';
import type { AccountKind } from '../../lib/portfolio/account';
import type { ConversionPath } from '../../lib/portfolio/conversion';
import type { CostBasisMethod } from '../../lib/portfolio/lots';
import type { StreamId } from '../../lib/protocol';
import { isRecord, allOrNull } from './json-shape';

export type { ApiResult } from './auth';

/** Where the server found the price a holding is valued at. */
export interface PriceSource {
  stream: StreamId;
  price: string;
  receivedAt: number;
  stale: boolean;
}

/** One valued holding as GET /api/v1/portfolio sends it; amounts are decimal strings. */
export interface PortfolioAsset {
  asset: string;
  quantity: string;
  /** Null for a closed position (nothing held). */
  price: string | null;
  priceSource: PriceSource | null;
  /** The configured exchanges that list the asset's market, in the default order: where it can be priced. */
  venues: string[];
  /** How the price, cost and P&L were converted into the portfolio's currency; null when no conversion was needed. */
  conversion: PortfolioConversion | null;
  marketValue: string;
  costBasis: string;
  unrealizedPnl: string;
  realizedPnl: string;
  allocation: string;
  /** Some of what is held came from an adjustment of unknown cost (P9): cost and unrealized P&L are not real. */
  costUnknown?: boolean;
}

/** A conversion between currencies through markets (server/portfolio; lib/portfolio/conversion.ts). */
export interface PortfolioConversion extends ConversionPath {
  /** The rate the server used: units of `to` per unit of `from`. */
  rate: string;
}

/** Why the server left a holding out of the totals. */
export type UnpricedReason =
  'no-price' | 'invalid-price' | 'other-quote-currency' | 'no-conversion' | 'no-rate';

/** A holding the server could not value. */
export interface UnpricedHolding {
  asset: string;
  quoteCurrency: string;
  reason: UnpricedReason;
  quantity: string;
  costBasis: string;
  realizedPnl: string;
  costUnknown?: boolean;
}

/** Sums over the valued holdings, as decimal strings. */
export interface PortfolioTotals {
  marketValue: string;
  costBasis: string;
  unrealizedPnl: string;
  realizedPnl: string;
}

/** One holding of one account, valued at the same prices as the whole portfolio. */
export interface AccountAsset {
  asset: string;
  quantity: string;
  marketValue: string;
  costBasis: string;
  unrealizedPnl: string;
  realizedPnl: string;
  /** The holding's share of the account's market value. */
  allocation: string;
  costUnknown?: boolean;
}

/** One portfolio account in GET /api/v1/portfolio: its totals and holdings. */
export interface PortfolioAccountAnswer {
  id: string;
  name: string;
  kind: AccountKind;
  complete: boolean;
  totals: PortfolioTotals;
  assets: AccountAsset[];
  unpriced: UnpricedHolding[];
}

/** The answer of GET /api/v1/portfolio; with `account`, `assets` and `totals` are that account's. */
export interface PortfolioAnswer {
  method: CostBasisMethod;
  quoteCurrency: string;
  complete: boolean;
  totals: PortfolioTotals;
  assets: PortfolioAsset[];
  unpriced: UnpricedHolding[];
  /** Every account oldest first, or only the one asked for. */
  accounts: PortfolioAccountAnswer[];
}

/** The user's holdings under `method` at the server's latest prices: all, or one account's (`account`). */
export function fetchPortfolio(
  method: CostBasisMethod,
  signal?: AbortSignal,
  account?: string,
): Promise<ApiResult<PortfolioAnswer>> {
  // No currency: the server values it in the user's own (GET/PUT /api/v1/settings).
  const query = new URLSearchParams({ method, ...(account === undefined ? {} : { account }) });
  return request(`/api/v1/portfolio?${query.toString()}`, { signal }, readPortfolio);
}

const BACKFILL_STATES = ['none', 'pending', 'running', 'done', 'failed'] as const;

/** Where the server stands in working out the past daily values (server/portfolio/value-backfill.ts). */
export type BackfillState = (typeof BACKFILL_STATES)[number];

/** The value history of the portfolio in the user's currency (GET /api/v1/portfolio/history). */
export interface ValueHistory {
  currency: string;
  intervalMs: number;
  /**
   * [time in ms, value as a decimal string], oldest first: the backfilled daily values (each at its UTC day's
   * end), then the values recorded every `intervalMs`.
   */
  points: Array<[number, string]>;
  backfill: {
    state: BackfillState;
    /** Days valued by the last backfill. */
    days: number;
    /** Why some or all past days could not be valued; null when all were. */
    message: string | null;
  };
}

/** The portfolio's recorded and backfilled values, for the value-history chart. */
export function fetchValueHistory(signal?: AbortSignal): Promise<ApiResult<ValueHistory>> {
  return request('/api/v1/portfolio/history', { signal }, (body) =>
    isRecord(body) &&
    typeof body.currency === 'string' &&
    typeof body.intervalMs === 'number' &&
    Array.isArray(body.points) &&
    body.points.every((p) => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'string') &&
    isBackfill(body.backfill)
      ? (body as unknown as ValueHistory)
      : null,
  );
}

function isBackfill(value: unknown): boolean {
  return (
    isRecord(value) &&
    BACKFILL_STATES.some((state) => state === value.state) &&
    typeof value.days === 'number' &&
    (value.message === null || typeof value.message === 'string')
  );
}

/** Sets the currency the signed-in user values the portfolio in. */
export function setPortfolioCurrency(quoteCurrency: string): Promise<ApiResult<string>> {
  const init = {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ quoteCurrency }),
  };
  return request('/api/v1/settings', init, (body) => readSettings(body)?.quoteCurrency ?? null);
}

/** Prices an asset on `exchange`, or on the default order again with null (docs/protocol.md P3). */
export function setPricingExchange(asset: string, exchange: string | null): Promise<ApiResult<string>> {
  const init = {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pricing: { [asset]: exchange } }),
  };
  return request('/api/v1/settings', init, (body) => (readSettings(body) ? asset : null));
}

/** The settings answer (P5): the currency and, per asset, the exchange it is priced on. */
export function readSettings(
  body: unknown,
): { quoteCurrency: string; pricing: Record<string, string> } | null {
  if (!isRecord(body) || typeof body.quoteCurrency !== 'string' || !isRecord(body.pricing)) return null;
  const pricing = body.pricing;
  return Object.values(pricing).every((exchange) => typeof exchange === 'string')
    ? { quoteCurrency: body.quoteCurrency, pricing: pricing as Record<string, string> }
    : null;
}

// True when every key holds a string; amounts travel as decimal strings, so a JSON number is a wrong answer.
function strings(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return keys.every((key) => typeof value[key] === 'string');
}

const AMOUNT_KEYS = ['quantity', 'costBasis', 'realizedPnl'];
const TOTAL_KEYS = ['marketValue', 'costBasis', 'unrealizedPnl', 'realizedPnl'];

function readAsset(value: unknown): PortfolioAsset | null {
  if (!isRecord(value) || !strings(value, ['asset', 'allocation', ...TOTAL_KEYS, 'quantity'])) return null;
  const source = value.priceSource;
  const sourceOk =
    source === null ||
    (isRecord(source) && strings(source, ['stream', 'price']) && typeof source.stale === 'boolean');
  const priceOk = value.price === null || typeof value.price === 'string';
  const venuesOk = Array.isArray(value.venues) && value.venues.every((v) => typeof v === 'string');
  return sourceOk && priceOk && venuesOk ? (value as unknown as PortfolioAsset) : null;
}

function readUnpriced(value: unknown): UnpricedHolding | null {
  if (!isRecord(value) || !strings(value, ['asset', 'quoteCurrency', 'reason', ...AMOUNT_KEYS])) return null;
  return value as unknown as UnpricedHolding;
}

function readAccountAsset(value: unknown): AccountAsset | null {
  return isRecord(value) && strings(value, ['asset', 'quantity', 'allocation', ...TOTAL_KEYS])
    ? (value as unknown as AccountAsset)
    : null;
}

function readAccountAnswer(value: unknown): PortfolioAccountAnswer | null {
  if (!isRecord(value) || !strings(value, ['id', 'name', 'kind']) || typeof value.complete !== 'boolean')
    return null;
  if (!isRecord(value.totals) || !strings(value.totals, TOTAL_KEYS)) return null;
  if (!Array.isArray(value.assets) || !Array.isArray(value.unpriced)) return null;
  const assets = allOrNull(value.assets, readAccountAsset);
  const unpriced = allOrNull(value.unpriced, readUnpriced);
  return assets && unpriced ? { ...(value as unknown as PortfolioAccountAnswer), assets, unpriced } : null;
}

function readPortfolio(body: unknown): PortfolioAnswer | null {
  if (!isRecord(body) || !strings(body, ['method', 'quoteCurrency']) || typeof body.complete !== 'boolean')
    return null;
  if (!isRecord(body.totals) || !strings(body.totals, TOTAL_KEYS)) return null;
  if (!Array.isArray(body.assets) || !Array.isArray(body.unpriced) || !Array.isArray(body.accounts))
    return null;
  const assets = allOrNull(body.assets, readAsset);
  const unpriced = allOrNull(body.unpriced, readUnpriced);
  const accounts = allOrNull(body.accounts, readAccountAnswer);
  return assets && unpriced && accounts
    ? { ...(body as unknown as PortfolioAnswer), assets, unpriced, accounts }
    : null;
}
