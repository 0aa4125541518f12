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
      const how = pricing.get(asset);
      const price = how ? (how.stream === null ? 1 : close(how.stream, day)) : undefined;
      const rate = how && conversionRate(how.conversion, (stream) => close(stream, day));
      if (price === undefined || !rate) {
        value = null;
        break;
      }
      value = value.plus(quantity.times(String(price)).times(rate));
    }
    if (value !== null && held.size > 0) out.push({ timeMs: end, value });
  }
  return out;
}
