/** Prices the demo account trades at: the open of the one-minute candle the demo itself serves for that moment. */
import { Decimal } from '../../../../lib/portfolio/decimal';
import { KLINE_INTERVALS } from '../candles';
import type { CandleHistory } from '../candles';
import type { MarketSpec } from '../markets';

const MINUTE = 60_000;

/** Price look-ups over the demo's candle history. */
export interface PriceBook {
  /** The open of `spec`'s one-minute candle holding `time`: inside that candle's range on every chart. */
  openAt(spec: MarketSpec, time: number): Decimal;
  /** How many BNB one unit of `quote` was worth at `time`, for fees paid in BNB; undefined without a market. */
  bnbPerUnit(quote: string, time: number): Decimal | undefined;
}

/** A price book over one candle history and catalogue. */
export function createPriceBook(candles: CandleHistory, markets: readonly MarketSpec[]): PriceBook {
  const interval = KLINE_INTERVALS.get('1m');
  if (interval === undefined) throw new Error('demo exchange: the 1m kline interval is missing');
  const find = (symbol: string) => markets.find((spec) => spec.symbol === symbol);
  const openAt = (spec: MarketSpec, time: number): Decimal => {
    const firstOpen = Math.floor(time / MINUTE) * MINUTE;
    // Asked as a closed candle: only its open is used, and an open never depends on the clock.
    const [candle] = candles.candles({
      spec,
      interval,
      firstOpen,
      count: 1,
      now: firstOpen + MINUTE,
      lastPrice: spec.price,
    });
    if (candle === undefined) throw new Error(`demo exchange: no candle for ${spec.symbol} at ${time}`);
    return new Decimal(candle.open).toDecimalPlaces(spec.priceDecimals);
  };
  return {
    openAt,
    bnbPerUnit(quote, time) {
      const bnbUsdt = find('BNB/USDT');
      if (bnbUsdt === undefined) return undefined;
      const usdPerBnb = openAt(bnbUsdt, time);
      if (quote === 'USDT') return new Decimal(1).dividedBy(usdPerBnb);
      if (quote === 'BNB') return new Decimal(1);
      const quoteUsdt = find(`${quote}/USDT`);
      return quoteUsdt === undefined ? undefined : openAt(quoteUsdt, time).dividedBy(usdPerBnb);
    },
  };
}
