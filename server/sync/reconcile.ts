/**
 * Reconciliation (docs/protocol.md P9): the history a sync found, set against the balances the exchange reports.
 * Exchanges keep limited history (an airdrop, a trade from before the API's reach): where the history explains
 * less than is held, or would take out more than it brought in, an opening balance is added before it; where it
 * explains more than is held, a closing one after it. Both are flagged, of unknown cost, and editable.
 */
import { quantityChange } from '../../lib/portfolio/booking';
import { Decimal, ZERO } from '../../lib/portfolio/decimal';
import type { Transaction } from '../../lib/portfolio/transaction';

/** External ids of the adjustments a sync keeps up to date: one per asset and side. */
export const OPENING = 'opening:';
export const CLOSING = 'closing:';

export const isAdjustment = (t: { externalId?: string | undefined }) =>
  t.externalId !== undefined && (t.externalId.startsWith(OPENING) || t.externalId.startsWith(CLOSING));

// Exchanges report balances to 8 decimals; a difference below this is rounding, not a missing record.
const TOLERANCE = new Decimal('1e-12');

/**
 * How the account's holding of `t.asset` moves with `t`, signed: the booking's own rule, but for a transfer,
 * which takes quantity and fee from its source and brings the quantity to its destination.
 */
function change(t: Transaction, account: string): Decimal {
  if (t.type !== 'transfer') return quantityChange(t);
  const quantity = new Decimal(t.quantity);
  return t.account === account ? quantity.neg().plus(quantityChange(t)) : quantity;
}

/** Per asset, what the opening and closing adjustments must hold (absent: none). */
export interface Reconciliation {
  openings: Map<string, Decimal>;
  closings: Map<string, Decimal>;
}

/**
 * The adjustments that make `account`'s history (its transactions without earlier adjustments, in time order)
 * never go below zero and end at `balances`. Assets neither in the history nor in the balances get none. Without
 * balances (an imported file: nobody said what is held now), only the openings the history needs.
 */
export function reconcile(
  account: string,
  transactions: readonly Transaction[],
  balances: ReadonlyMap<string, Decimal> | null,
): Reconciliation {
  const running = new Map<string, { net: Decimal; low: Decimal }>();
  const mine = transactions
    .filter((t) => !isAdjustment(t) && (t.account === account || t.toAccount === account))
    .sort((a, b) => a.timeMs - b.timeMs);
  for (const t of mine) {
    const state = running.get(t.asset) ?? { net: ZERO, low: ZERO };
    state.net = state.net.plus(change(t, account));
    state.low = Decimal.min(state.low, state.net);
    running.set(t.asset, state);
  }
  const openings = new Map<string, Decimal>();
  const closings = new Map<string, Decimal>();
  for (const asset of new Set([...running.keys(), ...(balances?.keys() ?? [])])) {
    const { net, low } = running.get(asset) ?? { net: ZERO, low: ZERO };
    const needed = low.neg();
    // Without balances, what the history ends with (after the opening it needs) is what is held.
    const balance = balances ? (balances.get(asset) ?? ZERO) : net.plus(needed);
    const opening = Decimal.max(needed, balance.minus(net));
    const closing = opening.plus(net).minus(balance);
    if (opening.gt(TOLERANCE)) openings.set(asset, opening);
    if (closing.gt(TOLERANCE)) closings.set(asset, closing);
  }
  return { openings, closings };
}
