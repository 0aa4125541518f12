/**
 * Opening and closing balances in the store (docs/protocol.md P9, P4): after a sync, or an import of an exchange's
 * file, an account's adjustments are brought in line with what its history needs (reconcile.ts). A new one is
 * added, one no longer needed is deleted, a changed one keeps its price (a cost the user may have stated) with the
 * new quantity and time.
 */
import { formatDecimal } from '../../lib/portfolio/decimal';
import type { Decimal } from '../../lib/portfolio/decimal';
import type { SyncedTransaction, Transaction } from '../../lib/portfolio/transaction';
import type { UserTransactions } from '../store/transaction-store';
import { CLOSING, OPENING, isAdjustment, reconcile } from './reconcile';
import { portfolioQuotes } from './requote';

/** Where the adjustments go and how their notes say where the history came from. */
export interface AdjustmentContext {
  account: string;
  home: string;
  exchange: string;
  /** The note of an opening balance: what was held before. */
  openingNote: string;
  /** The note of a closing balance. */
  closingNote: string;
  now: number;
}

/**
 * Brings the account's adjustments in line with `balances` (null: none known, openings only) over `all`, the
 * user's transactions as stored now and any about to be. Returns how many are in place.
 */
export async function adjust(
  mine: UserTransactions,
  all: readonly Transaction[],
  balances: ReadonlyMap<string, Decimal> | null,
  ctx: AdjustmentContext,
): Promise<number> {
  const { account, now } = ctx;
  const { openings, closings } = reconcile(account, all, balances);
  // Without balances only openings are managed: a sync's closing stays until the next sync sets it again.
  const managed = (t: Transaction) =>
    balances ? isAdjustment(t) : (t.externalId?.startsWith(OPENING) ?? false);
  const existing = new Map(
    all.filter((t) => t.account === account && managed(t)).map((t) => [t.externalId as string, t]),
  );
  const first = all
    .filter((t) => (t.account === account || t.toAccount === account) && !isAdjustment(t))
    .reduce((min, t) => Math.min(min, t.timeMs), now);
  // Of unknown cost, an adjustment may quote in any currency: the one the portfolio quotes its asset in (P2).
  const quotes = portfolioQuotes(all);
  const wanted: SyncedTransaction[] = [];
  const add = (kind: 'opening' | 'closing', asset: string, quantity: Decimal) => {
    const timeMs = kind === 'opening' ? first - 1000 : now;
    wanted.push({
      type: kind === 'opening' ? 'deposit' : 'withdrawal',
      asset,
      quantity: formatDecimal(quantity),
      price: '0',
      quoteCurrency: existing.get(`${kind}:${asset}`)?.quoteCurrency ?? quotes.get(asset) ?? ctx.home,
      fee: '0',
      feeCurrency: ctx.home,
      time: new Date(timeMs).toISOString(),
      timeMs,
      exchange: ctx.exchange,
      note: kind === 'opening' ? ctx.openingNote : ctx.closingNote,
      account,
      externalId: `${kind === 'opening' ? OPENING : CLOSING}${asset}`,
      costUnknown: true,
    });
  };
  for (const [asset, quantity] of openings) add('opening', asset, quantity);
  for (const [asset, quantity] of closings) add('closing', asset, quantity);
  const keep = new Set(wanted.map((t) => t.externalId));
  for (const [externalId, t] of existing) if (!keep.has(externalId)) await mine.remove(t.id);
  const inserts: SyncedTransaction[] = [];
  for (const t of wanted) {
    const old = existing.get(t.externalId);
    if (!old) inserts.push(t);
    else if (old.quantity !== t.quantity || old.timeMs !== t.timeMs)
      await mine.update(old.id, {
        ...old,
        quantity: t.quantity,
        time: t.time,
        timeMs: t.timeMs,
        account,
      });
  }
  await mine.insert(inserts, now);
  return wanted.length;
}
