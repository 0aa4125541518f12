/** Browser calls to the account API (/api/v1/auth): JSON in and out, every failure as a message to show. */
import { apiText } from './api-texts';
import type { AnswerAt } from './answer-routes';
import { answerOf } from './contract-answer';
import { isRecord } from './json-shape';

/** What GET /api/v1/auth/session answers. */
export type SessionInfo = AnswerAt<'auth.session'>;

/** An account as the API shows it. */
export type AccountUser = AnswerAt<'auth.login'>['user'];

/** A call's outcome: the checked answer, or the server's error message (verbatim) and code. */
export type ApiResult<T> =
  { ok: true; data: T } | { ok: false; status: number; code: string; message: string; retryAfterMs?: number };

/** The signed-in account (or null) and whether first-run setup is still open. */
export function fetchSession(signal?: AbortSignal): Promise<ApiResult<SessionInfo>> {
  return request('/api/v1/auth/session', { signal }, answerOf('auth.session'));
}

/** Signs in; the server sets the session cookie. */
export function signIn(username: string, password: string): Promise<ApiResult<AccountUser>> {
  return postJson(
    '/api/v1/auth/login',
    { username, password },
    answerOf('auth.login', (answer) => answer.user),
  );
}

/** Creates the first (admin) account and signs it in; refused once any account exists. */
export function setUpFirstAccount(username: string, password: string): Promise<ApiResult<AccountUser>> {
  return postJson(
    '/api/v1/auth/setup',
    { username, password },
    answerOf('auth.setup', (answer) => answer.user),
  );
}

/** Ends this browser's session and clears its cookie. */
export function signOut(): Promise<ApiResult<boolean>> {
  return postJson(
    '/api/v1/auth/logout',
    {},
    answerOf('auth.logout', (answer) => answer.signedOut),
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
