/** Personal access tokens (docs/protocol.md A9, A10): created, listed and revoked by their owner; checked on use. */
import type { Session } from '../store/session-store';
import type { NewToken } from '../../lib/api/tokens';
import type { ApiTokenStore, StoredToken } from '../store/api-token-store';
import type { UserStore } from '../store/user-store';
import { AppError, text } from '../errors';
import type { Authenticated } from './accounts';

/** Tokens one user may keep: plenty for every script and dashboard, few enough to look through. */
export const MAX_TOKENS_PER_USER = 50;

const DAY_MS = 86_400_000;

/** The room name of a token's connections: a session id that no cookie session can have (theirs are hashes). */
export const tokenSessionId = (tokenId: string) => `token:${tokenId}`;

/** The session a token stands for on its requests and connections. */
function tokenSession(token: StoredToken): Session {
  return {
    id: tokenSessionId(token.id),
    userId: token.userId,
    expiresAt: token.expiresAt ?? Number.POSITIVE_INFINITY,
  };
}

export interface ApiTokensDeps {
  store: ApiTokenStore;
  users: Pick<UserStore, 'byId'>;
  /** A token was revoked: its open connections close, on every instance. */
  revoked(sessionId: string): void;
}

export class ApiTokens {
  constructor(private readonly deps: ApiTokensDeps) {}

  list(userId: number): Promise<StoredToken[]> {
    return this.deps.store.list(userId);
  }

  /** A new token for its owner; the token itself is in the answer and nowhere else. */
  async create(userId: number, input: NewToken, now = Date.now()) {
    if ((await this.deps.store.count(userId)) >= MAX_TOKENS_PER_USER)
      throw new AppError('CONFLICT', text('errors', 'tooManyTokens', { max: String(MAX_TOKENS_PER_USER) }));
    const expiresAt = input.expiresInDays === null ? null : now + input.expiresInDays * DAY_MS;
    return this.deps.store.create(userId, { name: input.name, scope: input.scope, expiresAt }, now);
  }

  /** Revokes one of the user's tokens: refused from the next request on, its connections closed at once. */
  async revoke(userId: number, id: string): Promise<void> {
    const revoked = await this.deps.store.revoke(userId, id);
    if (!revoked) throw new AppError('NOT_FOUND', text('errors', 'noToken', { id }));
    this.deps.revoked(tokenSessionId(revoked.id));
  }

  /** Who a token signs in as, with its scope; null when it is unknown, revoked, expired or its user is gone. */
  async authenticate(token: string): Promise<Authenticated | null> {
    const found = await this.deps.store.find(token);
    const user = found ? await this.deps.users.byId(found.userId) : null;
    if (!found || !user) return null;
    return { session: tokenSession(found), user, token: { id: found.id, scope: found.scope } };
  }
}
