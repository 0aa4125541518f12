/** Browser calls to the account API (/api/v1/auth): JSON in and out, every failure as a message to show. */
import { apiText } from './api-texts';
import { isRecord } from './json-shape';

/** An account as the API shows it. */
export interface AccountUser {
  id: number;
  username: string;
  isAdmin: boolean;
}

/** What GET /api/v1/auth/session answers. */
export interface SessionInfo {
  user: AccountUser | null;
  setupRequired: boolean;
}

/** A call's outcome: the checked answer, or the server's error message (verbatim) and code. */
export type ApiResult<T> =
  { ok: true; data: T } | { ok: false; status: number; code: string; message: string; retryAfterMs?: number };

/** The signed-in account (or null) and whether first-run setup is still open. */
export function fetchSession(signal?: AbortSignal): Promise<ApiResult<SessionInfo>> {
  return request('/api/v1/auth/session', { signal }, readSession);
}

/** Signs in; the server sets the session cookie. */
export function signIn(username: string, password: string): Promise<ApiResult<AccountUser>> {
  return postJson('/api/v1/auth/login', { username, password }, readUserField);
}

/** Creates the first (admin) account and signs it in; refused once any account exists. */
export function setUpFirstAccount(username: string, password: string): Promise<ApiResult<AccountUser>> {
  return postJson('/api/v1/auth/setup', { username, password }, readUserField);
}

/** Ends this browser's session and clears its cookie. */
export function signOut(): Promise<ApiResult<boolean>> {
  return postJson('/api/v1/auth/logout', {}, (body) =>
    isRecord(body) && typeof body.signedOut === 'boolean' ? body.signedOut : null,
  );
}

/** The text of a form's field `name` as typed ('' when there is none). */
export function formText(form: HTMLFormElement, name: string): string {
  const value = new FormData(form).get(name);
  return typeof value === 'string' ? value : '';
}

function postJson<T>(path: string, body: object, read: (body: unknown) => T | null): Promise<ApiResult<T>> {
  const init = {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  };
  return request(path, init, read);
}

/** One API call: the checked answer, the server's error message verbatim, or one clear network message. */
export async function request<T>(
  path: string,
  init: RequestInit,
  read: (body: unknown) => T | null,
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { accept: 'application/json', ...init.headers },
    });
  } catch (error) {
    // An abort is the caller's own doing; it reads `signal.aborted`, not this message.
    const aborted = error instanceof DOMException && error.name === 'AbortError';
    return { ok: false, status: 0, code: aborted ? 'ABORTED' : 'NETWORK', message: apiText('unreachable') };
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) return { ok: false, status: response.status, ...describeError(body, response) };
  const data = read(body);
  // A proxy's page or another version of the server: say so rather than show a half-filled screen.
  if (data === null) {
    return {
      ok: false,
      status: response.status,
      code: 'BAD_ANSWER',
      message: apiText('unexpectedAnswer'),
    };
  }
  return { ok: true, data };
}

// The server's message is shown verbatim; a 429 always says when to try again, from the body or Retry-After.
function describeError(
  body: unknown,
  response: Response,
): { code: string; message: string; retryAfterMs?: number } {
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  const code = typeof error.code === 'string' ? error.code : `HTTP_${response.status}`;
  let message =
    typeof error.message === 'string' && error.message
      ? error.message
      : apiText('serverAnswered', {
          status: `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
        });
  if (response.status !== 429) return { code, message };
  const waitMs =
    typeof error.retryAfterMs === 'number'
      ? error.retryAfterMs
      : Number(response.headers.get('retry-after')) * 1000;
  if (!/try again/i.test(message)) message += ` ${formatWait(waitMs)}`;
  return { code, message, ...(Number.isFinite(waitMs) && waitMs > 0 ? { retryAfterMs: waitMs } : {}) };
}

function formatWait(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return apiText('tryAgainSoon');
  return ms < 60_000
    ? apiText('tryAgainSeconds', { count: Math.ceil(ms / 1000) })
    : apiText('tryAgainMinutes', { count: Math.ceil(ms / 60_000) });
}

function readUser(value: unknown): AccountUser | null {
  if (!isRecord(value)) return null;
  const { id, username, isAdmin } = value;
  return typeof id === 'number' && typeof username === 'string' && typeof isAdmin === 'boolean'
    ? { id, username, isAdmin }
    : null;
}

function readUserField(body: unknown): AccountUser | null {
  return isRecord(body) ? readUser(body.user) : null;
}

function readSession(body: unknown): SessionInfo | null {
  if (!isRecord(body) || typeof body.setupRequired !== 'boolean') return null;
  const user = body.user === null ? null : readUser(body.user);
  return user === null && body.user !== null ? null : { user, setupRequired: body.setupRequired };
}
