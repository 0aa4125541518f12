/**
 * Who is asking, and over what: the socket's own address and TLS, or, behind TRUST_PROXY reverse proxies, what
 * the nearest of them say in X-Forwarded-For and X-Forwarded-Proto. Headers are never believed otherwise: any
 * client can send them, and they would let it pick its own rate-limit bucket.
 */
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

/** How the server reads a request's origin; `hops` is the number of proxies in front of it (0: none trusted). */
export interface RequestOrigin {
  address(req: IncomingMessage): string;
  tls(req: IncomingMessage): boolean;
}

const header = (req: IncomingMessage, name: string): string[] => {
  const value = req.headers[name];
  const joined = Array.isArray(value) ? value.join(',') : (value ?? '');
  return joined
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
};

export function requestOrigin(hops: number): RequestOrigin {
  return {
    // Each proxy appends the address it got the request from; the client is `hops` entries from the right,
    // counting the socket's own peer (the nearest proxy) as the first.
    address(req) {
      const peer = req.socket.remoteAddress ?? 'unknown';
      if (hops === 0) return peer;
      const chain = [...header(req, 'x-forwarded-for'), peer];
      return chain[Math.max(0, chain.length - 1 - hops)] ?? peer;
    },
    tls(req) {
      if ((req.socket as TLSSocket).encrypted === true) return true;
      if (hops === 0) return false;
      // The nearest proxy's word: the last value it set or appended.
      return header(req, 'x-forwarded-proto').at(-1)?.toLowerCase() === 'https';
    },
  };
}
