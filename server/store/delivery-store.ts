/**
 * The alert outbox, persisted (docs/alert-channels.md N3, N5): one row per message and channel, kept until it is
 * sent or has failed for good. An instance takes a due row with a lease (claimed_until) in one conditional
 * UPDATE, so of several instances on one database exactly one sends it; one that dies while sending loses the
 * lease, and another sends the row again when it has passed.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { ChannelMessage } from '../alerts/channels/message';
import type { StoredFailure } from '../alerts/channels/send-result';
import type { Storage } from './db';
import type { AlertDeliveriesTable, Tables } from './schema';

export type DeliveryStatus = AlertDeliveriesTable['status'];

/** One message to one channel, and how its sending stands. */
export interface Delivery {
  id: string;
  userId: number;
  channelId: string;
  alertId: string | null;
  firedAt: number | null;
  message: ChannelMessage;
  status: DeliveryStatus;
  /** Sends begun so far (counted when taken, so a send cut off by a crash counts too). */
  attempts: number;
  nextAttemptAt: number;
  lastError: StoredFailure | null;
  createdAt: number;
  sentAt: number | null;
}

/** The firing a message belongs to: one delivery per channel and firing. */
export interface Firing {
  alertId: string;
  firedAt: number;
}

const toDelivery = (row: Selectable<AlertDeliveriesTable>): Delivery => ({
  id: row.id,
  userId: row.user_id,
  channelId: row.channel_id,
  alertId: row.alert_id,
  firedAt: row.fired_at,
  message: JSON.parse(row.payload) as ChannelMessage,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  lastError: row.last_error === null ? null : (JSON.parse(row.last_error) as StoredFailure),
  createdAt: row.created_at,
  sentAt: row.sent_at,
});

export class DeliveryStore {
  constructor(private readonly storage: Storage) {}

  private get db(): Kysely<Tables> {
    return this.storage.db;
  }

  /**
   * Queues `message` for each channel, due at once; returns the ids of the rows this call added. A firing already
   * queued for a channel (by this instance or another) is not queued again.
   */
  async enqueue(
    userId: number,
    channelIds: readonly string[],
    message: ChannelMessage,
    firing: Firing | null,
    now = Date.now(),
  ): Promise<string[]> {
    const added: string[] = [];
    for (const channelId of channelIds) {
      const id = randomUUID();
      const result = await this.db
        .insertInto('alert_deliveries')
        .values({
          id,
          user_id: userId,
          channel_id: channelId,
          alert_id: firing?.alertId ?? null,
          fired_at: firing?.firedAt ?? null,
          payload: JSON.stringify(message),
          status: 'pending',
          attempts: 0,
          next_attempt_at: now,
          claimed_until: 0,
          claimed_by: null,
          last_error: null,
          created_at: now,
          sent_at: null,
        })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (Number(result.numInsertedOrUpdatedRows ?? 0n) > 0) added.push(id);
    }
    return added;
  }

  /**
   * Takes up to `limit` due deliveries for `worker` until `now + leaseMs`, counting an attempt on each. Each row
   * is taken by an UPDATE that re-checks the lease: when two instances race for one, the database lets one
   * update through and the other finds the lease taken (PostgreSQL re-reads the row after the first commits).
   */
  async claimDue(worker: string, now: number, leaseMs: number, limit: number): Promise<Delivery[]> {
    if (limit <= 0) return [];
    const due = await this.db
      .selectFrom('alert_deliveries')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .where('claimed_until', '<', now)
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute();
    const claimed: Delivery[] = [];
    for (const { id } of due) {
      const row = await this.db
        .updateTable('alert_deliveries')
        .set((eb) => ({
          claimed_until: now + leaseMs,
          claimed_by: worker,
          attempts: eb('attempts', '+', 1),
        }))
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where('claimed_until', '<', now)
        .returningAll()
        .executeTakeFirst();
      if (row) claimed.push(toDelivery(row));
    }
    return claimed;
  }

  /** Sent: done for good. False when `worker` had lost the lease (another instance took the row). */
  async markSent(id: string, worker: string, now: number): Promise<boolean> {
    return this.release(id, worker, { status: 'sent', sent_at: now, last_error: null });
  }

  /** Failed, tried again at `nextAttemptAt`. */
  async markRetry(
    id: string,
    worker: string,
    failure: StoredFailure,
    nextAttemptAt: number,
  ): Promise<boolean> {
    return this.release(id, worker, {
      status: 'pending',
      next_attempt_at: nextAttemptAt,
      last_error: JSON.stringify(failure),
    });
  }

  /** Failed for good. */
  async markFailed(id: string, worker: string, failure: StoredFailure): Promise<boolean> {
    return this.release(id, worker, { status: 'failed', last_error: JSON.stringify(failure) });
  }

  private async release(
    id: string,
    worker: string,
    change: Partial<Pick<AlertDeliveriesTable, 'status' | 'sent_at' | 'last_error' | 'next_attempt_at'>>,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('alert_deliveries')
      .set({ ...change, claimed_until: 0, claimed_by: null })
      .where('id', '=', id)
      .where('claimed_by', '=', worker)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** A user's deliveries, newest first (optionally one channel's): what the UI shows of recent sends. */
  async list(userId: number, options: { channelId?: string; limit?: number } = {}): Promise<Delivery[]> {
    let query = this.db
      .selectFrom('alert_deliveries')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(options.limit ?? 50);
    if (options.channelId !== undefined) query = query.where('channel_id', '=', options.channelId);
    return (await query.execute()).map(toDelivery);
  }

  /** Deletes the sent and failed deliveries created before `before`; returns how many. */
  async prune(before: number): Promise<number> {
    const result = await this.db
      .deleteFrom('alert_deliveries')
      .where('status', 'in', ['sent', 'failed'])
      .where('created_at', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async get(id: string): Promise<Delivery | null> {
    const row = await this.db
      .selectFrom('alert_deliveries')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toDelivery(row) : null;
  }
}
