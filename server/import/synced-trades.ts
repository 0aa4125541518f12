/**
 * A file without trade ids (Binance's trade history) cannot be told apart from a sync's trades by id: its rows
 * are matched to the trades a sync booked into the same account instead (docs/imports.md), by market, side,
 * amount and second, so an account both synced and imported books each fill once.
 */
import { Decimal } from '../../lib/portfolio/decimal';
import type { Transaction } from '../../lib/portfolio/transaction';
import type { ImportRecord } from './parsed-file';

// A sync's base leg: `trade:<BASE/QUOTE>:<the exchange's id>`; its other legs carry one more `:` part.
const SYNCED_BASE_LEG = /^trade:([^:]+):([^:]+)$/;

// The file shows whole seconds; whether the exchange rounds or cuts the milliseconds, the fill is within one.
const SECOND_SLACK = [0, -1, 1];

const keyOf = (symbol: string, second: number, side: string, amount: string) =>
  `${symbol} ${second} ${side} ${new Decimal(amount).toString()}`;

/** Whether a record of the file is a trade the account already holds from a sync; each synced trade matches once. */
export function syncedTradeMatcher(
  transactions: readonly Transaction[],
  account: string,
): (record: ImportRecord) => boolean {
  const counts = new Map<string, number>();
  for (const t of transactions) {
    const [, symbol, id] = (t.account === account && SYNCED_BASE_LEG.exec(t.externalId ?? '')) || [];
    // Ids of hashed rows (`h…`) are the files' own: only an exchange's id marks a synced trade.
    if (!symbol || !id || id.startsWith('h') || (t.type !== 'buy' && t.type !== 'sell')) continue;
    const key = keyOf(symbol, Math.floor(Date.parse(t.time) / 1000), t.type, t.quantity);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return (record) => {
    if (record.kind !== 'trade' || !record.record.id.startsWith('h')) return false;
    const { symbol, side, amount, timeMs } = record.record;
    const second = Math.floor(timeMs / 1000);
    for (const slack of SECOND_SLACK) {
      const key = keyOf(symbol, second + slack, side, amount.toString());
      const left = counts.get(key) ?? 0;
      if (left > 0) {
        counts.set(key, left - 1);
        return true;
      }
    }
    return false;
  };
}
