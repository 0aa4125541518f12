/** Each user's alerts, persisted: set, listed, given channels, marked triggered, deleted. */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { Alert, MoveAlert, PortfolioAlert, PriceLevelAlert } from '../../lib/protocol';
import type { Storage } from './db';
import type { AlertsTable } from './schema';

/** A stored alert with its owner, which the API never shows. */
export type OwnedAlert = Alert & { userId: number };

/** What an alert watches and its note: an alert before it has an id, a time, channels or a firing. */
export type AlertSpec =
  | Pick<PriceLevelAlert, 'kind' | 'stream' | 'condition' | 'price' | 'note'>
  | Pick<MoveAlert, 'kind' | 'stream' | 'direction' | 'percent' | 'window' | 'note'>
  | Pick<PortfolioAlert, 'kind' | 'condition' | 'value' | 'currency' | 'note'>;

type Row = Selectable<AlertsTable>;

function owned(row: Row, channels: string[]): OwnedAlert {
  const common = {
    id: row.id,
    userId: row.user_id,
    note: row.note,
    channels,
    createdAt: row.created_at,
    triggeredAt: row.triggered_at,
    triggeredPrice: row.triggered_price,
  };
  if (row.kind === 'move')
    return {
      ...common,
      kind: 'move',
      stream: row.stream,
      direction: row.condition as MoveAlert['direction'],
      percent: row.price,
      window: row.move_window ?? '1h',
      triggeredChange: row.triggered_change,
    };
  const condition = row.condition as PriceLevelAlert['condition'];
  if (row.kind === 'portfolio')
    return { ...common, kind: 'portfolio', condition, value: row.price, currency: row.currency ?? 'USD' };
  return { ...common, kind: 'price', stream: row.stream, condition, price: row.price };
}

/** The columns an alert's spec is stored in (migration 013 gives each kind's meaning). */
function columnsOf(spec: AlertSpec) {
  if (spec.kind === 'move')
    return { stream: spec.stream, condition: spec.direction, price: spec.percent, move_window: spec.window };
  if (spec.kind === 'portfolio')
    return { stream: '', condition: spec.condition, price: spec.value, currency: spec.currency };
  return { stream: spec.stream, condition: spec.condition, price: spec.price };
}

/** Reads and changes the stored alerts; every call but `waiting` and `trigger` names whose alerts it means. */
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
    return this.withChannels(rows);
  }

  /** One of the user's alerts, or undefined. */
  async get(userId: number, id: string): Promise<OwnedAlert | undefined> {
    const row = await this.storage.db
      .selectFrom('alerts')
      .selectAll()
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row ? (await this.withChannels([row]))[0] : undefined;
  }

  /** Everyone's alerts not yet triggered: what the server checks ticks and values against. */
  async waiting(): Promise<OwnedAlert[]> {
    const rows = await this.storage.db
      .selectFrom('alerts')
      .selectAll()
      .where('triggered_at', 'is', null)
      .execute();
    return this.withChannels(rows);
  }

  async count(userId: number): Promise<number> {
    const row = await this.storage.db
      .selectFrom('alerts')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Stores a new alert sent to `channels` (ids of the user's channels, checked by the caller). */
  async insert(userId: number, spec: AlertSpec, channels: string[], now = Date.now()): Promise<OwnedAlert> {
    const id = randomUUID();
    const row = {
      id,
      user_id: userId,
      kind: spec.kind,
      ...columnsOf(spec),
      note: spec.note,
      created_at: now,
    };
    await this.storage.db.transaction().execute(async (trx) => {
      await trx.insertInto('alerts').values(row).execute();
      if (channels.length > 0)
        await trx
          .insertInto('alert_targets')
          .values(channels.map((channel_id) => ({ alert_id: id, channel_id })))
          .execute();
    });
    const stored = await this.get(userId, id);
    if (!stored) throw new Error(`alert ${id} not found after insert`);
    return stored;
  }

  /** Replaces the channels one of the user's alerts goes to; false when the user has no such alert. */
  async setChannels(userId: number, id: string, channels: string[]): Promise<boolean> {
    return this.storage.db.transaction().execute(async (trx) => {
      const mine = await trx
        .selectFrom('alerts')
        .select('id')
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      if (!mine) return false;
      await trx.deleteFrom('alert_targets').where('alert_id', '=', id).execute();
      if (channels.length > 0)
        await trx
          .insertInto('alert_targets')
          .values(channels.map((channel_id) => ({ alert_id: id, channel_id })))
          .execute();
      return true;
    });
  }

  /**
   * Marks an alert triggered at `price` (a move alert also with its `change`); false when it was gone or
   * triggered already, which is how only one instance of a cluster fires it.
   */
  async trigger(id: string, at: number, price: string, change: string | null = null): Promise<boolean> {
    const result = await this.storage.db
      .updateTable('alerts')
      .set({ triggered_at: at, triggered_price: price, triggered_change: change })
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

  /** The rows as alerts, each with its channels in the order the channels were added. */
  private async withChannels(rows: Row[]): Promise<OwnedAlert[]> {
    if (rows.length === 0) return [];
    const targets = new Map<string, string[]>();
    // Chunked: PostgreSQL and SQLite both cap the parameters of one statement.
    for (let i = 0; i < rows.length; i += 500) {
      const found = await this.storage.db
        .selectFrom('alert_targets')
        .innerJoin('alert_channels', 'alert_channels.id', 'alert_targets.channel_id')
        .select(['alert_targets.alert_id', 'alert_targets.channel_id'])
        .where(
          'alert_targets.alert_id',
          'in',
          rows.slice(i, i + 500).map((r) => r.id),
        )
        .orderBy('alert_channels.created_at')
        .orderBy('alert_channels.id')
        .execute();
      for (const { alert_id, channel_id } of found) {
        const list = targets.get(alert_id);
        if (list) list.push(channel_id);
        else targets.set(alert_id, [channel_id]);
      }
    }
    return rows.map((row) => owned(row, targets.get(row.id) ?? []));
  }
}
