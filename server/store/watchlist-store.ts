/** The watchlist, persisted: an ordered list of stream ids that survives restarts. */
import type { StreamId } from '../../lib/protocol';
import type { SqliteDatabase } from './db';

const SEEDED_KEY = 'watchlist_seeded';

/** Reads and changes the stored watchlist. */
export class WatchlistStore {
  constructor(private readonly db: SqliteDatabase) {}

  /** The streams in the order they were added. */
  list(): StreamId[] {
    const rows = this.db.prepare('SELECT stream FROM watchlist ORDER BY position').all() as Array<{
      stream: string;
    }>;
    return rows.map((row) => row.stream);
  }

  /** Adds a stream at the end; false when it was there already. */
  add(stream: StreamId, now = Date.now()): boolean {
    const result = this.db
      .prepare(
        `INSERT OR IGNORE INTO watchlist (stream, position, added_at)
         VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM watchlist), ?)`,
      )
      .run(stream, now);
    return result.changes > 0;
  }

  /** Removes a stream; false when it was not there. */
  remove(stream: StreamId): boolean {
    return this.db.prepare('DELETE FROM watchlist WHERE stream = ?').run(stream).changes > 0;
  }

  /** Fills the list once, on the first run; a list the user emptied stays empty. */
  seedOnce(streams: readonly StreamId[]): void {
    this.db.transaction(() => {
      const seeded = this.db.prepare('SELECT 1 FROM meta WHERE key = ?').get(SEEDED_KEY);
      if (seeded) return;
      for (const stream of streams) this.add(stream);
      this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(SEEDED_KEY, '1');
    })();
  }
}
