/**
 * Holdings derived from a transaction history: quantity, remaining lots, cost basis and realized P&L per asset.
 * Each asset is tracked on its own, priced in its quote currency: a buy does not spend the quote currency's
 * own holding (cash legs are not booked).
 */
import { Decimal, ZERO, formatDecimal } from './decimal';
import { createLotBook } from './lots';
import type { CostBasisMethod, Lot, LotBook } from './lots';
import type { Transaction } from './transaction';

/** A profit or loss realized by one sell. */
export interface RealizedEvent {
  transactionId: string;
  /** Epoch ms of the sell. */
  time: number;
  /** Quantity that left the lots: the sold quantity, plus the fee when it was paid in the asset. */
  quantity: Decimal;
  /** Quantity × price, minus the fee when it was paid in the quote currency. */
  proceeds: Decimal;
  /** Cost basis removed from the lots. */
  costRemoved: Decimal;
  /** proceeds − costRemoved. */
  pnl: Decimal;
}

/**
 * A fee that entered neither a cost basis nor proceeds: one paid in a third currency (no rate is known here,
 * so it is not converted), or one paid in the quote currency on a withdrawal (a withdrawal realizes nothing).
 */
export interface UnbookedFee {
  transactionId: string;
  currency: string;
  amount: Decimal;
}

/** Everything derived for one asset. */
export interface AssetHolding {
  asset: string;
  /** The currency every cost and P&L of this asset is in. */
  quoteCurrency: string;
  quantity: Decimal;
  lots: Lot[];
  /** Cost basis of what is held. */
  costBasis: Decimal;
  realizedPnl: Decimal;
  realized: RealizedEvent[];
  /** Cost basis that left with withdrawals, without realizing anything. */
  withdrawnCost: Decimal;
  unbookedFees: UnbookedFee[];
}

/** Why a history cannot be booked; `transactionId` names the first transaction that breaks it. */
export interface HoldingsError {
  code: 'insufficient-holding' | 'mixed-quote-currency' | 'fee-exceeds-quantity';
  transactionId: string;
  message: string;
}

/** The result of deriveHoldings: holdings sorted by asset, or the first error. */
export type HoldingsResult = { ok: true; holdings: AssetHolding[] } | { ok: false; error: HoldingsError };

interface AssetState {
  quoteCurrency: string;
  /** The transaction that set the quote currency, named when another one disagrees. */
  quotedBy: string;
  book: LotBook;
  realized: RealizedEvent[];
  withdrawnCost: Decimal;
  unbookedFees: UnbookedFee[];
}

/** Transactions by time; Array.prototype.sort is stable, so ties keep the given order. */
function chronological(transactions: readonly Transaction[]): Transaction[] {
  return [...transactions].sort((a, b) => a.timeMs - b.timeMs);
}

/** Where a transaction's fee goes: into the asset's quantity, the quote amount, or nowhere (unbooked). */
function feeTarget(t: Transaction): 'asset' | 'quote' | 'other' {
  // The asset rule wins when asset and quote coincide (USDT quoted in USDT): the fee is then coins that left.
  if (t.feeCurrency === t.asset) return 'asset';
  return t.feeCurrency === t.quoteCurrency ? 'quote' : 'other';
}

/**
 * How a transaction moves the quantity held, signed: a buy or deposit adds its quantity less a fee paid in the
 * asset; a sell or withdrawal takes its quantity plus such a fee.
 */
export function quantityChange(t: Transaction): Decimal {
  const quantity = new Decimal(t.quantity);
  const fee = feeTarget(t) === 'asset' ? new Decimal(t.fee) : ZERO;
  return t.type === 'buy' || t.type === 'deposit' ? quantity.minus(fee) : quantity.plus(fee).neg();
}

function refusal(t: Transaction, code: HoldingsError['code'], message: string): HoldingsError {
  return {
    code,
    transactionId: t.id,
    message: `Transaction ${t.id} (${t.type} of ${t.asset} at ${t.time}): ${message}`,
  };
}

/** Books one transaction into its asset's state, or says why it cannot be booked. */
function book(t: Transaction, state: AssetState): HoldingsError | null {
  const quantity = new Decimal(t.quantity);
  const gross = quantity.times(t.price);
  const fee = new Decimal(t.fee);
  const target = fee.isZero() ? 'none' : feeTarget(t);
  if (target === 'other' || (target === 'quote' && t.type === 'withdrawal')) {
    state.unbookedFees.push({ transactionId: t.id, currency: t.feeCurrency, amount: fee });
  }
  if (t.type === 'buy' || t.type === 'deposit') {
    if (target === 'asset' && fee.gte(quantity)) {
      return refusal(
        t,
        'fee-exceeds-quantity',
        `the fee of ${t.fee} ${t.asset} leaves nothing of the ${t.quantity} ${t.asset} received`,
      );
    }
    state.book.add({
      transactionId: t.id,
      acquiredAt: t.timeMs,
      quantity: quantityChange(t),
      cost: target === 'quote' ? gross.plus(fee) : gross,
    });
    return null;
  }
  const leaving = quantityChange(t).neg();
  const held = state.book.quantity();
  if (leaving.gt(held)) {
    const asked =
      target === 'asset'
        ? `${formatDecimal(leaving)} ${t.asset} (${t.quantity} + ${t.fee} fee)`
        : `${t.quantity} ${t.asset}`;
    return refusal(
      t,
      'insufficient-holding',
      `asks for ${asked} but only ${formatDecimal(held)} ${t.asset} is held at that time`,
    );
  }
  const costRemoved = state.book.remove(leaving);
  if (t.type === 'withdrawal') {
    state.withdrawnCost = state.withdrawnCost.plus(costRemoved);
    return null;
  }
  const proceeds = target === 'quote' ? gross.minus(fee) : gross;
  state.realized.push({
    transactionId: t.id,
    time: t.timeMs,
    quantity: leaving,
    proceeds,
    costRemoved,
    pnl: proceeds.minus(costRemoved),
  });
  return null;
}

function summary(asset: string, state: AssetState): AssetHolding {
  return {
    asset,
    quoteCurrency: state.quoteCurrency,
    quantity: state.book.quantity(),
    lots: state.book.lots(),
    costBasis: state.book.cost(),
    realizedPnl: state.realized.reduce((total, event) => total.plus(event.pnl), ZERO),
    realized: state.realized,
    withdrawnCost: state.withdrawnCost,
    unbookedFees: state.unbookedFees,
  };
}

/**
 * Replays `transactions` in time order under `method`. Refuses, naming the first offending transaction, a
 * disposal above the quantity held at its time, an asset fee that eats a whole acquisition, and an asset
 * quoted in more than one currency.
 */
export function deriveHoldings(
  transactions: readonly Transaction[],
  method: CostBasisMethod,
): HoldingsResult {
  const states = new Map<string, AssetState>();
  for (const t of chronological(transactions)) {
    let state = states.get(t.asset);
    if (!state) {
      state = {
        quoteCurrency: t.quoteCurrency,
        quotedBy: t.id,
        book: createLotBook(method),
        realized: [],
        withdrawnCost: ZERO,
        unbookedFees: [],
      };
      states.set(t.asset, state);
    }
    const error =
      t.quoteCurrency === state.quoteCurrency
        ? book(t, state)
        : refusal(
            t,
            'mixed-quote-currency',
            `${t.asset} is quoted in ${t.quoteCurrency} here but in ${state.quoteCurrency} by transaction ${state.quotedBy}; one quote currency per asset`,
          );
    if (error) return { ok: false, error };
  }
  const sorted = [...states].sort(([a], [b]) => (a < b ? -1 : 1));
  return { ok: true, holdings: sorted.map(([asset, state]) => summary(asset, state)) };
}

/** The result of validateTransactions. */
export type TransactionsCheck = { ok: true } | { ok: false; error: HoldingsError };

/**
 * Checks that a whole history can be booked, before it is stored: pass the stored transactions with the new
 * one added (give it any unused id) or the edited one replaced. The cost-basis method does not matter here.
 */
export function validateTransactions(transactions: readonly Transaction[]): TransactionsCheck {
  const result = deriveHoldings(transactions, 'fifo');
  return result.ok ? { ok: true } : result;
}
