/** The markets the server knows, and the questions asked of them: may a stream be watched, what matches a search. */
import type { FeedStatus, StreamId } from '../../lib/protocol';
import { parseStreamId } from '../../lib/stream-id';
import { AppError, text } from '../errors';
import type { MarketInfo } from './types';

/** What the rest of the server asks about markets: does a stream exist, which markets match a search. */
export interface MarketCatalog {
  /** Throws an AppError saying why the stream cannot be watched, or returns its parts. */
  check(stream: string): { exchange: string; symbol: string };
  /** Markets of an exchange whose symbol or assets start with or contain the query, best matches first. */
  search(exchange: string, query: string, limit: number): MarketInfo[];
}

/**
 * The exchange feeds as the rest of the server sees them, whether this process runs them (FeedManager) or a
 * cluster's feed leader does (server/cluster/cluster-feeds.ts).
 */
export interface Feeds extends MarketCatalog {
  start(): void;
  stop(): Promise<void>;
  /** Sets the streams this process needs watched. */
  setDemand(streams: Iterable<StreamId>): void;
  /** The current health of every feed. */
  statuses(): FeedStatus[];
  /** Calls `listener` with all statuses whenever one changes; returns a function that stops it. */
  onStatus(listener: (statuses: FeedStatus[]) => void): () => void;
  /** True when any feed gives simulated prices. */
  simulated(): boolean;
  /** True when the exchange is configured and its loaded markets include the symbol. */
  hasMarket(exchange: string, symbol: string): boolean;
  /** An exchange's loaded markets by symbol (empty until loaded); undefined when it is not configured. */
  marketsOf(exchange: string): ReadonlyMap<string, MarketInfo> | undefined;
}

/** An exchange's loaded markets by symbol; undefined when the exchange is not configured. */
export type MarketsOf = (exchange: string) => ReadonlyMap<string, MarketInfo> | undefined;

/** UNKNOWN_EXCHANGE: an exchange this server has no feed for. */
export function notConfigured(exchange: string): AppError {
  return new AppError('UNKNOWN_EXCHANGE', text('errors', 'exchangeNotConfigured', { exchange }));
}

/** UNKNOWN_SYMBOL: a market the exchange does not list. */
export function noMarket(exchange: string, symbol: string): AppError {
  return new AppError('UNKNOWN_SYMBOL', text('errors', 'noMarket', { exchange, symbol }));
}

/** MarketCatalog.check over the markets `marketsOf` gives. */
export function checkStream(marketsOf: MarketsOf, stream: string): { exchange: string; symbol: string } {
  const ref = parseStreamId(stream);
  if (!ref) throw new AppError('BAD_REQUEST', text('errors', 'notStreamId', { stream: truncate(stream) }));
  const markets = marketsOf(ref.exchange);
  if (!markets) throw notConfigured(ref.exchange);
  if (markets.size === 0) {
    throw new AppError('EXCHANGE_UNAVAILABLE', text('errors', 'marketsLoading', { exchange: ref.exchange }));
  }
  if (!markets.has(ref.symbol)) {
    throw noMarket(ref.exchange, ref.symbol);
  }
  return ref;
}

/** MarketCatalog.search over the markets `marketsOf` gives. */
export function searchMarkets(
  marketsOf: MarketsOf,
  exchange: string,
  query: string,
  limit: number,
): MarketInfo[] {
  const markets = marketsOf(exchange);
  if (!markets) throw notConfigured(exchange);
  const q = query.trim().toUpperCase();
  const scored: Array<[number, MarketInfo]> = [];
  for (const info of markets.values()) {
    const score = matchScore(info, q);
    if (score > 0) scored.push([score, info]);
  }
  scored.sort((a, b) => b[0] - a[0] || a[1].symbol.localeCompare(b[1].symbol));
  return scored.slice(0, limit).map(([, info]) => info);
}

// Exact symbol first, then base asset, then prefixes, then anything containing the query.
function matchScore(info: MarketInfo, q: string): number {
  if (!info.active) return 0;
  if (q === '') return 1;
  const symbol = info.symbol.toUpperCase();
  if (symbol === q || symbol.replace('/', '') === q) return 5;
  if (info.base.toUpperCase() === q) return 4;
  if (symbol.startsWith(q)) return 3;
  if (symbol.includes(q)) return 2;
  return 0;
}

function truncate(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
