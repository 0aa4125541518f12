/** Each user's recorded portfolio values: (time, currency, value as a decimal string), bounded per user. */
import type { Storage } from './db';

const ROWS_PER_INSERT = 500;

/** One recorded value. */
export interface ValuePoint {
  timeMs: number;
  currency: string;
  value: string;
}

/** Appends values and reads them back; the oldest go once a user has more than the bound. */
export class ValueHistoryStore {
  constructor(private readonly storage: Storage) {}

  /** Records a value (replacing one at the same time) and keeps only the user's newest `keep` points. */
  async record(userId: number, point: ValuePoint, keep: number): Promise<void> {
    await this.storage.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('portfolio_values')
        .values({ user_id: userId, time_ms: point.timeMs, currency: point.currency, value: point.value })
        .onConflict((oc) =>
          oc.columns(['user_id', 'time_ms']).doUpdateSet((eb) => ({
            currency: eb.ref('excluded.currency'),
            value: eb.ref('excluded.value'),
          })),
        )
        .execute();
      await trx
        .deleteFrom('portfolio_values')
        .where('user_id', '=', userId)
        .where('time_ms', '<', (eb) =>
          eb
            .selectFrom('portfolio_values')
            .select('time_ms')
            .where('user_id', '=', userId)
            .orderBy('time_ms', 'desc')
            .limit(1)
            .offset(keep - 1),
        )
        .execute();
    });
  }

  /**
   * Replaces the user's backfilled daily values (all currencies) with `points`: they are worked out again as a
   * whole whenever the transactions or the currency change.
   */
  async replaceDaily(userId: number, points: readonly ValuePoint[]): Promise<void> {
    await this.storage.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('portfolio_daily_values').where('user_id', '=', userId).execute();
      // Up to ten years of days: in slices, within both engines' cap on the parameters of one statement.
      for (let i = 0; i < points.length; i += ROWS_PER_INSERT) {
        const rows = points.slice(i, i + ROWS_PER_INSERT).map((p) => ({
          user_id: userId,
          time_ms: p.timeMs,
          currency: p.currency,
          value: p.value,
        }));
        await trx.insertInto('portfolio_daily_values').values(rows).execute();
      }
    });
  }

  /**
   * The user's value history in one currency, oldest first: the backfilled daily values from before the first
   * recorded point, then every recorded point.
   */
  async history(userId: number, currency: string): Promise<ValuePoint[]> {
    const recorded = await this.list(userId, currency);
    const firstRecorded = recorded[0]?.timeMs ?? Infinity;
    const daily = (await this.read('portfolio_daily_values', userId, currency)).filter(
      (p) => p.timeMs < firstRecorded,
    );
    return [...daily, ...recorded];
  }

  /** The user's recorded points in one currency, oldest first. */
  list(userId: number, currency: string): Promise<ValuePoint[]> {
    return this.read('portfolio_values', userId, currency);
  }

  private async read(
    table: 'portfolio_values' | 'portfolio_daily_values',
    userId: number,
    currency: string,
  ): Promise<ValuePoint[]> {
    const rows = await this.storage.db
      .selectFrom(table)
      .select(['time_ms', 'currency', 'value'])
      .where('user_id', '=', userId)
      .where('currency', '=', currency)
      .orderBy('time_ms')
      .execute();
    return rows.map((r): ValuePoint => ({ timeMs: r.time_ms, currency: r.currency, value: r.value }));
  }
}
