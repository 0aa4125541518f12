/**
 * The last state the dashboard showed while live: the watchlist's prices and the portfolio's valuation, kept in
 * this browser so that a reload without a network shows them, marked offline with their age. It is the signed-in
 * user's data: deleted at sign-out and at any sign-in (private-caches.ts), so no other account ever sees it.
 */
import type { PortfolioAnswer } from '../api/portfolio';
import type { PreferenceStorage } from '../socket/low-data-preference';
import type { StreamId, Ticker } from '../../lib/protocol';

export const LAST_STATE_KEY = 'livefolio:last-state';
export const LAST_PORTFOLIO_KEY = 'livefolio:last-portfolio';

/** The watchlist and its prices while live. */
export interface LastState {
  /** When it was live (ms since the epoch, the browser's clock). */
  savedAt: number;
  watchlist: StreamId[];
  tickers: Record<StreamId, Ticker>;
}

/** The latest valuation, with the cost-basis method it was asked with. */
export interface LastPortfolio {
  savedAt: number;
  method: string;
  data: PortfolioAnswer;
}

type Storage = PreferenceStorage & { removeItem(key: string): void };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function read(storage: PreferenceStorage | null, key: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(storage?.getItem(key) ?? 'null');
    return isRecord(value) && typeof value.savedAt === 'number' ? value : null;
  } catch {
    return null;
  }
}

/** The kept prices, or null when there are none or they are not (another version's, or edited by hand). */
export function readLastState(storage: PreferenceStorage | null): LastState | null {
  const value = read(storage, LAST_STATE_KEY);
  if (!value || !Array.isArray(value.watchlist) || !isRecord(value.tickers)) return null;
  if (!value.watchlist.every((s) => typeof s === 'string')) return null;
  const tickersOk = Object.values(value.tickers).every(
    (t) => isRecord(t) && typeof t.timestamp === 'number' && typeof t.receivedAt === 'number',
  );
  return tickersOk ? (value as unknown as LastState) : null;
}

/** The kept valuation of `method`, or null. */
export function readLastPortfolio(storage: PreferenceStorage | null, method: string): LastPortfolio | null {
  const value = read(storage, LAST_PORTFOLIO_KEY);
  if (!value || value.method !== method || !isRecord(value.data) || !Array.isArray(value.data.assets))
    return null;
  return value as unknown as LastPortfolio;
}

function save(storage: PreferenceStorage | null, key: string, value: LastState | LastPortfolio): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Nothing kept (a full or refused storage): offline shows the page without it, as before.
  }
}

export const saveLastState = (storage: PreferenceStorage | null, state: LastState) =>
  save(storage, LAST_STATE_KEY, state);
export const saveLastPortfolio = (storage: PreferenceStorage | null, portfolio: LastPortfolio) =>
  save(storage, LAST_PORTFOLIO_KEY, portfolio);

export function clearLastState(storage: Storage | null): void {
  try {
    storage?.removeItem(LAST_STATE_KEY);
    storage?.removeItem(LAST_PORTFOLIO_KEY);
  } catch {
    // A storage that cannot be written holds nothing of ours either.
  }
}
