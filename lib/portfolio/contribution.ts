/**
 * What each asset added to the portfolio's return (docs/protocol.md P11): over each step of a time grid, the
 * quantity held at the step's start times the asset's price move, over the whole portfolio's value at that start.
 * Steps are linked by the growth before them, so the assets' contributions add up exactly to the return of the
 * holdings over the grid. Trades, fees and income within a step move no asset's contribution: they are the
 * difference between that return and the time-weighted one.
 */
import { quantityChange } from './booking';
import { Decimal, ZERO } from './decimal';
import type { Transaction } from './transaction';

/** An asset's price in the portfolio's currency at a grid time, or null when no market tells. */
export type GridPrice = (asset: string, timeMs: number) => Decimal | null;

export interface Contributions {
  /** Per asset held in the grid, its contribution as a fraction of the portfolio (0.01 is one point). */
  assets: Array<{ asset: string; contribution: Decimal }>;
  /** Their sum: the holdings' return over the grid; null when no step could be valued. */
  total: Decimal | null;
  /** Assets held that had no price at some grid time: their steps are left out of the attribution. */
  unpriced: string[];
}

const ONE = new Decimal(1);

/** The contributions of the holdings that `transactions` build, over `grid` (ascending times). */
export function contributions(
  transactions: readonly Transaction[],
  grid: readonly number[],
  price: GridPrice,
): Contributions {
  const sorted = [...transactions].sort((a, b) => a.timeMs - b.timeMs);
  const held = new Map<string, Decimal>();
  const sums = new Map<string, Decimal>();
  const unpriced = new Set<string>();
  let growth = ONE;
  let valued = false;
  let next = 0;
  for (let k = 0; k + 1 < grid.length; k++) {
    const from = grid[k] as number;
    const to = grid[k + 1] as number;
    for (; next < sorted.length && (sorted[next] as Transaction).timeMs <= from; next++) {
      const t = sorted[next] as Transaction;
      held.set(t.asset, (held.get(t.asset) ?? ZERO).plus(quantityChange(t)));
    }
    // Each asset's value at the step's start and its move over the step; an asset without both prices is left
    // out of this step (and named), the others are still attributed.
    let value = ZERO;
    const moves: Array<[string, Decimal]> = [];
    for (const [asset, quantity] of held) {
      if (quantity.isZero()) continue;
      const start = price(asset, from);
      const end = price(asset, to);
      if (start === null || end === null) {
        unpriced.add(asset);
        continue;
      }
      value = value.plus(quantity.times(start));
      moves.push([asset, quantity.times(end.minus(start))]);
    }
    if (!value.greaterThan(0)) continue;
    valued = true;
    let step = ZERO;
    for (const [asset, move] of moves) {
      const share = move.dividedBy(value);
      sums.set(asset, (sums.get(asset) ?? ZERO).plus(share.times(growth)));
      step = step.plus(share);
    }
    growth = growth.times(ONE.plus(step));
  }
  const assets = [...sums]
    .map(([asset, contribution]) => ({ asset, contribution }))
    .sort((a, b) => b.contribution.abs().comparedTo(a.contribution.abs()) || a.asset.localeCompare(b.asset));
  return { assets, total: valued ? growth.minus(1) : null, unpriced: [...unpriced].sort() };
}
