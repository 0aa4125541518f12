/**
 * The handshake is a security boundary: a signed-in session or a personal access token, only allowed origins, so
 * many connections per address.
 */
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'socket.io';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { AppError } from '../errors';
import { memoryLimiters } from '../cluster/limiters';
import type { MakeLimiter } from '../cluster/limiters';
import type { Authenticated } from '../auth/accounts';

/** Settings of the handshake checks. */
export interface HandshakeOptions {
  /** Origins allowed besides the server's own; browsers send Origin, other clients usually do not. */
  allowedOrigins: readonly string[];
  /** New connections per address per 10 s. */
  connectionsPer10s: number;
  /** The session a request carries, or null. */
  authenticate(req: IncomingMessage): Promise<Authenticated | null>;
  /** The client's address, for the rate limit. */
  clientAddress(req: IncomingMessage): string;
  /** Where the connection counters live (default: this process). */
  limiters?: MakeLimiter;
}

/** The session found at the handshake, kept on the request for the connection (socket.request). */
const AUTH = Symbol('livefolio.auth');
type AuthenticatedRequest = IncomingMessage & { [AUTH]?: Authenticated };

/** The session the handshake accepted; every connection has one. */
export function handshakeAuth(req: IncomingMessage): Authenticated {
  const auth = (req as AuthenticatedRequest)[AUTH];
  if (!auth) throw new Error('a connection without a handshake session');
  return auth;
}

type Verdict = (err: string | null | undefined, success: boolean) => void;

/**
 * socket.io's `allowRequest`. The `cors` option does not stop a page on another site from opening a WebSocket
 * to us with the user's cookies, so the Origin is checked here, for every transport, and the session cookie
 * with it: a request without a valid session never gets a connection.
 */
export function createAllowRequest(
  options: HandshakeOptions,
): (req: IncomingMessage, verdict: Verdict) => void {
  const allowed = allowedOriginSet(options.allowedOrigins);
  const limiter = (options.limiters ?? memoryLimiters)('handshakes', options.connectionsPer10s, 10);
  return (req, verdict) => {
    if (!originAllowed(req, allowed)) {
      verdict('origin not allowed', false);
      return;
    }
    // The rate limit comes before the session lookup, so a flood of handshakes costs no database reads.
    const address = options.clientAddress(req);
    limiter.consume(address).then(
      async () => {
        let auth: Authenticated | null;
        try {
          auth = await options.authenticate(req);
        } catch (err) {
          return verdict(err instanceof AppError ? err.message : 'the session could not be checked', false);
        }
        if (auth) (req as AuthenticatedRequest)[AUTH] = auth;
        else if (carriesCredentials(req)) return verdict('sign in first', false);
        // Neither a cookie nor a header: a program may still give a token in its CONNECT (`auth.token`, A10),
        // which `createConnectCheck` checks before any connection exists.
        verdict(null, true);
      },
      () => verdict('too many connections', false),
    );
  };
}

/** True when the request names a session or a token; one that names none may give a token at CONNECT. */
function carriesCredentials(req: IncomingMessage): boolean {
  return req.headers.authorization !== undefined || (req.headers.cookie ?? '').includes(`${SESSION_COOKIE}=`);
}

/**
 * socket.io middleware, run on every CONNECT: a token given as `auth: { token }` signs the connection in (and
 * takes the place of the handshake's session); without one, only a handshake that had a session gets through.
 */
export function createConnectCheck(options: {
  checkToken(token: string, address: string): Promise<Authenticated>;
  clientAddress(req: IncomingMessage): string;
}): (socket: Socket, next: (err?: Error) => void) => void {
  return (socket, next) => {
    const req = socket.request as AuthenticatedRequest;
    const given: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
    if (given === undefined) {
      next(req[AUTH] ? undefined : new Error('sign in first'));
      return;
    }
    if (typeof given !== 'string') {
      next(new Error('auth.token must be a string'));
      return;
    }
    options.checkToken(given, options.clientAddress(req)).then(
      (auth) => {
        req[AUTH] = auth;
        next();
      },
      (err: unknown) =>
        next(new Error(err instanceof AppError ? err.message : 'the token could not be checked')),
    );
  };
}

/** The set of allowed origins besides the server's own, normalised. */
export function allowedOriginSet(origins: readonly string[]): Set<string> {
  return new Set(origins.map((o) => new URL(o).origin));
}

/** True when the request has no Origin (not a browser) or comes from the server's own or an allowed origin. */
export function originAllowed(req: IncomingMessage, allowed: ReadonlySet<string>): boolean {
  const origin = req.headers.origin;
  return origin === undefined || isSameOrigin(origin, req.headers.host) || allowed.has(origin);
}

function isSameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
