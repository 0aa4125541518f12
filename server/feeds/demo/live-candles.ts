/**
 * Candles as a real exchange builds them: before the demo started from the seeded path (candles.ts), from the
 * start on from the simulator's own prints (trade-minutes.ts), so a venue's klines agree with its live trades.
 */
import { createCandleHistory } from './candles';
import type { Candle, CandleHistory, CandleQuery } from './candles';
import type { MarketSpec } from './markets';
import { createSimulator } from './simulator';
import type { Simulator } from './simulator';
import { createTradeMinutes } from './trade-minutes';
import type { TradeMinute, TradeMinutes, TradePrint } from './trade-minutes';

const MINUTE_MS = 60_000;

/** What joinTrades needs: the path, the recorded prints and the moment the simulator took over from the path. */
export interface LiveCandleOptions {
  history: CandleHistory;
  minutes: TradeMinutes;
  startedAt: number;
}

const fromUnits = (units: number, decimals: number): number =>
  Number((units / 10 ** decimals).toFixed(decimals));

/** The trades' part of a candle, in the market's units; undefined when nothing printed in it. */
type TradePart = Omit<TradeMinute, 'openTime'>;

/**
 * Folds minutes (oldest first) into one part that opens at `carry`, the close before them. A candle opens where
 * the last one closed, not at its own first print: so its open is known from its first moment and never changes
 * when the first trade comes (a client that read it at the turn of the minute and one that reads it later agree).
 */
function fold(minutes: readonly TradeMinute[], carry: number): TradePart {
  const part: TradePart = {
    open: carry,
    high: carry,
    low: carry,
    close: minutes.at(-1)?.close ?? carry,
    baseUnits: 0,
    quote: 0,
    trades: 0,
    takerBaseUnits: 0,
    takerQuote: 0,
  };
  for (const m of minutes) {
    part.high = Math.max(part.high, m.high);
    part.low = Math.min(part.low, m.low);
    part.baseUnits += m.baseUnits;
    part.quote += m.quote;
    part.trades += m.trades;
    part.takerBaseUnits += m.takerBaseUnits;
    part.takerQuote += m.takerQuote;
  }
  return part;
}

/**
 * Wraps the path's history: candles that close by `startedAt` are the path's as before (so the same seed still
 * gives the same closed candles before the start, whatever the window); later ones are built from the prints.
 * A candle spanning the start joins the path's part and the trades' part. A minute with no print (a paused or
 * quiet market) carries the last close with zero volume, as Binance does. Minutes older than the record keeps
 * (TRADE_MINUTES_KEPT) are simply missing, so such a candle shows the carried price with no volume.
 */
export function joinTrades({ history, minutes, startedAt }: LiveCandleOptions): CandleHistory {
  const startUnits = (spec: MarketSpec) =>
    Math.max(1, Math.round(history.priceAt(spec, startedAt) * 10 ** spec.priceDecimals));

  function afterStart(query: CandleQuery, candle: Candle): Candle {
    const { spec, interval, now, lastPrice } = query;
    const pd = spec.priceDecimals;
    const ad = spec.amountDecimals;
    const openTime = candle.openTime;
    const closeAt = openTime + interval.ms;
    const live = closeAt > now;
    // The path's part ends where the simulator started: the price it handed over is that part's close.
    const pathPart =
      openTime < startedAt
        ? history.candles({
            ...query,
            firstOpen: openTime,
            count: 1,
            now: startedAt,
            lastPrice: history.priceAt(spec, startedAt),
          })[0]
        : undefined;
    const from = Math.max(openTime, startedAt);
    // Minutes are the finest grain recorded: a sub-minute candle takes no minute of its own, only the carried price.
    const recorded =
      interval.ms >= MINUTE_MS ? minutes.range(spec.symbol, from - (from % MINUTE_MS), closeAt) : [];
    const carry = minutes.closeBefore(spec.symbol, from - 1 - (from % MINUTE_MS)) ?? startUnits(spec);
    const trades = fold(recorded, carry);
    const liveClose = Math.max(1, Math.round(lastPrice * 10 ** pd));
    const closeUnits = live ? liveClose : trades.close;
    const units = (x: number) => Math.round(x * 10 ** pd);
    const highUnits = Math.max(trades.high, closeUnits, pathPart ? units(pathPart.high) : -Infinity);
    const lowUnits = Math.min(trades.low, closeUnits, pathPart ? units(pathPart.low) : Infinity);
    return {
      openTime,
      closeTime: closeAt - 1,
      open: pathPart?.open ?? fromUnits(trades.open, pd),
      high: fromUnits(highUnits, pd),
      low: fromUnits(lowUnits, pd),
      close: fromUnits(closeUnits, pd),
      volume: fromUnits(trades.baseUnits + (pathPart ? Math.round(pathPart.volume * 10 ** ad) : 0), ad),
      quoteVolume: Number((trades.quote + (pathPart?.quoteVolume ?? 0)).toFixed(8)),
      trades: trades.trades + (pathPart?.trades ?? 0),
      takerBuyVolume: fromUnits(
        trades.takerBaseUnits + (pathPart ? Math.round(pathPart.takerBuyVolume * 10 ** ad) : 0),
        ad,
      ),
      takerBuyQuoteVolume: Number((trades.takerQuote + (pathPart?.takerBuyQuoteVolume ?? 0)).toFixed(8)),
    };
  }

  return {
    priceAt: history.priceAt,
    candles(query) {
      return history
        .candles(query)
        .map((candle) =>
          candle.openTime + query.interval.ms <= startedAt ? candle : afterStart(query, candle),
        );
    },
  };
}

/**
 * A venue's market model and its candles, started now: the simulator begins where the path is at the start, and
 * the candles are the path before it joined to the record of the simulator's prints after it.
 */
export function createVenueMarkets(options: {
  seed: number;
  historySeed: number;
  tickMs: number;
  now: () => number;
  markets?: readonly MarketSpec[];
  /** Sees each print after it is recorded (tests). */
  onTrade?: (print: TradePrint) => void;
}): { candles: CandleHistory; simulator: Simulator; startedAt: number } {
  const startedAt = options.now();
  const minutes = createTradeMinutes();
  const candles = joinTrades({ history: createCandleHistory(options.historySeed), minutes, startedAt });
  const simulator = createSimulator({
    seed: options.seed,
    tickMs: options.tickMs,
    now: options.now,
    ...(options.markets && { markets: options.markets }),
    reference: (spec) => candles.priceAt(spec, startedAt),
    onTrade: (print) => {
      minutes.record(print);
      options.onTrade?.(print);
    },
  });
  return { candles, simulator, startedAt };
}
