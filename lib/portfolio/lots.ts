/** Lot books: the open lots of one asset, and which cost leaves with a disposal under each cost-basis method. */
import { Decimal, ZERO, roundCost } from './decimal';
import type { CostBasisMethod } from './report-options';

export { COST_BASIS_METHODS } from './report-options';
export type { CostBasisMethod } from './report-options';

/** A quantity acquired by one transaction, with the total cost it carries. */
export interface OpenLot {
  transactionId: string;
  /** Epoch ms of the acquiring transaction. */
  acquiredAt: number;
  /** The account the lot was acquired in; it stays with the lot through transfers. */
  acquiredIn?: string;
  quantity: Decimal;
  cost: Decimal;
}

/** A remaining lot as reported: what is left of one acquisition, and its cost per unit. */
export interface Lot {
  transactionId: string;
  /** Epoch ms of the acquiring transaction. */
  acquiredAt: number;
  quantity: Decimal;
  /** Cost per unit, rounded at 36 places, so for display; under 'average' the pool's, the same for every lot. */
  unitCost: Decimal;
}

/** The open lots of one asset under one method. */
export interface LotBook {
  /** Quantity held: the sum of the lots' quantities, exactly. */
  quantity(): Decimal;
  /** Cost basis of what is held: what was added minus what was removed, exactly. */
  cost(): Decimal;
  /** Adds a lot in the order of acquisition: a lot moved in from another book goes among those of its time. */
  add(lot: OpenLot): void;
  /** Removes `quantity` (at most what is held; the caller checks) and returns the cost basis it carried. */
  remove(quantity: Decimal): Decimal;
  /**
   * Removes `quantity` as `remove` does and returns the pieces that left, each with its acquisition and the
   * cost it carried (their costs sum to what `remove` returns): a transfer adds them to another book.
   */
  take(quantity: Decimal): OpenLot[];
  lots(): Lot[];
}

/**
 * `part` of a whole that carries `cost`, rounded onto the cost grid. Removing all of it returns `cost` itself
 * even where cost × part would outgrow the precision, so a closed position never keeps a crumb of cost.
 */
function costShare(cost: Decimal, part: Decimal, whole: Decimal): Decimal {
  return part.eq(whole) ? cost : roundCost(cost.times(part).div(whole));
}

/** Index of the lot a specific-lot method draws from next. */
type Pick = (lots: readonly OpenLot[]) => number;

const PICKS: Record<Exclude<CostBasisMethod, 'average'>, Pick> = {
  fifo: () => 0,
  lifo: (lots) => lots.length - 1,
  hifo: (lots) => {
    let best = 0;
    for (let i = 1; i < lots.length; i++) {
      const lot = lots[i];
      const top = lots[best];
      // a.cost / a.qty > b.cost / b.qty, cross-multiplied so the comparison does not round; strict, so ties
      // go to the older lot.
      if (lot && top && lot.cost.times(top.quantity).gt(top.cost.times(lot.quantity))) best = i;
    }
    return best;
  },
};

/**
 * Where a lot acquired at `acquiredAt` goes: after every lot acquired at that time or before. Replayed in time
 * order, acquisitions arrive last, so the scan starts from the end; a lot moved in may be older.
 */
function insertionIndex(open: readonly OpenLot[], acquiredAt: number): number {
  let index = open.length;
  while (index > 0 && (open[index - 1] as OpenLot).acquiredAt > acquiredAt) index--;
  return index;
}

const sumCost = (pieces: readonly OpenLot[]) => pieces.reduce((total, p) => total.plus(p.cost), ZERO);

function reported(lot: OpenLot, unitCost: Decimal): Lot {
  return { transactionId: lot.transactionId, acquiredAt: lot.acquiredAt, quantity: lot.quantity, unitCost };
}

/** FIFO, LIFO or HIFO: each disposal draws whole lots, then a share of one, in the method's order. */
function specificLotBook(pick: Pick): LotBook {
  const open: OpenLot[] = [];
  // Running totals, so a long history is not summed again at every disposal.
  let held = ZERO;
  let cost = ZERO;
  const take = (quantity: Decimal): OpenLot[] => {
    let left = quantity;
    const pieces: OpenLot[] = [];
    while (left.gt(0)) {
      const index = pick(open);
      const lot = open[index];
      if (!lot) throw new RangeError(`removing ${left.toFixed()} more than the lots hold`);
      const taken = Decimal.min(left, lot.quantity);
      const share = costShare(lot.cost, taken, lot.quantity);
      pieces.push({ ...lot, quantity: taken, cost: share });
      left = left.minus(taken);
      if (taken.eq(lot.quantity)) open.splice(index, 1);
      else open[index] = { ...lot, quantity: lot.quantity.minus(taken), cost: lot.cost.minus(share) };
    }
    held = held.minus(quantity);
    cost = cost.minus(sumCost(pieces));
    return pieces;
  };
  return {
    quantity: () => held,
    cost: () => cost,
    add(lot) {
      open.splice(insertionIndex(open, lot.acquiredAt), 0, { ...lot });
      held = held.plus(lot.quantity);
      cost = cost.plus(lot.cost);
    },
    remove: (quantity) => sumCost(take(quantity)),
    take,
    lots: () => open.map((lot) => reported(lot, roundCost(lot.cost.div(lot.quantity)))),
  };
}

/**
 * Average cost: one pool of quantity and cost; a disposal removes quantity × (cost / quantity), computed as
 * cost × quantity / held so it rounds once. The lots only keep acquisition times, drawn oldest first.
 */
function averageCostBook(): LotBook {
  const times = specificLotBook(PICKS.fifo);
  let cost = ZERO;
  const take = (quantity: Decimal): OpenLot[] => {
    const removed = costShare(cost, quantity, times.quantity());
    const pieces = times.take(quantity);
    cost = cost.minus(removed);
    // The pool's cost shared over the pieces by quantity; the last takes what rounding left, so they sum to
    // exactly what left the pool.
    let left = removed;
    return pieces.map((piece, i) => {
      const share = i === pieces.length - 1 ? left : costShare(removed, piece.quantity, quantity);
      left = left.minus(share);
      return { ...piece, cost: share };
    });
  };
  return {
    quantity: () => times.quantity(),
    cost: () => cost,
    add(lot) {
      times.add({ ...lot, cost: ZERO });
      cost = cost.plus(lot.cost);
    },
    remove: (quantity) => sumCost(take(quantity)),
    take,
    lots() {
      const held = times.quantity();
      const unitCost = held.isZero() ? ZERO : roundCost(cost.div(held));
      return times.lots().map((lot) => ({ ...lot, unitCost }));
    },
  };
}

/** A new, empty lot book for `method`. */
export function createLotBook(method: CostBasisMethod): LotBook {
  return method === 'average' ? averageCostBook() : specificLotBook(PICKS[method]);
}
