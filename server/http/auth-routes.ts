/** Sign-in, sign-out, first-run setup and user administration under /api/v1. */
import { z } from 'zod';
import { NEW_PASSWORD, USERNAME } from '../auth/accounts';
import type { Accounts } from '../auth/accounts';
import type { LoginLimiter } from '../auth/login-limiter';
import { clearSessionCookie, sessionToken, setSessionCookie } from '../auth/session-cookie';
import type { Logger } from 'pino';
import type { RequestOrigin } from './proxy';
import { AppError } from '../errors';
import type { Session } from '../store/session-store';
import type { User } from '../store/user-store';
import { parse } from './router';
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

const signInBody = z.strictObject({
  username: z.string().min(1, 'give a username').max(200),
  password: z.string().min(1, 'give a password').max(1000),
});
const newAccountBody = z.strictObject({ username: USERNAME, password: NEW_PASSWORD });
const newUserBody = newAccountBody.extend({ isAdmin: z.boolean().default(false) });

/** The public view of an account. */
const publicUser = (user: User) => ({ id: user.id, username: user.username, isAdmin: user.isAdmin });

export function authRoutes(deps: AuthRoutesDeps): Routes {
  // Secure when forced by COOKIE_SECURE, or the request came over TLS (here, or at a trusted proxy).
  const secure = (ctx: RouteContext) => deps.cookieSecure || deps.origin.tls(ctx.req);
  const startSession = (ctx: RouteContext, token: string) =>
    setSessionCookie(ctx.res, token, deps.sessionTtlMs, secure(ctx));

  return {
    '/api/v1/auth/session': {
      GET: {
        access: 'public',
        handle: async ({ auth }) => ({
          user: auth ? publicUser(auth.user) : null,
          setupRequired: await deps.accounts.needsSetup(),
        }),
      },
    },
    '/api/v1/auth/setup': {
      POST: {
        access: 'public',
        async handle(ctx) {
          const { username, password } = parse(newAccountBody, ctx.body);
          if (!(await deps.accounts.needsSetup()))
            throw new AppError('FORBIDDEN', 'Livefolio is already set up; sign in instead.');
          const user = await deps.accounts.create(username, password, { isAdmin: true, onlyIfNone: true });
          const signedIn = await deps.accounts.signIn(username, password);
          if (signedIn) startSession(ctx, signedIn.token);
          ctx.status = 201;
          return { user: publicUser(user) };
        },
      },
    },
    '/api/v1/auth/login': {
      POST: {
        access: 'public',
        async handle(ctx) {
          const { username, password } = parse(signInBody, ctx.body);
          const address = deps.origin.address(ctx.req);
          await deps.limiter.check(address, username);
          const signedIn = await deps.accounts.signIn(username, password);
          if (!signedIn) {
            await deps.limiter.failed(address, username);
            deps.log.warn({ username, address }, 'failed sign-in');
            throw new AppError('UNAUTHORIZED', 'Wrong username or password.');
          }
          await deps.limiter.succeeded(username);
          startSession(ctx, signedIn.token);
          return { user: publicUser(signedIn.user) };
        },
      },
    },
    '/api/v1/auth/logout': {
      POST: {
        access: 'public',
        async handle(ctx) {
          const token = sessionToken(ctx.req);
          const ended = token ? await deps.accounts.signOut(token) : null;
          if (ended) deps.onSignOut(ended);
          clearSessionCookie(ctx.res, secure(ctx));
          return { signedOut: ended !== null };
        },
      },
    },
    '/api/v1/users': {
      GET: {
        access: 'admin',
        handle: async () => ({ users: (await deps.accounts.users()).map(publicUser) }),
      },
      POST: {
        access: 'admin',
        async handle(ctx) {
          const { username, password, isAdmin } = parse(newUserBody, ctx.body);
          const user = await deps.accounts.create(username, password, { isAdmin });
          ctx.status = 201;
          return { user: publicUser(user) };
        },
      },
    },
  };
}
