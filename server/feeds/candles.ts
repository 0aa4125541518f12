/**
 * Past prices from the exchanges' OHLCV history (ccxt fetchOHLCV): daily closes for backfilling portfolio values,
 * and a minute's price for valuing income and imports.
 */
import type { Exchange } from 'ccxt';
import type { Logger } from 'pino';
import type { StreamId } from '../../lib/protocol';
import { parseStreamId } from '../../lib/stream-id';
import { RestExchanges } from './rest-exchanges';
import type { ExchangeSpec } from './types';

export const DAY_MS = 86_400_000;

/** Candles per request: Binance's maximum, and what most exchanges accept. */
const PAGE = 1000;

/** How long after a minute the next candle may open and still stand for it (a market without trades then). */
const NEAREST_MINUTE_MS = 3_600_000;

/** UTC midnight of the day holding `timeMs`. */
export const dayStart = (timeMs: number) => Math.floor(timeMs / DAY_MS) * DAY_MS;

/**
 * The open of `symbol`'s one-minute candle at `minute` (or the next one within the hour), or null: through any
 * ccxt instance, the candle source's own or a sync's keyed one.
 */
export async function minuteOpenOf(ex: Exchange, symbol: string, minute: number): Promise<number | null> {
  const [candle] = await ex.fetchOHLCV(symbol, '1m', minute, 1);
  const [time, open] = candle ?? [];
  // Kraken keeps only its latest 720 candles and answers an older `since` with them: a candle that far from the
  // minute asked is another time's price, not that minute's.
  if (typeof time !== 'number' || time < minute || time - minute > NEAREST_MINUTE_MS) return null;
  return typeof open === 'number' && Number.isFinite(open) && open > 0 ? open : null;
}

/** What a backfill asks of the exchanges. */
export interface CandleSource {
  /** Whether the stream's exchange offers OHLCV history at all. */
  offersHistory(stream: StreamId): Promise<boolean>;
  /** Close of each complete UTC day from `fromDay` up to yesterday, by day start; days the exchange lacks are absent. */
  dailyCloses(stream: StreamId, fromDay: number, now: number): Promise<Map<number, number>>;
  /** The open of the one-minute candle holding `timeMs` (or the next one, within the hour), or null. */
  minuteOpen(stream: StreamId, timeMs: number): Promise<number | null>;
  close(): Promise<void>;
}

/**
 * Daily closes and minute opens through the shared REST instances (rest-exchanges.ts). A finished day's candle
 * never changes, so each stream's closes are cached and only newer days are asked for again.
 */
export class CcxtCandleSource implements CandleSource {
  private readonly exchanges: RestExchanges;
  private readonly cache = new Map<StreamId, Map<number, number>>();
  // A past minute's candle never changes: each is asked for once.
  private readonly minutes = new Map<string, Promise<number | null>>();

  /** `exchanges`: the instances to share with the server's other history requests; its own otherwise. */
  constructor(specs: readonly ExchangeSpec[], log: Logger, exchanges?: RestExchanges) {
    this.exchanges = exchanges ?? new RestExchanges(specs, log);
  }

  async offersHistory(stream: StreamId): Promise<boolean> {
    const ref = parseStreamId(stream);
    const ex = ref && (await this.exchange(ref.exchange));
    return Boolean(ex?.has.fetchOHLCV);
  }

  async dailyCloses(stream: StreamId, fromDay: number, now: number): Promise<Map<number, number>> {
    const ref = parseStreamId(stream);
    const ex = ref && (await this.exchange(ref.exchange));
    if (!ref || !ex?.has.fetchOHLCV) return new Map();
    const today = dayStart(now);
    const closes = this.cache.get(stream) ?? new Map<number, number>();
    this.cache.set(stream, closes);
    // Only the days not yet known: usually none, or the one that ended since the last backfill.
    let since = fromDay;
    while (closes.has(since) && since < today) since += DAY_MS;
    while (since < today) {
      const candles = await ex.fetchOHLCV(ref.symbol, '1d', since, PAGE);
      let next = since;
      for (const [time, , , , close] of candles) {
        if (typeof time !== 'number' || typeof close !== 'number' || !(close > 0)) continue;
        // Today's candle is still moving; it is not a close yet.
        if (time >= today) continue;
        closes.set(dayStart(time), close);
        next = Math.max(next, dayStart(time) + DAY_MS);
      }
      // An exchange that returns nothing new for the window has no older history: stop rather than loop.
      if (next === since) break;
      since = next;
    }
    const out = new Map<number, number>();
    for (const [day, close] of closes) if (day >= fromDay && day < today) out.set(day, close);
    return out;
  }

  minuteOpen(stream: StreamId, timeMs: number): Promise<number | null> {
    const minute = Math.floor(timeMs / 60_000) * 60_000;
    const key = `${stream} ${minute}`;
    let found = this.minutes.get(key);
    if (!found) {
      found = this.fetchMinute(stream, minute);
      // A failure (the exchange unreachable) is not a price: asked again next time.
      found.catch(() => this.minutes.delete(key));
      this.minutes.set(key, found);
    }
    return found;
  }

  private async fetchMinute(stream: StreamId, minute: number): Promise<number | null> {
    const ref = parseStreamId(stream);
    const ex = ref && (await this.exchange(ref.exchange));
    if (!ref || !ex?.has.fetchOHLCV) return null;
    return minuteOpenOf(ex, ref.symbol, minute);
  }

  close(): Promise<void> {
    return this.exchanges.close();
  }

  private exchange(id: string): Promise<Exchange> | null {
    return this.exchanges.get(id);
  }
}
