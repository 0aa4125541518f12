/**
 * Who is calling (docs/protocol.md A1, A10): a browser session's cookie, or a personal access token in the
 * `Authorization: Bearer` header. A token is refused in a URL, from another site's page, and once unknown, revoked
 * or expired; wrong tokens count against the address's sign-in budget, as wrong passwords do (A3).
 */
import type { IncomingMessage } from 'node:http';
import { TOKEN_PREFIX } from '../store/api-token-store';
import { AppError, text } from '../errors';
import type { Accounts, Authenticated } from './accounts';
import type { ApiTokens } from './api-tokens';
import type { LoginLimiter } from './login-limiter';
import { sessionToken } from './session-cookie';

/** The shape of every token the server hands out: the prefix, then 32 random bytes in base64url. */
const TOKEN_SHAPE = new RegExp(`^${TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`);
/** Query parameters other APIs carry tokens in: a request naming one is refused, whatever its value. */
const TOKEN_PARAMS = new Set(['access_token', 'token', 'api_key', 'apikey', 'bearer']);

export interface RequestAuthDeps {
  accounts: Pick<Accounts, 'authenticate'>;
  tokens: Pick<ApiTokens, 'authenticate'>;
  limiter: Pick<LoginLimiter, 'checkAddress' | 'failedAddress'>;
  clientAddress(req: IncomingMessage): string;
  /** False for a request from a page of a site other than this one and ALLOWED_ORIGINS. */
  originAllowed(req: IncomingMessage): boolean;
}

/** The caller of a request, or null; throws a worded AppError for a token that must not be used. */
export type RequestAuth = (req: IncomingMessage) => Promise<Authenticated | null>;

export function createRequestAuth(deps: RequestAuthDeps): RequestAuth {
  const checkToken = createTokenCheck(deps);
  return async (req) => {
    refuseTokenInUrl(req.url ?? '/');
    const header = req.headers.authorization;
    if (header === undefined) return deps.accounts.authenticate(sessionToken(req));
    const found = /^Bearer +(\S+) *$/i.exec(header);
    if (!found?.[1]) throw new AppError('UNAUTHORIZED', text('errors', 'authorizationFormat'));
    // A token is a program's credential: a page of another site holding one is refused (A10).
    if (req.headers.origin !== undefined && !deps.originAllowed(req))
      throw new AppError('FORBIDDEN', text('errors', 'originNotAllowed'));
    return checkToken(found[1], deps.clientAddress(req));
  };
}

/** Checks a token given by a client at `address` (a header, or a socket's CONNECT): its caller, or a refusal. */
export function createTokenCheck(
  deps: Pick<RequestAuthDeps, 'tokens' | 'limiter'>,
): (token: string, address: string) => Promise<Authenticated> {
  return async (token, address) => {
    await deps.limiter.checkAddress(address);
    const auth = TOKEN_SHAPE.test(token) ? await deps.tokens.authenticate(token) : null;
    if (auth) return auth;
    await deps.limiter.failedAddress(address);
    throw new AppError('UNAUTHORIZED', text('errors', 'tokenRefused'));
  };
}

/** URLs end up in logs, proxies and browser history: a token there is refused, whatever else the URL says. */
function refuseTokenInUrl(url: string): void {
  const query = url.indexOf('?');
  if (query === -1) return;
  for (const [key, value] of new URLSearchParams(url.slice(query + 1))) {
    if (TOKEN_PARAMS.has(key.toLowerCase()) || value.startsWith(TOKEN_PREFIX))
      throw new AppError('BAD_REQUEST', text('errors', 'tokenInUrl'));
  }
}
