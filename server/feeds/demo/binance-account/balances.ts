/** The demo account's running balances in exact decimals: what each record adds and takes away, never below zero. */
import { Decimal, ZERO } from '../../../../lib/portfolio/decimal';
import type { AccountDeposit, AccountDividend, AccountTrade, AccountWithdrawal } from './records';
import { assetsOfSymbol } from './records';

/** Amount changes per asset, positive in, negative out. */
export type Changes = ReadonlyMap<string, Decimal>;

/** Balances that only ever change by whole records. */
export interface Balances {
  get(asset: string): Decimal;
  /** Applies every change, or none and says which asset would go below zero. */
  apply(changes: Changes): { ok: true } | { ok: false; reason: string };
  /** Every asset ever touched and its balance. */
  entries(): [string, Decimal][];
}

/** Starts from `opening` (what the account held before its history), or from nothing. */
export function createBalances(opening: Readonly<Record<string, string>> = {}): Balances {
  const held = new Map<string, Decimal>(
    Object.entries(opening).map(([asset, amount]) => [asset, new Decimal(amount)]),
  );
  const get = (asset: string) => held.get(asset) ?? ZERO;
  return {
    get,
    apply(changes) {
      for (const [asset, change] of changes) {
        const after = get(asset).plus(change);
        if (after.isNegative()) {
          return {
            ok: false,
            reason: `needs ${change.negated().toFixed()} ${asset}, holds ${get(asset).toFixed()}`,
          };
        }
      }
      for (const [asset, change] of changes) held.set(asset, get(asset).plus(change));
      return { ok: true };
    },
    entries: () => [...held.entries()],
  };
}

function add(changes: Map<string, Decimal>, asset: string, amount: Decimal): void {
  changes.set(asset, (changes.get(asset) ?? ZERO).plus(amount));
}

/** A fill: the base in and the quote out for a buy (the reverse for a sell), less the commission. */
export function tradeChanges(trade: AccountTrade): Changes {
  const { base, quote } = assetsOfSymbol(trade.symbol);
  const sign = trade.side === 'buy' ? 1 : -1;
  const changes = new Map<string, Decimal>();
  add(changes, base, new Decimal(trade.qty).times(sign));
  add(changes, quote, new Decimal(trade.quoteQty).times(-sign));
  add(changes, trade.commissionAsset, new Decimal(trade.commission).negated());
  return changes;
}

/** A deposit credits its amount once it succeeded (status 1) or is credited but locked (status 6). */
export function depositChanges(deposit: AccountDeposit): Changes {
  const credited = deposit.status === 1 || deposit.status === 6;
  return new Map(credited ? [[deposit.coin, new Decimal(deposit.amount)]] : []);
}

/** A withdrawal takes its amount and its fee, unless it was cancelled (1), rejected (3) or failed (5). */
export function withdrawalChanges(withdrawal: AccountWithdrawal): Changes {
  if ([1, 3, 5].includes(withdrawal.status)) return new Map();
  return new Map([
    [withdrawal.coin, new Decimal(withdrawal.amount).plus(withdrawal.transactionFee).negated()],
  ]);
}

/** An asset dividend credits its amount (direction 1) or debits it (-1). */
export function dividendChanges(dividend: AccountDividend): Changes {
  return new Map([[dividend.asset, new Decimal(dividend.amount).times(dividend.direction)]]);
}
