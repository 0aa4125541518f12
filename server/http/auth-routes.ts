/** Sign-in, sign-out, first-run setup and user administration under /api/v1. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authApi } from '../../lib/api/auth';
import { alreadySetUp } from '../auth/accounts';
import type { Accounts } from '../auth/accounts';
import type { LoginLimiter } from '../auth/login-limiter';
import { clearSessionCookie, sessionToken, setSessionCookie } from '../auth/session-cookie';
import type { Logger } from 'pino';
import type { RequestOrigin } from './proxy';
import { AppError, text } from '../errors';
import type { Session } from '../store/session-store';
import type { User } from '../store/user-store';
import { route, routeTable } from './router';
import type { RouteContext, Routes } from './router';

export interface AuthRoutesDeps {
  accounts: Accounts;
  limiter: LoginLimiter;
  sessionTtlMs: number;
  cookieSecure: boolean;
  origin: RequestOrigin;
  /** Called after a session ended, so its sockets can be disconnected. */
  onSignOut(session: Session): void;
  /** Sign-in failures go here (username and address, never the password): what an operator watches for. */
  log: Pick<Logger, 'warn'>;
}

/** The public view of an account. */
const publicUser = (user: User) => ({ id: user.id, username: user.username, isAdmin: user.isAdmin });

/** Signs a request in (A2, A3) and sets its session cookie; throws UNAUTHORIZED or RATE_LIMITED. */
export type SignIn = (
  req: IncomingMessage,
  res: ServerResponse,
  credentials: { username: string; password: string },
) => Promise<User>;

// Secure when forced by COOKIE_SECURE, or the request came over TLS (here, or at a trusted proxy).
function startSession(deps: AuthRoutesDeps, req: IncomingMessage, res: ServerResponse, token: string): void {
  setSessionCookie(res, token, deps.sessionTtlMs, deps.cookieSecure || deps.origin.tls(req));
}

/**
 * The one sign-in of the API and of the sign-in page's form: give both the same `deps`, so that they count
 * failures against the same limiter.
 */
export function createSignIn(deps: AuthRoutesDeps): SignIn {
  return async (req, res, { username, password }) => {
    const address = deps.origin.address(req);
    await deps.limiter.check(address, username);
    const signedIn = await deps.accounts.signIn(username, password);
    if (!signedIn) {
      await deps.limiter.failed(address, username);
      deps.log.warn({ username, address }, 'failed sign-in');
      throw new AppError('UNAUTHORIZED', text('errors', 'wrongCredentials'));
    }
    await deps.limiter.succeeded(username);
    startSession(deps, req, res, signedIn.token);
    return signedIn.user;
  };
}

export function authRoutes(deps: AuthRoutesDeps): Routes {
  // The cookie is cleared with the attributes it was set with (see startSession).
  const secure = (ctx: RouteContext) => deps.cookieSecure || deps.origin.tls(ctx.req);
  const signIn = createSignIn(deps);

  return routeTable(
    route(authApi.session, {
      handle: async ({ auth }) => ({
        user: auth ? publicUser(auth.user) : null,
        setupRequired: await deps.accounts.needsSetup(),
      }),
    }),
    route(authApi.setup, {
      async handle(ctx) {
        const { username, password } = ctx.body;
        if (!(await deps.accounts.needsSetup())) throw alreadySetUp();
        const user = await deps.accounts.create(username, password, { isAdmin: true, onlyIfNone: true });
        const signedIn = await deps.accounts.signIn(username, password);
        if (signedIn) startSession(deps, ctx.req, ctx.res, signedIn.token);
        return { user: publicUser(user) };
      },
    }),
    route(authApi.login, {
      async handle(ctx) {
        const user = await signIn(ctx.req, ctx.res, ctx.body);
        return { user: publicUser(user) };
      },
    }),
    route(authApi.logout, {
      async handle(ctx) {
        const token = sessionToken(ctx.req);
        const ended = token ? await deps.accounts.signOut(token) : null;
        if (ended) deps.onSignOut(ended);
        clearSessionCookie(ctx.res, secure(ctx));
        return { signedOut: ended !== null };
      },
    }),
    route(authApi.users, {
      handle: async () => ({ users: (await deps.accounts.users()).map(publicUser) }),
    }),
    route(authApi.createUser, {
      sessionOnly: true,
      async handle(ctx) {
        const { username, password, isAdmin } = ctx.body;
        const user = await deps.accounts.create(username, password, { isAdmin });
        return { user: publicUser(user) };
      },
    }),
  );
}
