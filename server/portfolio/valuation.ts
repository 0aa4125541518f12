/** Holdings at current prices: market value, unrealized P&L and allocation, per asset and in total. */
import { Decimal, MAX_FRACTION_DIGITS, ZERO, parseDecimal } from '../../lib/portfolio/decimal';
import type { AssetHolding } from '../../lib/portfolio/holdings';

/** A current price: a Decimal, or a decimal string in the strict form of parseDecimal. */
export type PriceInput = Decimal | string;

/** Current prices by asset, all in the valuation's quote currency. */
export type PriceTable = ReadonlyMap<string, PriceInput> | Readonly<Record<string, PriceInput>>;

/** An asset in the totals. */
export interface ValuedAsset {
  asset: string;
  quantity: Decimal;
  /** The price used; null only for a closed position (nothing held), which is worth 0 at any price. */
  price: Decimal | null;
  marketValue: Decimal;
  costBasis: Decimal;
  /** marketValue − costBasis. */
  unrealizedPnl: Decimal;
  realizedPnl: Decimal;
  /** marketValue / total market value, in [0, 1], rounded at 18 places; 0 for all when the total is 0. */
  allocation: Decimal;
}

/** Why an asset was left out of the totals. */
export type UnpricedReason = 'no-price' | 'invalid-price' | 'other-quote-currency';

/** An asset left out of the totals, with what is known without a price. */
export interface UnpricedAsset {
  asset: string;
  quoteCurrency: string;
  reason: UnpricedReason;
  quantity: Decimal;
  costBasis: Decimal;
  realizedPnl: Decimal;
}

/** Sums over the valued assets only. */
export interface ValuationTotals {
  marketValue: Decimal;
  costBasis: Decimal;
  unrealizedPnl: Decimal;
  realizedPnl: Decimal;
}

/** The result of valuePortfolio; `complete` is false when any asset is unpriced, so totals miss something. */
export interface Valuation {
  quoteCurrency: string;
  assets: ValuedAsset[];
  unpriced: UnpricedAsset[];
  totals: ValuationTotals;
  complete: boolean;
}

function lookup(prices: PriceTable, asset: string): PriceInput | undefined {
  if (prices instanceof Map) return prices.get(asset);
  // Own keys only: an inherited "constructor" or "toString" is not a price.
  const record = prices as Readonly<Record<string, PriceInput>>;
  return Object.hasOwn(record, asset) ? record[asset] : undefined;
}

type Pricing = { ok: true; price: Decimal | null } | { ok: false; reason: UnpricedReason };

/** The price `holding` is valued at, null when nothing is held, or why it cannot be valued. */
function pricing(holding: AssetHolding, prices: PriceTable, quoteCurrency: string): Pricing {
  if (holding.quoteCurrency !== quoteCurrency) return { ok: false, reason: 'other-quote-currency' };
  if (holding.quantity.isZero()) return { ok: true, price: null };
  const input = lookup(prices, holding.asset);
  if (input === undefined) return { ok: false, reason: 'no-price' };
  if (typeof input === 'string') {
    const parsed = parseDecimal(input);
    return parsed.ok ? { ok: true, price: parsed.value } : { ok: false, reason: 'invalid-price' };
  }
  // NaN fails gte, and a negative or infinite price is a feed accident, not a value.
  const usable = input.isFinite() && input.gte(0);
  return usable ? { ok: true, price: new Decimal(input) } : { ok: false, reason: 'invalid-price' };
}

/**
 * Values `holdings` at `prices`, which are in `quoteCurrency`. An asset without a usable price, or whose costs
 * are in another currency, is listed under `unpriced` and left out of the totals: no price is ever assumed.
 */
export function valuePortfolio(
  holdings: readonly AssetHolding[],
  prices: PriceTable,
  quoteCurrency: string,
): Valuation {
  const valued: Omit<ValuedAsset, 'allocation'>[] = [];
  const unpriced: UnpricedAsset[] = [];
  for (const h of holdings) {
    const { asset, quantity, costBasis, realizedPnl } = h;
    const priced = pricing(h, prices, quoteCurrency);
    if (!priced.ok) {
      unpriced.push({
        asset,
        quoteCurrency: h.quoteCurrency,
        reason: priced.reason,
        quantity,
        costBasis,
        realizedPnl,
      });
      continue;
    }
    const marketValue = priced.price ? quantity.times(priced.price) : ZERO;
    const unrealizedPnl = marketValue.minus(costBasis);
    valued.push({ asset, quantity, price: priced.price, marketValue, costBasis, unrealizedPnl, realizedPnl });
  }
  const total = (pick: (a: (typeof valued)[number]) => Decimal) =>
    valued.reduce((sum, a) => sum.plus(pick(a)), ZERO);
  const totals: ValuationTotals = {
    marketValue: total((a) => a.marketValue),
    costBasis: total((a) => a.costBasis),
    unrealizedPnl: total((a) => a.unrealizedPnl),
    realizedPnl: total((a) => a.realizedPnl),
  };
  // A share needs no more places than an amount; unrounded, 4/7 would carry 128 digits onto the wire.
  const share = (value: Decimal) =>
    totals.marketValue.isZero()
      ? ZERO
      : value.div(totals.marketValue).toDecimalPlaces(MAX_FRACTION_DIGITS, Decimal.ROUND_HALF_EVEN);
  const assets = valued.map((a) => ({ ...a, allocation: share(a.marketValue) }));
  return { quoteCurrency, assets, unpriced, totals, complete: unpriced.length === 0 };
}
