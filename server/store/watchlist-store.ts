/** Each user's watchlist, persisted: an ordered list of stream ids that survives restarts. */
import type { Kysely } from 'kysely';
import type { StreamId } from '../../lib/protocol';
import type { Storage } from './db';
import type { Tables } from './schema';

/** Adds a stream at the end of a user's list, in `db` (the database or a transaction); false when it was there. */
async function addStream(
  db: Kysely<Tables>,
  userId: number,
  stream: StreamId,
  now: number,
): Promise<boolean> {
  const result = await db
    .insertInto('user_watchlist')
    .values((eb) => ({
      user_id: userId,
      stream,
      position: eb
        .selectFrom('user_watchlist')
        .select((sub) => sub(sub.fn.coalesce(sub.fn.max('position'), sub.lit(0)), '+', 1).as('next'))
        .where('user_id', '=', userId),
      added_at: now,
    }))
    .onConflict((oc) => oc.columns(['user_id', 'stream']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Reads and changes the stored watchlists; every call names whose list it means. */
export class WatchlistStore {
  constructor(private readonly storage: Storage) {}

  /** A user's streams in the order they were added. */
  async list(userId: number): Promise<StreamId[]> {
    const rows = await this.storage.db
      .selectFrom('user_watchlist')
      .select('stream')
      .where('user_id', '=', userId)
      .orderBy('position')
      .execute();
    return rows.map((row) => row.stream);
  }

  /** Every stream on anyone's list: what the feeds must keep watching. */
  async allStreams(): Promise<StreamId[]> {
    const rows = await this.storage.db.selectFrom('user_watchlist').select('stream').distinct().execute();
    return rows.map((row) => row.stream);
  }

  /** Adds a stream at the end of a user's list; false when it was there already. */
  add(userId: number, stream: StreamId, now = Date.now()): Promise<boolean> {
    return addStream(this.storage.db, userId, stream, now);
  }

  /** Removes a stream from a user's list; false when it was not there. */
  async remove(userId: number, stream: StreamId): Promise<boolean> {
    const result = await this.storage.db
      .deleteFrom('user_watchlist')
      .where('user_id', '=', userId)
      .where('stream', '=', stream)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /**
   * Fills a new user's list: with the installation's watchlist from before accounts existed, once, for the
   * first user; else with `defaults`.
   */
  async seedNewUser(userId: number, defaults: readonly StreamId[], now = Date.now()): Promise<void> {
    await this.storage.db.transaction().execute(async (trx) => {
      const legacy = await trx.selectFrom('watchlist').select('stream').orderBy('position').execute();
      const seededBefore = await trx
        .selectFrom('meta')
        .select('key')
        .where('key', '=', 'watchlist_seeded')
        .executeTakeFirst();
      const streams = seededBefore ? legacy.map((row) => row.stream) : defaults;
      for (const stream of streams) await addStream(trx, userId, stream, now);
      await trx.deleteFrom('watchlist').execute();
      await trx.deleteFrom('meta').where('key', '=', 'watchlist_seeded').execute();
    });
  }
}
