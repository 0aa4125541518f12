/** Each user's recorded portfolio values: (time, currency, value as a decimal string), bounded per user. */
import type { SqliteDatabase } from './db';

/** One recorded value. */
export interface ValuePoint {
  timeMs: number;
  currency: string;
  value: string;
}

/** Appends values and reads them back; the oldest go once a user has more than the bound. */
export class ValueHistoryStore {
  constructor(private readonly db: SqliteDatabase) {}

  /** Records a value and keeps only the user's newest `keep` points. */
  record(userId: number, point: ValuePoint, keep: number): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          'INSERT OR REPLACE INTO portfolio_values (user_id, time_ms, currency, value) VALUES (?, ?, ?, ?)',
        )
        .run(userId, point.timeMs, point.currency, point.value);
      this.db
        .prepare(
          `DELETE FROM portfolio_values WHERE user_id = ? AND time_ms <
             (SELECT time_ms FROM portfolio_values WHERE user_id = ? ORDER BY time_ms DESC LIMIT 1 OFFSET ?)`,
        )
        .run(userId, userId, keep - 1);
    })();
  }

  /** The user's points in one currency, oldest first. */
  list(userId: number, currency: string): ValuePoint[] {
    const rows = this.db
      .prepare(
        'SELECT time_ms, currency, value FROM portfolio_values WHERE user_id = ? AND currency = ? ORDER BY time_ms',
      )
      .all(userId, currency) as Array<{ time_ms: number; currency: string; value: string }>;
    return rows.map((r) => ({ timeMs: r.time_ms, currency: r.currency, value: r.value }));
  }
}
