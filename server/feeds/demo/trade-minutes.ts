/** What a simulated market actually traded, per minute since the demo started: the candles after the start. */
import { addPrint } from './rolling-window';
import type { MinuteBar } from './rolling-window';

const MINUTE_MS = 60_000;

/**
 * How long the minutes are kept: the last 7 days of a running demo (10,080 minutes a market). A recorded minute
 * takes about 180 bytes, so the three venues' 74 markets grow by about 19 MB a day, to about 130 MB after a week.
 * A candle after the start but older than that shows the carried price with no volume (live-candles.ts).
 */
export const TRADE_MINUTES_KEPT = 7 * 24 * 60;

/** One minute of prints (a bar like the 24h window's), with its open time and taker-buy part. */
export interface TradeMinute extends MinuteBar {
  /** Open time of the minute (ms since the epoch, a whole minute). */
  openTime: number;
  /** The part bought at the ask (Binance's taker-buy volumes). */
  takerBaseUnits: number;
  takerQuote: number;
}

/** One print of the simulator: the price, the volume it stands for and how many trades made it up. */
export interface TradePrint {
  symbol: string;
  time: number;
  price: number;
  baseUnits: number;
  quote: number;
  trades: number;
  /** True when it printed at the ask: a buyer took the offer. */
  takerBuy: boolean;
}

/** The recorded minutes of every market; only the simulator's prints write here. */
export interface TradeMinutes {
  record(print: TradePrint): void;
  /** The recorded minutes with open times in [from, to), oldest first; minutes with no print are absent. */
  range(symbol: string, from: number, to: number): TradeMinute[];
  /** The close of the last recorded minute opening at or before `time`, if there is one. */
  closeBefore(symbol: string, time: number): number | undefined;
}

/** Index of the first minute opening at or after `time` (binary search: a 1m request may ask for a thousand). */
function firstAtOrAfter(minutes: readonly TradeMinute[], time: number): number {
  let lo = 0;
  let hi = minutes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((minutes[mid] as TradeMinute).openTime < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Creates an empty record; `kept` bounds the minutes per market (default TRADE_MINUTES_KEPT). */
export function createTradeMinutes(kept = TRADE_MINUTES_KEPT): TradeMinutes {
  // Oldest first and appended in time order (the simulator's clock never runs back), so lookups can bisect.
  const byMarket = new Map<string, TradeMinute[]>();

  return {
    record({ symbol, time, price, baseUnits, quote, trades, takerBuy }) {
      let minutes = byMarket.get(symbol);
      if (minutes === undefined) {
        minutes = [];
        byMarket.set(symbol, minutes);
      }
      const openTime = Math.floor(time / MINUTE_MS) * MINUTE_MS;
      const last = minutes.at(-1);
      if (last !== undefined && last.openTime >= openTime) {
        addPrint(last, price, baseUnits, quote, trades);
        if (takerBuy) {
          last.takerBaseUnits += baseUnits;
          last.takerQuote += quote;
        }
        return;
      }
      const taker = takerBuy
        ? { takerBaseUnits: baseUnits, takerQuote: quote }
        : { takerBaseUnits: 0, takerQuote: 0 };
      minutes.push({
        openTime,
        open: price,
        high: price,
        low: price,
        close: price,
        baseUnits,
        quote,
        trades,
        ...taker,
      });
      if (minutes.length > kept) minutes.splice(0, minutes.length - kept);
    },
    range(symbol, from, to) {
      const minutes = byMarket.get(symbol) ?? [];
      return minutes.slice(firstAtOrAfter(minutes, from), firstAtOrAfter(minutes, to));
    },
    closeBefore(symbol, time) {
      const minutes = byMarket.get(symbol) ?? [];
      return minutes[firstAtOrAfter(minutes, time + 1) - 1]?.close;
    },
  };
}
