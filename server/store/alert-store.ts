/** Each user's price alerts, persisted: set, listed, marked triggered, deleted. */
import { randomUUID } from 'node:crypto';
import type { AlertCondition, NewAlert, PriceAlert } from '../../lib/alerts';
import type { SqliteDatabase } from './db';

interface AlertRow {
  id: string;
  user_id: number;
  stream: string;
  condition: AlertCondition;
  price: string;
  note: string | null;
  created_at: number;
  triggered_at: number | null;
  triggered_price: string | null;
}

/** A stored alert with its owner, which the API never shows. */
export interface OwnedAlert extends PriceAlert {
  userId: number;
}

const owned = (row: AlertRow): OwnedAlert => ({
  id: row.id,
  userId: row.user_id,
  stream: row.stream,
  condition: row.condition,
  price: row.price,
  note: row.note,
  createdAt: row.created_at,
  triggeredAt: row.triggered_at,
  triggeredPrice: row.triggered_price,
});

/** Reads and changes the stored alerts; every call but `waiting` names whose alerts it means. */
export class AlertStore {
  constructor(private readonly db: SqliteDatabase) {}

  /** A user's alerts, oldest first. */
  list(userId: number): OwnedAlert[] {
    const rows = this.db
      .prepare('SELECT * FROM alerts WHERE user_id = ? ORDER BY created_at, rowid')
      .all(userId) as AlertRow[];
    return rows.map(owned);
  }

  /** Everyone's alerts not yet triggered: what the server checks ticks against. */
  waiting(): OwnedAlert[] {
    const rows = this.db.prepare('SELECT * FROM alerts WHERE triggered_at IS NULL').all() as AlertRow[];
    return rows.map(owned);
  }

  count(userId: number): number {
    const row = this.db.prepare('SELECT COUNT(*) AS n FROM alerts WHERE user_id = ?').get(userId) as {
      n: number;
    };
    return row.n;
  }

  insert(userId: number, alert: NewAlert, now = Date.now()): OwnedAlert {
    const stored: OwnedAlert = {
      id: randomUUID(),
      userId,
      stream: alert.stream,
      condition: alert.condition,
      price: alert.price,
      note: alert.note ?? null,
      createdAt: now,
      triggeredAt: null,
      triggeredPrice: null,
    };
    this.db
      .prepare(
        `INSERT INTO alerts (id, user_id, stream, condition, price, note, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(stored.id, userId, stored.stream, stored.condition, stored.price, stored.note, now);
    return stored;
  }

  /** Marks an alert triggered; false when it was gone or triggered already. */
  trigger(id: string, at: number, price: string): boolean {
    const result = this.db
      .prepare(
        'UPDATE alerts SET triggered_at = ?, triggered_price = ? WHERE id = ? AND triggered_at IS NULL',
      )
      .run(at, price, id);
    return result.changes > 0;
  }

  /** Deletes one of the user's alerts; false when the user has no such alert. */
  remove(userId: number, id: string): boolean {
    return this.db.prepare('DELETE FROM alerts WHERE id = ? AND user_id = ?').run(id, userId).changes > 0;
  }
}
