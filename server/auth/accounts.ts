/** Accounts and sessions together: creating users, signing in and out, and telling who a session token belongs to. */
import type { StreamId } from '../../lib/protocol';
import { AppError, text } from '../errors';
import type { TokenScope } from '../store/api-token-store';
import type { Session, SessionStore } from '../store/session-store';
import type { User, UserStore } from '../store/user-store';
import type { WatchlistStore } from '../store/watchlist-store';
import { decoyHash, hashPassword, verifyPassword } from './password';

/** FORBIDDEN: the first-run setup asked for once an account exists. */
export const alreadySetUp = () => new AppError('FORBIDDEN', text('errors', 'alreadySetUp'));

/** A signed-in session and its account. */
export interface Authenticated {
  session: Session;
  user: User;
  /** Set when a personal access token (A9) signed the caller in rather than a browser session. */
  token?: { id: string; scope: TokenScope };
}

/** False for a caller holding a read-only token: it may read everything its user may, and change nothing. */
export const mayWrite = (auth: Authenticated) => auth.token?.scope !== 'read';

export interface AccountsDeps {
  users: UserStore;
  sessions: SessionStore;
  watchlist: WatchlistStore;
  /** The list a new account starts with. */
  defaultWatchlist: readonly StreamId[];
}

/** The account rules in one place; HTTP and socket code only translate. */
export class Accounts {
  constructor(private readonly deps: AccountsDeps) {}

  /** True until the first account exists (the setup page works only then). */
  async needsSetup(): Promise<boolean> {
    return (await this.deps.users.count()) === 0;
  }

  /**
   * Creates an account with its starting watchlist. `onlyIfNone` (first-run setup) refuses once any account
   * exists; otherwise a taken username is a CONFLICT.
   */
  async create(
    username: string,
    password: string,
    options: { isAdmin: boolean; onlyIfNone?: boolean },
  ): Promise<User> {
    const hash = await hashPassword(password);
    const user = await this.deps.users.create(username, hash, options);
    if (!user) {
      throw options.onlyIfNone
        ? alreadySetUp()
        : new AppError('CONFLICT', text('errors', 'usernameTaken', { username }));
    }
    await this.deps.watchlist.seedNewUser(user.id, this.deps.defaultWatchlist);
    return user;
  }

  /**
   * Makes sure an account exists (ADMIN_* variables, the demo account). An existing one keeps its password
   * unless `resetPassword` (the demo account gets a new one at every start).
   */
  async ensure(
    username: string,
    password: string,
    options: { isAdmin: boolean; resetPassword: boolean },
  ): Promise<User> {
    let existing = await this.deps.users.credentials(username);
    if (!existing) {
      try {
        return await this.create(username, password, { isAdmin: options.isAdmin });
      } catch (err) {
        // Instances of a cluster start together: another may have created it between our read and our write.
        if (!(err instanceof AppError && err.code === 'CONFLICT')) throw err;
        existing = await this.deps.users.credentials(username);
        if (!existing) throw err;
      }
    }
    if (options.resetPassword)
      await this.deps.users.setPassword(existing.user.id, await hashPassword(password));
    return existing.user;
  }

  /** A new session for the right username and password; null otherwise, in the same time either way. */
  async signIn(
    username: string,
    password: string,
  ): Promise<{ token: string; session: Session; user: User } | null> {
    const found = await this.deps.users.credentials(username);
    const ok = await verifyPassword(password, found?.passwordHash ?? (await decoyHash()));
    if (!found || !ok) return null;
    return { ...(await this.deps.sessions.create(found.user.id)), user: found.user };
  }

  /** The session and account of a token, or null when it is unknown, expired or its account is gone. */
  async authenticate(token: string | null): Promise<Authenticated | null> {
    if (!token) return null;
    const session = await this.deps.sessions.find(token);
    const user = session ? await this.deps.users.byId(session.userId) : null;
    return session && user ? { session, user } : null;
  }

  /** Ends a session; returns it when there was one. */
  signOut(token: string): Promise<Session | null> {
    return this.deps.sessions.end(token);
  }

  users(): Promise<User[]> {
    return this.deps.users.list();
  }

  /** The user's settings, read fresh (a session's copy of the user may be older). */
  async settings(userId: number): Promise<{ quoteCurrency: string }> {
    return { quoteCurrency: (await this.deps.users.byId(userId))?.quoteCurrency ?? 'USDT' };
  }

  /** Changes the currency the user values the portfolio in. */
  setQuoteCurrency(userId: number, currency: string): Promise<void> {
    return this.deps.users.setQuoteCurrency(userId, currency);
  }
}
