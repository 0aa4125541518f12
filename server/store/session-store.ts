/** Sign-in sessions. The cookie holds a random token; the database holds only its SHA-256, so a leaked file signs no one in. */
import { createHash, randomBytes } from 'node:crypto';
import type { SqliteDatabase } from './db';

/** A valid session: whose it is and until when. `id` is the token's hash, safe to use as a room name or log field. */
export interface Session {
  id: string;
  userId: number;
  expiresAt: number;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Creates, finds and ends sessions. */
export class SessionStore {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly ttlMs: number,
  ) {}

  /** A new session for the user; returns the token for the cookie (shown nowhere else). */
  create(userId: number, now = Date.now()): { token: string; session: Session } {
    const token = randomBytes(32).toString('base64url');
    const session = { id: hashToken(token), userId, expiresAt: now + this.ttlMs };
    this.db
      .prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
      .run(session.id, userId, now, session.expiresAt);
    return { token, session };
  }

  /** The session of a token, or null when unknown or expired. */
  find(token: string, now = Date.now()): Session | null {
    const row = this.db
      .prepare('SELECT token_hash, user_id, expires_at FROM sessions WHERE token_hash = ? AND expires_at > ?')
      .get(hashToken(token), now) as { token_hash: string; user_id: number; expires_at: number } | undefined;
    return row ? { id: row.token_hash, userId: row.user_id, expiresAt: row.expires_at } : null;
  }

  /** Ends the session of a token; returns it when there was one. */
  end(token: string): Session | null {
    const row = this.db
      .prepare('DELETE FROM sessions WHERE token_hash = ? RETURNING token_hash, user_id, expires_at')
      .get(hashToken(token)) as { token_hash: string; user_id: number; expires_at: number } | undefined;
    return row ? { id: row.token_hash, userId: row.user_id, expiresAt: row.expires_at } : null;
  }

  /** Deletes expired sessions; returns how many. */
  purgeExpired(now = Date.now()): number {
    return this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now).changes;
  }
}
