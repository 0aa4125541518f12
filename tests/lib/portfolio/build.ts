/** Test fixtures: transactions built through the real schema, and unwrapping of results. */
import { expect } from 'vitest';
import { formatDecimal } from '../../../lib/portfolio/decimal';
import type { Decimal } from '../../../lib/portfolio/decimal';
import { deriveHoldings } from '../../../lib/portfolio/holdings';
import type { AssetHolding, HoldingsError } from '../../../lib/portfolio/holdings';
import type { CostBasisMethod } from '../../../lib/portfolio/lots';
import { parseTransaction } from '../../../lib/portfolio/transaction';
import type { NewTransactionInput, Transaction, TransactionType } from '../../../lib/portfolio/transaction';

const DAY_MS = 86_400_000;
const START_MS = Date.UTC(2024, 0, 1);

/** Anything of a transaction but its type, id, quantity and price; `day` counts from 2024-01-01. */
export type Extra = Partial<NewTransactionInput> & { day?: number };

/** The account a fixture is booked in unless `extra` names another. */
export const MAIN = 'main';

/**
 * A transaction of `type`: 'BTC' quoted in 'USDT' without fee on day 0, in account MAIN, unless `extra` says
 * otherwise.
 */
export function tx(
  type: TransactionType,
  id: string,
  quantity: string,
  price: string,
  extra: Extra = {},
): Transaction {
  const { day = 0, ...fields } = extra;
  const quoteCurrency = fields.quoteCurrency ?? 'USDT';
  const parsed = parseTransaction({
    id,
    type,
    asset: 'BTC',
    quantity,
    price,
    quoteCurrency,
    fee: '0',
    feeCurrency: quoteCurrency,
    time: new Date(START_MS + day * DAY_MS).toISOString(),
    account: MAIN,
    ...fields,
  });
  if (!parsed.ok) throw new Error(`bad fixture ${id}: ${parsed.error.message}`);
  return parsed.value;
}

/** A buy of BTC/USDT; see tx. */
export const buy = (id: string, quantity: string, price: string, extra?: Extra) =>
  tx('buy', id, quantity, price, extra);
/** A sell of BTC/USDT; see tx. */
export const sell = (id: string, quantity: string, price: string, extra?: Extra) =>
  tx('sell', id, quantity, price, extra);

/** The holdings of `transactions`, failing the test when they are refused. */
export function holdings(
  transactions: readonly Transaction[],
  method: CostBasisMethod = 'fifo',
): AssetHolding[] {
  const result = deriveHoldings(transactions, method);
  if (!result.ok) throw new Error(`refused: ${result.error.message}`);
  return result.holdings;
}

/** The holding of one asset (BTC unless named), failing the test when there is none. */
export function holding(
  transactions: readonly Transaction[],
  method: CostBasisMethod = 'fifo',
  asset = 'BTC',
): AssetHolding {
  const found = holdings(transactions, method).find((h) => h.asset === asset);
  if (!found) throw new Error(`no holding of ${asset}`);
  return found;
}

/** The error `transactions` are refused with, failing the test when they are accepted. */
export function refusal(
  transactions: readonly Transaction[],
  method: CostBasisMethod = 'fifo',
): HoldingsError {
  const result = deriveHoldings(transactions, method);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('accepted');
  return result.error;
}

/** Canonical strings of decimals, so exact values compare with toEqual and read well in a diff. */
export function text(value: Decimal): string {
  return formatDecimal(value);
}
