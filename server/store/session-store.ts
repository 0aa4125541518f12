/** Sign-in sessions. The cookie holds a random token; the database holds only its SHA-256, so a leaked file signs no one in. */
import { createHash, randomBytes } from 'node:crypto';
import type { Storage } from './db';

/** A valid session: whose it is and until when. `id` is the token's hash, safe to use as a room name or log field. */
export interface Session {
  id: string;
  userId: number;
  expiresAt: number;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

const toSession = (row: { token_hash: string; user_id: number; expires_at: number }): Session => ({
  id: row.token_hash,
  userId: row.user_id,
  expiresAt: row.expires_at,
});

/** Creates, finds and ends sessions. */
export class SessionStore {
  constructor(
    private readonly storage: Storage,
    /** How long a session lasts (SESSION_TTL_HOURS): the cookie's lifetime too. */
    readonly ttlMs: number,
  ) {}

  /** A new session for the user; returns the token for the cookie (shown nowhere else). */
  async create(userId: number, now = Date.now()): Promise<{ token: string; session: Session }> {
    const token = randomBytes(32).toString('base64url');
    const session = { id: hashToken(token), userId, expiresAt: now + this.ttlMs };
    await this.storage.db
      .insertInto('sessions')
      .values({ token_hash: session.id, user_id: userId, created_at: now, expires_at: session.expiresAt })
      .execute();
    return { token, session };
  }

  /** The session of a token, or null when unknown or expired. */
  async find(token: string, now = Date.now()): Promise<Session | null> {
    const row = await this.storage.db
      .selectFrom('sessions')
      .select(['token_hash', 'user_id', 'expires_at'])
      .where('token_hash', '=', hashToken(token))
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row ? toSession(row) : null;
  }

  /** Ends the session of a token; returns it when there was one. */
  async end(token: string): Promise<Session | null> {
    const row = await this.storage.db
      .deleteFrom('sessions')
      .where('token_hash', '=', hashToken(token))
      .returning(['token_hash', 'user_id', 'expires_at'])
      .executeTakeFirst();
    return row ? toSession(row) : null;
  }

  /** Deletes expired sessions; returns how many. */
  async purgeExpired(now = Date.now()): Promise<number> {
    const result = await this.storage.db
      .deleteFrom('sessions')
      .where('expires_at', '<=', now)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
