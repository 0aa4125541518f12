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

  /**
   * Replaces the user's backfilled daily values (all currencies) with `points`: they are worked out again as a
   * whole whenever the transactions or the currency change.
   */
  replaceDaily(userId: number, points: readonly ValuePoint[]): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM portfolio_daily_values WHERE user_id = ?').run(userId);
      const insert = this.db.prepare(
        'INSERT INTO portfolio_daily_values (user_id, time_ms, currency, value) VALUES (?, ?, ?, ?)',
      );
      for (const p of points) insert.run(userId, p.timeMs, p.currency, p.value);
    })();
  }

  /**
   * The user's value history in one currency, oldest first: the backfilled daily values from before the first
   * recorded point, then every recorded point.
   */
  history(userId: number, currency: string): ValuePoint[] {
    const recorded = this.list(userId, currency);
    const firstRecorded = recorded[0]?.timeMs ?? Infinity;
    const daily = this.read('portfolio_daily_values', userId, currency).filter(
      (p) => p.timeMs < firstRecorded,
    );
    return [...daily, ...recorded];
  }

  /** The user's recorded points in one currency, oldest first. */
  list(userId: number, currency: string): ValuePoint[] {
    return this.read('portfolio_values', userId, currency);
  }

  private read(table: 'portfolio_values' | 'portfolio_daily_values', userId: number, currency: string) {
    const rows = this.db
      .prepare(
        `SELECT time_ms, currency, value FROM ${table} WHERE user_id = ? AND currency = ? ORDER BY time_ms`,
      )
      .all(userId, currency) as Array<{ time_ms: number; currency: string; value: string }>;
    return rows.map((r): ValuePoint => ({ timeMs: r.time_ms, currency: r.currency, value: r.value }));
  }
}
