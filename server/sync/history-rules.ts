/**
 * How far back, and in what steps, an exchange's private history can be read: what its API documents beyond
 * ccxt's unified calls. An exchange not listed is read with ccxt's defaults, in one call per history.
 */

/** What a sync must know about one exchange's history endpoints. */
export interface HistoryRules {
  /** The longest window one deposit or withdrawal request may span (Binance: 90 days). */
  windowMs?: number;
  /** Where the history starts: the exchange's launch, before which nothing can exist. */
  startMs?: number;
  /** Trades are paged by the exchange's own id (`fromId`) rather than by time. */
  tradesById?: boolean;
  /** Income (interest, staking, airdrops) is read from Binance's asset-dividend record. */
  assetDividends?: boolean;
}

const DAY_MS = 86_400_000;

const RULES: Readonly<Record<string, HistoryRules>> = {
  // Binance: deposit and withdrawal history in windows of at most 90 days (-1127 otherwise), from its launch in
  // July 2017; myTrades pages by `fromId` (a time range may span 24 h at most); income is in the asset-dividend
  // record, which no unified ccxt call reads.
  binance: { windowMs: 90 * DAY_MS, startMs: Date.UTC(2017, 6, 1), tradesById: true, assetDividends: true },
};

/** The rules for a ccxt exchange id. */
export function historyRules(exchange: string): HistoryRules {
  return Object.hasOwn(RULES, exchange) ? (RULES[exchange] as HistoryRules) : {};
}
