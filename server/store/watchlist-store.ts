/** Each user's watchlist, persisted: an ordered list of stream ids that survives restarts. */
import type { StreamId } from '../../lib/protocol';
import type { SqliteDatabase } from './db';

/** Reads and changes the stored watchlists; every call names whose list it means. */
export class WatchlistStore {
  constructor(private readonly db: SqliteDatabase) {}

  /** A user's streams in the order they were added. */
  list(userId: number): StreamId[] {
    const rows = this.db
      .prepare('SELECT stream FROM user_watchlist WHERE user_id = ? ORDER BY position')
      .all(userId) as Array<{ stream: string }>;
    return rows.map((row) => row.stream);
  }

  /** Every stream on anyone's list: what the feeds must keep watching. */
  allStreams(): StreamId[] {
    const rows = this.db.prepare('SELECT DISTINCT stream FROM user_watchlist').all() as Array<{
      stream: string;
    }>;
    return rows.map((row) => row.stream);
  }

  /** Adds a stream at the end of a user's list; false when it was there already. */
  add(userId: number, stream: StreamId, now = Date.now()): boolean {
    const result = this.db
      .prepare(
        `INSERT OR IGNORE INTO user_watchlist (user_id, stream, position, added_at)
         VALUES (?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM user_watchlist WHERE user_id = ?), ?)`,
      )
      .run(userId, stream, userId, now);
    return result.changes > 0;
  }

  /** Removes a stream from a user's list; false when it was not there. */
  remove(userId: number, stream: StreamId): boolean {
    return (
      this.db.prepare('DELETE FROM user_watchlist WHERE user_id = ? AND stream = ?').run(userId, stream)
        .changes > 0
    );
  }

  /**
   * Fills a new user's list: with the installation's watchlist from before accounts existed, once, for the
   * first user; else with `defaults`.
   */
  seedNewUser(userId: number, defaults: readonly StreamId[]): void {
    this.db.transaction(() => {
      const legacy = this.db.prepare('SELECT stream FROM watchlist ORDER BY position').all() as Array<{
        stream: string;
      }>;
      const seededBefore = this.db.prepare("SELECT 1 FROM meta WHERE key = 'watchlist_seeded'").get();
      const streams = seededBefore ? legacy.map((row) => row.stream) : defaults;
      for (const stream of streams) this.add(userId, stream);
      this.db.exec("DELETE FROM watchlist; DELETE FROM meta WHERE key = 'watchlist_seeded'");
    })();
  }
}
