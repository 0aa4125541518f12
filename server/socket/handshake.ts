/** The handshake is a security boundary: a signed-in session, only allowed origins, so many connections per address. */
import type { IncomingMessage } from 'node:http';
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
        } catch {
          return verdict('the session could not be checked', false);
        }
        if (!auth) return verdict('sign in first', false);
        (req as AuthenticatedRequest)[AUTH] = auth;
        verdict(null, true);
      },
      () => verdict('too many connections', false),
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
