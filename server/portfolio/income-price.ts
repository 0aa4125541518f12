/**
 * Income entered without a price (docs/protocol.md P1): a staking reward's value is the market price when it
 * arrived, which the user rarely knows; the server looks it up in the exchanges' one-minute candles before the
 * transaction is checked. Without a market for it the price must be entered.
 */
import { formatDecimal } from '../../lib/portfolio/decimal';
import { INCOME_TYPES, TICKER_PATTERN } from '../../lib/portfolio/transaction';
import { AppError, text } from '../errors';
import { inField } from '../import/csv-table';
import type { PastPrices } from './past-prices';

const textOf = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** `input` with its price filled in when it is income without one; anything else unchanged (checked later). */
export async function withIncomePrice(input: unknown, prices: PastPrices): Promise<unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const fields = input as Record<string, unknown>;
  const type = textOf(fields.type);
  if (fields.price !== undefined || !(INCOME_TYPES as readonly string[]).includes(type ?? '')) return input;
  const asset = textOf(fields.asset);
  const quote = textOf(fields.quoteCurrency);
  const time = Date.parse(textOf(fields.time) ?? '');
  // A wrong asset, currency or time is said by the transaction's own checks, with every other problem.
  if (!asset || !quote || !TICKER_PATTERN.test(asset) || !TICKER_PATTERN.test(quote) || Number.isNaN(time))
    return input;
  const price = await prices.price(asset, quote, time, textOf(fields.exchange)).catch(() => null);
  if (!price)
    throw new AppError(
      'BAD_REQUEST',
      inField(
        'price',
        text('imports', 'noIncomePrice', { asset, quote, time: new Date(time).toISOString() }),
      ),
    );
  return { ...fields, price: formatDecimal(price.toDecimalPlaces(18)) };
}
