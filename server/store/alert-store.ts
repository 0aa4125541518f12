/** Each user's price alerts, persisted: set, listed, marked triggered, deleted. */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { NewAlert } from '../../lib/alerts';
import type { PriceAlert } from '../../lib/protocol';
import type { Storage } from './db';
import type { AlertsTable } from './schema';

/** A stored alert with its owner, which the API never shows. */
export interface OwnedAlert extends PriceAlert {
  userId: number;
}

const owned = (row: Selectable<AlertsTable>): OwnedAlert => ({
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
  constructor(private readonly storage: Storage) {}

  /** A user's alerts, oldest first. */
  async list(userId: number): Promise<OwnedAlert[]> {
    // Alerts set in the same millisecond: SQLite lists them in the order they were set (rowid); PostgreSQL has
    // no such column, and lists them by id there.
    const tieBreak = this.storage.engine === 'sqlite' ? sql<string>`rowid` : sql<string>`id`;
    const rows = await this.storage.db
      .selectFrom('alerts')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .orderBy(tieBreak)
      .execute();
    return rows.map(owned);
  }

  /** Everyone's alerts not yet triggered: what the server checks ticks against. */
  async waiting(): Promise<OwnedAlert[]> {
    const rows = await this.storage.db
      .selectFrom('alerts')
      .selectAll()
      .where('triggered_at', 'is', null)
      .execute();
    return rows.map(owned);
  }

  async count(userId: number): Promise<number> {
    const row = await this.storage.db
      .selectFrom('alerts')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insert(userId: number, alert: NewAlert, now = Date.now()): Promise<OwnedAlert> {
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
    await this.storage.db
      .insertInto('alerts')
      .values({
        id: stored.id,
        user_id: userId,
        stream: stored.stream,
        condition: stored.condition,
        price: stored.price,
        note: stored.note,
        created_at: now,
      })
      .execute();
    return stored;
  }

  /** Marks an alert triggered; false when it was gone or triggered already. */
  async trigger(id: string, at: number, price: string): Promise<boolean> {
    const result = await this.storage.db
      .updateTable('alerts')
      .set({ triggered_at: at, triggered_price: price })
      .where('id', '=', id)
      .where('triggered_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Deletes one of the user's alerts; false when the user has no such alert. */
  async remove(userId: number, id: string): Promise<boolean> {
    const result = await this.storage.db
      .deleteFrom('alerts')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
