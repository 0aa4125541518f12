/**
 * Personal access tokens (docs/protocol.md A9). Like a session cookie's token, a personal token is random and only
 * its SHA-256 is stored: the database alone signs no one in. Revoking deletes the row, so the next request with
 * the token is refused by whichever instance reads it.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { ApiTokensTable } from './schema';
import type { Storage } from './db';

export type { TokenScope } from '../../lib/api/tokens';
import type { TokenScope } from '../../lib/api/tokens';

/** What every personal token starts with: a program (or a secret scanner) can tell one from other strings. */
export const TOKEN_PREFIX = 'lfp_';

/** A token as its owner sees it in the list: never the token itself. */
export interface StoredToken {
  id: string;
  userId: number;
  name: string;
  scope: TokenScope;
  /** The token's last four characters. */
  hint: string;
  createdAt: number;
  /** null: it never expires. */
  expiresAt: number | null;
  lastUsedAt: number | null;
}

/** Writing the last-used time at most this often per token: a busy script costs no write per request. */
const LAST_USED_STEP_MS = 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

const toToken = (row: Selectable<ApiTokensTable>): StoredToken => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  scope: row.scope,
  hint: row.hint,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  lastUsedAt: row.last_used_at,
});

/** Every call but `find` names whose token it means: another user's id is a missing one. */
export class ApiTokenStore {
  constructor(private readonly storage: Storage) {}

  /** A new token; returns the token itself, which is shown to its owner once and kept nowhere. */
  async create(
    userId: number,
    input: { name: string; scope: TokenScope; expiresAt: number | null },
    now = Date.now(),
  ): Promise<{ token: string; stored: StoredToken }> {
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const row: Selectable<ApiTokensTable> = {
      id: randomUUID(),
      user_id: userId,
      name: input.name,
      scope: input.scope,
      token_hash: hashToken(token),
      hint: token.slice(-4),
      created_at: now,
      expires_at: input.expiresAt,
      last_used_at: null,
    };
    await this.storage.db.insertInto('api_tokens').values(row).execute();
    return { token, stored: toToken(row) };
  }

  /** A user's tokens, oldest first, expired ones included (the list says they expired). */
  async list(userId: number): Promise<StoredToken[]> {
    const rows = await this.storage.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toToken);
  }

  async count(userId: number): Promise<number> {
    const row = await this.storage.db
      .selectFrom('api_tokens')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The token's record when it is known and not expired, else null; notes the use (at most once a minute). */
  async find(token: string, now = Date.now()): Promise<StoredToken | null> {
    const row = await this.storage.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('token_hash', '=', hashToken(token))
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .executeTakeFirst();
    if (!row) return null;
    if (row.last_used_at === null || row.last_used_at <= now - LAST_USED_STEP_MS) {
      await this.storage.db
        .updateTable('api_tokens')
        .set({ last_used_at: now })
        .where('id', '=', row.id)
        .execute();
      row.last_used_at = now;
    }
    return toToken(row);
  }

  /** Deletes one of the user's tokens; returns it when there was one. */
  async revoke(userId: number, id: string): Promise<StoredToken | null> {
    const row = await this.storage.db
      .deleteFrom('api_tokens')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .returningAll()
      .executeTakeFirst();
    return row ? toToken(row) : null;
  }
}
