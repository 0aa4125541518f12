/** The session cookie: HttpOnly (no script reads it), SameSite=Lax (no cross-site POST carries it), Secure over HTTPS. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseCookie, stringifySetCookie } from 'cookie';

export const SESSION_COOKIE = 'livefolio_session';

/** The session token a request carries, if any. */
export function sessionToken(req: IncomingMessage): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  const token = parseCookie(header)[SESSION_COOKIE];
  // Tokens are 32 random bytes in base64url (43 characters); anything else cannot be one.
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

/** Sets the session cookie for `maxAgeMs`. */
export function setSessionCookie(
  res: ServerResponse,
  token: string,
  maxAgeMs: number,
  secure: boolean,
): void {
  res.appendHeader(
    'set-cookie',
    stringifySetCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      maxAge: Math.floor(maxAgeMs / 1000),
    }),
  );
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(res: ServerResponse, secure: boolean): void {
  res.appendHeader(
    'set-cookie',
    stringifySetCookie(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 0 }),
  );
}
