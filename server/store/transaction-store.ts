/** Each user's portfolio transactions, persisted; every call names whose transactions it means. */
import { randomUUID } from 'node:crypto';
import type { NewTransaction, Transaction } from '../../lib/portfolio/transaction';
import type { SqliteDatabase } from './db';

interface TransactionRow {
  id: string;
  type: Transaction['type'];
  asset: string;
  quantity: string;
  price: string;
  quote_currency: string;
  fee: string;
  fee_currency: string;
  time: string;
  time_ms: number;
  exchange: string | null;
  note: string | null;
}

const toTransaction = (row: TransactionRow): Transaction => ({
  id: row.id,
  type: row.type,
  asset: row.asset,
  quantity: row.quantity,
  price: row.price,
  quoteCurrency: row.quote_currency,
  fee: row.fee,
  feeCurrency: row.fee_currency,
  time: row.time,
  timeMs: row.time_ms,
  ...(row.exchange === null ? {} : { exchange: row.exchange }),
  ...(row.note === null ? {} : { note: row.note }),
});

const columns = (t: NewTransaction) => [
  t.type,
  t.asset,
  t.quantity,
  t.price,
  t.quoteCurrency,
  t.fee,
  t.feeCurrency,
  t.time,
  t.timeMs,
  t.exchange ?? null,
  t.note ?? null,
];

/** Reads and writes transactions; the rules (no sell above the holding) live with the caller. */
export class TransactionStore {
  constructor(private readonly db: SqliteDatabase) {}

  /** A user's transactions by time; transactions at the same time keep the order they were entered in. */
  list(userId: number): Transaction[] {
    const rows = this.db
      .prepare('SELECT * FROM transactions WHERE user_id = ? ORDER BY time_ms, seq')
      .all(userId) as TransactionRow[];
    return rows.map(toTransaction);
  }

  /** One of the user's transactions, or null (also when it is somebody else's). */
  get(userId: number, id: string): Transaction | null {
    const row = this.db.prepare('SELECT * FROM transactions WHERE user_id = ? AND id = ?').get(userId, id) as
      TransactionRow | undefined;
    return row ? toTransaction(row) : null;
  }

  /** Stores new transactions in one go (all or none) and returns them with their ids. */
  insert(userId: number, transactions: readonly NewTransaction[], now = Date.now()): Transaction[] {
    const insert = this.db.prepare(
      `INSERT INTO transactions (id, user_id, type, asset, quantity, price, quote_currency, fee, fee_currency,
         time, time_ms, exchange, note, seq, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
         (SELECT COALESCE(MAX(seq), 0) + 1 FROM transactions WHERE user_id = ?), ?, ?)`,
    );
    return this.db.transaction(() =>
      transactions.map((t) => {
        const id = randomUUID();
        insert.run(id, userId, ...columns(t), userId, now, now);
        return { ...t, id };
      }),
    )();
  }

  /** Replaces one of the user's transactions; false when there is none with that id. */
  update(userId: number, id: string, transaction: NewTransaction, now = Date.now()): boolean {
    const result = this.db
      .prepare(
        `UPDATE transactions SET type = ?, asset = ?, quantity = ?, price = ?, quote_currency = ?, fee = ?,
           fee_currency = ?, time = ?, time_ms = ?, exchange = ?, note = ?, updated_at = ?
         WHERE user_id = ? AND id = ?`,
      )
      .run(...columns(transaction), now, userId, id);
    return result.changes > 0;
  }

  /** Deletes one of the user's transactions; false when there is none with that id. */
  remove(userId: number, id: string): boolean {
    return (
      this.db.prepare('DELETE FROM transactions WHERE user_id = ? AND id = ?').run(userId, id).changes > 0
    );
  }
}
