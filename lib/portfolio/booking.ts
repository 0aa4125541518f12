/**
 * Booking one transaction into the lot books of the account it touches: acquisitions add lots, disposals draw
 * them, and a transfer moves them to another account's book with their cost and acquisition dates.
 */
import { Decimal, ZERO, formatDecimal } from './decimal';
import { createLotBook } from './lots';
import type { CostBasisMethod, LotBook, OpenLot } from './lots';
import { isIncome } from './transaction';
import type { IncomeType, Transaction } from './transaction';

/** One piece of a lot that a disposal drew: where and when it was acquired, and the cost it carried. */
export interface DisposedLot {
  /** The acquiring transaction. */
  transactionId: string;
  acquiredAt: number;
  /** The account it was acquired in (a transfer moves a lot, not its origin). */
  acquiredIn: string;
  quantity: Decimal;
  cost: Decimal;
}

/** Coins received as income: counted at their market value when received. */
export interface IncomeEvent {
  transactionId: string;
  type: IncomeType;
  /** Epoch ms. */
  time: number;
  account: string;
  quantity: Decimal;
  /** quantity × price: the income, in the asset's quote currency. */
  value: Decimal;
}

/** A profit or loss realized by one sell, or by the fee of a transfer paid in the asset. */
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
  /** The account it was disposed of from. */
  account: string;
  /** The lot pieces it drew, in the order the method drew them; their costs sum to costRemoved. */
  lots: DisposedLot[];
}

/**
 * A fee that entered neither a cost basis nor proceeds: one paid in a third currency (no rate is known here,
 * so it is not converted), or one paid in the quote currency on a withdrawal or transfer (they realize nothing).
 */
export interface UnbookedFee {
  transactionId: string;
  currency: string;
  amount: Decimal;
}

/** Why a history cannot be booked; `transactionId` names the first transaction that breaks it. */
export interface HoldingsError {
  code: 'insufficient-holding' | 'mixed-quote-currency' | 'fee-exceeds-quantity';
  transactionId: string;
  /** The refusal in English (P2). */
  message: string;
  /** What the message names, for wording it in another language: the transaction's fields and the figures. */
  values: Record<string, string>;
}

/** One asset in one account while a history is replayed. */
export interface AssetState {
  /** The account whose book this is. */
  account: string;
  quoteCurrency: string;
  book: LotBook;
  realized: RealizedEvent[];
  withdrawnCost: Decimal;
  unbookedFees: UnbookedFee[];
  income: IncomeEvent[];
}

/** A new, empty state of `account` for an asset quoted in `quoteCurrency`. */
export function emptyState(quoteCurrency: string, method: CostBasisMethod, account: string): AssetState {
  return {
    account,
    quoteCurrency,
    book: createLotBook(method),
    realized: [],
    withdrawnCost: ZERO,
    unbookedFees: [],
    income: [],
  };
}

/** Where a transaction's fee goes: into the asset's quantity, the quote amount, or nowhere (unbooked). */
function feeTarget(t: Transaction): 'asset' | 'quote' | 'other' {
  // The asset rule wins when asset and quote coincide (USDT quoted in USDT): the fee is then coins that left.
  if (t.feeCurrency === t.asset) return 'asset';
  return t.feeCurrency === t.quoteCurrency ? 'quote' : 'other';
}

/** Whether a transaction brings the asset in: a buy, a deposit, or income. */
export const acquires = (t: Pick<Transaction, 'type'>) =>
  t.type === 'buy' || t.type === 'deposit' || isIncome(t.type);

/**
 * How a transaction moves the quantity held in all accounts together, signed: a buy or deposit adds its
 * quantity less a fee paid in the asset; a sell or withdrawal takes its quantity plus such a fee; a transfer
 * only moves its quantity between accounts, so only its fee in the asset leaves.
 */
export function quantityChange(t: Transaction): Decimal {
  const quantity = new Decimal(t.quantity);
  const fee = feeTarget(t) === 'asset' ? new Decimal(t.fee) : ZERO;
  if (t.type === 'transfer') return fee.neg();
  return acquires(t) ? quantity.minus(fee) : quantity.plus(fee).neg();
}

/** A refusal naming the transaction, in the words of docs/protocol.md P2; `values` are the message's figures. */
export function refusal(
  t: Transaction,
  code: HoldingsError['code'],
  message: string,
  values: Record<string, string> = {},
): HoldingsError {
  return {
    code,
    transactionId: t.id,
    message: `Transaction ${t.id} (${t.type} of ${t.asset} at ${t.time}): ${message}`,
    values: { id: t.id, type: t.type, asset: t.asset, time: t.time, ...values },
  };
}

/** The books a transaction touches: its account's, and a transfer's destination. */
export interface Books {
  source: AssetState;
  destination: AssetState | null;
  /** How the refusal names the source account. */
  sourceName: string;
}

/** Books one transaction, or says why it cannot be booked. */
export function book(t: Transaction, { source, destination, sourceName }: Books): HoldingsError | null {
  const quantity = new Decimal(t.quantity);
  const gross = quantity.times(t.price);
  const fee = new Decimal(t.fee);
  const target = fee.isZero() ? 'none' : feeTarget(t);
  if (target === 'other' || (target === 'quote' && (t.type === 'withdrawal' || t.type === 'transfer'))) {
    source.unbookedFees.push({ transactionId: t.id, currency: t.feeCurrency, amount: fee });
  }
  if (acquires(t)) {
    if (target === 'asset' && fee.gte(quantity)) {
      return refusal(
        t,
        'fee-exceeds-quantity',
        `the fee of ${t.fee} ${t.asset} leaves nothing of the ${t.quantity} ${t.asset} received`,
        { fee: t.fee, quantity: t.quantity },
      );
    }
    source.book.add({
      transactionId: t.id,
      acquiredAt: t.timeMs,
      acquiredIn: source.account,
      quantity: quantityChange(t),
      cost: target === 'quote' ? gross.plus(fee) : gross,
    });
    if (isIncome(t.type))
      source.income.push({
        transactionId: t.id,
        type: t.type,
        time: t.timeMs,
        account: source.account,
        quantity,
        value: gross,
      });
    return null;
  }
  const assetFee = target === 'asset' ? fee : ZERO;
  const leaving = quantity.plus(assetFee);
  const held = source.book.quantity();
  if (leaving.gt(held)) {
    const asked =
      target === 'asset'
        ? `${formatDecimal(leaving)} ${t.asset} (${t.quantity} + ${t.fee} fee)`
        : `${t.quantity} ${t.asset}`;
    return refusal(
      t,
      'insufficient-holding',
      `asks for ${asked} but only ${formatDecimal(held)} ${t.asset} is held in account ${JSON.stringify(sourceName)} at that time`,
      {
        quantity: t.quantity,
        fee: t.fee,
        leaving: formatDecimal(leaving),
        held: formatDecimal(held),
        account: JSON.stringify(sourceName),
        feeInAsset: target === 'asset' ? 'yes' : 'no',
      },
    );
  }
  if (t.type === 'transfer') {
    moveLots(t, quantity, assetFee, source, destination);
    return null;
  }
  const pieces = source.book.take(leaving);
  if (t.type === 'withdrawal') {
    source.withdrawnCost = source.withdrawnCost.plus(costOf(pieces));
    return null;
  }
  const proceeds = target === 'quote' ? gross.minus(fee) : gross;
  source.realized.push(realized(t, leaving, proceeds, pieces, source.account));
  return null;
}

/**
 * A transfer: the quantity leaves the source as a disposal would draw it and arrives in the destination lot by
 * lot, with each lot's cost and acquisition; then the fee in the asset leaves, a disposal at the transfer's
 * price that realizes fee × price − the cost it carried.
 */
function moveLots(
  t: Transaction,
  quantity: Decimal,
  fee: Decimal,
  source: AssetState,
  destination: AssetState | null,
): void {
  if (!destination) throw new Error(`transfer ${t.id} has no destination`);
  for (const lot of source.book.take(quantity)) destination.book.add(lot);
  if (fee.isZero()) return;
  source.realized.push(realized(t, fee, fee.times(t.price), source.book.take(fee), source.account));
}

const costOf = (pieces: readonly OpenLot[]) => pieces.reduce((total, p) => total.plus(p.cost), ZERO);

function realized(
  t: Transaction,
  quantity: Decimal,
  proceeds: Decimal,
  pieces: readonly OpenLot[],
  account: string,
): RealizedEvent {
  const costRemoved = costOf(pieces);
  return {
    transactionId: t.id,
    time: t.timeMs,
    quantity,
    proceeds,
    costRemoved,
    pnl: proceeds.minus(costRemoved),
    account,
    lots: pieces.map((p) => ({
      transactionId: p.transactionId,
      acquiredAt: p.acquiredAt,
      acquiredIn: p.acquiredIn ?? account,
      quantity: p.quantity,
      cost: p.cost,
    })),
  };
}
