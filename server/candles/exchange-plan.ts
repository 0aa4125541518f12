/**
 * What each exchange offers through ccxt: which timeframes come from its own candles, which are built from
 * shorter ones, and how many candles one request and the whole history hold.
 */
import type { Exchange } from 'ccxt';
import { TIMEFRAMES } from '../../lib/timeframes';
import type { Timeframe } from '../../lib/timeframes';

/** Where a timeframe's candles come from: the exchange's own of that timeframe, or built from `source`'s. */
export interface TimeframeSource {
  tf: Timeframe;
  /** The exchange's own timeframe the candles are fetched in: `tf` itself, or a shorter one they are built from. */
  source: Timeframe;
}

/** How much one exchange answers. */
export interface CandleLimits {
  /** The most candles one request returns. */
  perRequest: number;
  /** Only the latest this many candles of a series exist at all, whatever is asked for (Kraken), or null. */
  window: number | null;
}

// Weeks that open on Monday 00:00 UTC, like the chart's. Others' weeks are left unused rather than trusted: several
// exchanges count weeks from the epoch (a Thursday), and such a week is off the chart's grid.
const MONDAY_WEEKS: ReadonlySet<string> = new Set(['binance']);

// Kraken's OHLC endpoint answers its latest 720 candles whatever `since` asks for.
const WINDOWS: ReadonlyMap<string, number> = new Map([['kraken', 720]]);

// A timeframe the exchange lacks is built from the one it divides into whole candles on the same grid.
const BUILT_FROM: Readonly<Partial<Record<Timeframe, Timeframe>>> = {
  '5m': '1m',
  '15m': '5m',
  '1h': '15m',
  '4h': '1h',
  '1d': '1h',
  '1w': '1d',
};

// When ccxt does not say: a size every exchange seen so far accepts.
const DEFAULT_PER_REQUEST = 100;

function native(ex: Exchange, tf: Timeframe): boolean {
  const own = ex.timeframes as Record<string, unknown> | undefined;
  if (own === undefined || !Object.hasOwn(own, tf)) return false;
  return tf !== '1w' || MONDAY_WEEKS.has(ex.id);
}

/** The timeframes `ex` offers, shortest first, each with where its candles come from. */
export function timeframeSources(ex: Exchange): TimeframeSource[] {
  if (!ex.has.fetchOHLCV) return [];
  const out: TimeframeSource[] = [];
  for (const tf of TIMEFRAMES) {
    if (native(ex, tf)) out.push({ tf, source: tf });
    else {
      const from = BUILT_FROM[tf];
      if (from !== undefined && native(ex, from)) out.push({ tf, source: from });
    }
  }
  return out;
}

/** How many candles `ex` answers per request and in all. */
export function candleLimits(ex: Exchange): CandleLimits {
  const features = ex.features as { spot?: { fetchOHLCV?: { limit?: unknown } } } | undefined;
  const limit = features?.spot?.fetchOHLCV?.limit;
  return {
    perRequest:
      typeof limit === 'number' && Number.isInteger(limit) && limit > 0 ? limit : DEFAULT_PER_REQUEST,
    window: WINDOWS.get(ex.id) ?? null,
  };
}
