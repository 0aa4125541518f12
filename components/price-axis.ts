/** A chart's price axis: round ticks at the market's precision over [min, max], and a width for its longest label. */
import { DEFAULT_FORMAT_LOCALE, formatPrice, niceTicks } from '@/client/format';

export function priceAxis(
  min: number,
  max: number,
  decimals: number,
  locale = DEFAULT_FORMAT_LOCALE,
): { domain: [number, number]; ticks: number[]; width: number } {
  const ticks = niceTicks(min, max, 5, 10 ** -decimals);
  const low = ticks[0];
  const high = ticks.at(-1);
  if (low === undefined || high === undefined) return { domain: [0, 1], ticks: [], width: 48 };
  const longest = Math.max(...ticks.map((v) => formatPrice(v, decimals, locale).length));
  return { domain: [low, high], ticks, width: longest * 7 + 14 };
}
