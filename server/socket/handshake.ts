/** The handshake is a security boundary: only allowed origins, and only so many connections per address. */
import type { IncomingMessage } from 'node:http';
import { RateLimiterMemory } from 'rate-limiter-flexible';

/** Settings of the handshake checks. */
export interface HandshakeOptions {
  /** Origins allowed besides the server's own; browsers send Origin, other clients usually do not. */
  allowedOrigins: readonly string[];
  /** New connections per address per 10 s. */
  connectionsPer10s: number;
}

type Verdict = (err: string | null | undefined, success: boolean) => void;

/**
 * socket.io's `allowRequest`. The `cors` option does not stop a page on another site from opening a WebSocket
 * to us with the user's cookies, so the Origin is checked here, for every transport.
 */
export function createAllowRequest(
  options: HandshakeOptions,
): (req: IncomingMessage, verdict: Verdict) => void {
  const allowed = new Set(options.allowedOrigins.map((o) => new URL(o).origin));
  const limiter = new RateLimiterMemory({ points: options.connectionsPer10s, duration: 10 });
  return (req, verdict) => {
    const origin = req.headers.origin;
    if (origin !== undefined && !isSameOrigin(origin, req.headers.host) && !allowed.has(origin)) {
      verdict('origin not allowed', false);
      return;
    }
    const address = req.socket.remoteAddress ?? 'unknown';
    limiter.consume(address).then(
      () => verdict(null, true),
      () => verdict('too many connections', false),
    );
  };
}

function isSameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
