/** Past portfolio values from transactions and daily closes: the value history before the server recorded any. */
import type { StreamId } from '../../lib/protocol';
import { conversionRate } from '../../lib/portfolio/conversion';
import type { ConversionPath } from '../../lib/portfolio/conversion';
import { ZERO } from '../../lib/portfolio/decimal';
import type { Decimal } from '../../lib/portfolio/decimal';
import { quantityChange } from '../../lib/portfolio/booking';
import type { Transaction } from '../../lib/portfolio/transaction';

const DAY_MS = 86_400_000;

/** Where an asset's past prices come from: its market and the path into the portfolio's currency. */
export interface AssetPricing {
  /** null for cash (an asset quoted in itself): worth 1 of its quote currency on every day. */
  stream: StreamId | null;
  conversion: ConversionPath;
}

/** One day's value: at the day's end (the next UTC midnight), in the portfolio's currency. */
export interface DailyValue {
  timeMs: number;
  value: Decimal;
}

/** How each asset is priced, from the portfolio's valuation markets (P3); null where nothing prices it. */
export function assetPricing(
  markets: ReadonlyMap<string, { stream: StreamId | null; conversion: ConversionPath | null; cash: boolean }>,
): Map<string, AssetPricing | null> {
  const pricing = new Map<string, AssetPricing | null>();
  for (const [asset, { stream, conversion, cash }] of markets) {
    const priced = conversion && (stream || cash);
    pricing.set(asset, priced ? { stream: cash ? null : stream, conversion } : null);
  }
  return pricing;
}

/** Every market the pricing reads: the assets' own and those of their conversions. */
export function pricingStreams(pricing: ReadonlyMap<string, AssetPricing | null>): Set<StreamId> {
  return new Set(
    [...pricing.values()].flatMap((p) =>
      p ? [...(p.stream ? [p.stream] : []), ...p.conversion.legs.map((l) => l.stream)] : [],
    ),
  );
}

/** An asset's price in the portfolio's currency from the closes of one time; null when one is missing. */
export function priceAt(
  how: AssetPricing | null | undefined,
  close: (stream: StreamId) => number | undefined,
): Decimal | null {
  if (!how) return null;
  const own = how.stream === null ? 1 : close(how.stream);
  const rate = conversionRate(how.conversion, close);
  return own === undefined || !rate ? null : rate.times(String(own));
}

/**
 * The portfolio's value at the end of each UTC day in `days` (day starts, ascending): the quantities held then
 * at that day's closes, converted at that day's closes. A day when something held has no close, or no way into
 * the currency, is left out rather than valued short.
 */
export function dailyValues(
  transactions: readonly Transaction[],
  days: readonly number[],
  pricing: ReadonlyMap<string, AssetPricing | null>,
  close: (stream: StreamId, day: number) => number | undefined,
): DailyValue[] {
  const sorted = [...transactions].sort((a, b) => a.timeMs - b.timeMs);
  const held = new Map<string, Decimal>();
  const out: DailyValue[] = [];
  let next = 0;
  for (const day of days) {
    const end = day + DAY_MS;
    for (; next < sorted.length && (sorted[next] as Transaction).timeMs < end; next++) {
      const t = sorted[next] as Transaction;
      held.set(t.asset, (held.get(t.asset) ?? ZERO).plus(quantityChange(t)));
    }
    let value: Decimal | null = ZERO;
    for (const [asset, quantity] of held) {
      if (quantity.isZero()) continue;
      const price = priceAt(pricing.get(asset), (stream) => close(stream, day));
      if (price === null) {
        value = null;
        break;
      }
      value = value.plus(quantity.times(price));
    }
    if (value !== null && held.size > 0) out.push({ timeMs: end, value });
  }
  return out;
}
