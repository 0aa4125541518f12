/** How the demo account's orders fill: quantities on the market's grid, Binance's commission in BNB or in kind. */
import { Decimal } from '../../../../lib/portfolio/decimal';
import type { MarketSpec } from '../markets';
import type { AccountTrade } from './records';

/** Binance's base spot commission, and the same paid in BNB at its 25 % discount. */
const RATE = new Decimal('0.001');
const BNB_RATE = new Decimal('0.00075');
/** Binance quotes every amount with 8 decimals: commissions are rounded to them. */
const AMOUNT_DECIMALS = 8;

/**
 * Decimals an order's quantity may have on a market: its step, and no finer than keeps price × quantity within
 * 8 decimals, so that quoteQty is exactly price × qty and sums of fills never round (ETH/BTC: 5 + 3).
 */
export function quantityDecimals(spec: MarketSpec): number {
  return Math.min(spec.amountDecimals, AMOUNT_DECIMALS - spec.priceDecimals);
}

/** The commission of a fill: in BNB when `bnbPerQuote` is given (at the discount), else in the asset received. */
export function commissionOf(
  spec: MarketSpec,
  side: 'buy' | 'sell',
  qty: Decimal,
  price: Decimal,
  bnbPerQuote?: Decimal,
): { commission: Decimal; asset: string } {
  const quoteQty = qty.times(price);
  if (bnbPerQuote !== undefined) {
    return {
      commission: quoteQty.times(BNB_RATE).times(bnbPerQuote).toDecimalPlaces(AMOUNT_DECIMALS),
      asset: 'BNB',
    };
  }
  return side === 'buy'
    ? { commission: qty.times(RATE).toDecimalPlaces(AMOUNT_DECIMALS), asset: spec.base }
    : { commission: quoteQty.times(RATE).toDecimalPlaces(AMOUNT_DECIMALS), asset: spec.quote };
}

/** What one fill of an order needs besides the order's own terms. */
export interface FillTerms {
  spec: MarketSpec;
  side: 'buy' | 'sell';
  price: Decimal;
  qty: Decimal;
  commission: { commission: Decimal; asset: string };
  id: number;
  orderId: number;
  time: number;
  isMaker: boolean;
}

/** The record of one fill. */
export function fillRecord(terms: FillTerms): AccountTrade {
  const { spec, side, price, qty, commission, id, orderId, time, isMaker } = terms;
  return {
    symbol: spec.symbol,
    id,
    orderId,
    side,
    price: price.toFixed(),
    qty: qty.toFixed(),
    quoteQty: qty.times(price).toFixed(),
    commission: commission.commission.toFixed(),
    commissionAsset: commission.asset,
    time,
    isMaker,
  };
}

/** Splits an order's quantity and commission into two fills at `share` of it, or keeps one where a part would be 0. */
export function splitOrder(
  qty: Decimal,
  commission: Decimal,
  share: number,
  decimals: number,
): { qty: Decimal; commission: Decimal }[] {
  const first = qty.times(share).toDecimalPlaces(decimals, Decimal.ROUND_DOWN);
  const second = qty.minus(first);
  if (first.isZero() || second.isZero()) return [{ qty, commission }];
  const firstCommission = commission.times(first).dividedBy(qty).toDecimalPlaces(AMOUNT_DECIMALS);
  return [
    { qty: first, commission: firstCommission },
    { qty: second, commission: commission.minus(firstCommission) },
  ];
}
