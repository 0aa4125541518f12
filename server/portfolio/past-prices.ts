/**
 * An asset's market price at a past moment, in a given quote currency (docs/protocol.md P1): what values
 * income entered without a price, and the income and deposits of an import. The exchange named first, then the
 * configured ones in their order; the direct market, else its inverse. Null when no market tells.
 */
import { Decimal } from '../../lib/portfolio/decimal';
import { streamId } from '../../lib/stream-id';
import type { CandleSource } from '../feeds/candles';

export interface PastPrices {
  price(asset: string, quote: string, timeMs: number, exchange?: string): Promise<Decimal | null>;
}

/** What the lookup needs: the configured exchanges and their markets, and the candles. */
export interface PastPricesDeps {
  exchanges(): readonly string[];
  hasMarket(exchange: string, symbol: string): boolean;
  candles: Pick<CandleSource, 'minuteOpen'>;
}

export function pastPrices(deps: PastPricesDeps): PastPrices {
  return {
    async price(asset, quote, timeMs, exchange) {
      if (asset === quote) return new Decimal(1);
      const order = [...new Set([...(exchange ? [exchange] : []), ...deps.exchanges()])];
      for (const id of order) {
        if (deps.hasMarket(id, `${asset}/${quote}`)) {
          const open = await deps.candles.minuteOpen(streamId(id, `${asset}/${quote}`), timeMs);
          if (open !== null) return new Decimal(String(open));
        }
        if (deps.hasMarket(id, `${quote}/${asset}`)) {
          const open = await deps.candles.minuteOpen(streamId(id, `${quote}/${asset}`), timeMs);
          if (open !== null) return new Decimal(1).div(String(open)).toDecimalPlaces(18);
        }
      }
      return null;
    },
  };
}
