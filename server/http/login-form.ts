/**
 * `POST /login`: the sign-in page's form as a browser sends it when the page's script has not run (not loaded yet,
 * or JavaScript off). The same sign-in as the API's (A2, A3), answered the way a form expects, with a redirect: to
 * the page asked for, or back to the form with the refusal's code in `error`, which the page words.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { z } from 'zod';
import { safeParse } from 'zod/mini';
import { authApi } from '../../lib/api/auth';
import { safeNextPath } from '../../lib/next-path';
import { AppError, text, toAppError, wordText } from '../errors';
import type { ErrorText } from '../errors';
import type { RequestLimiter } from '../socket/rate-limit';
import type { SignIn } from './auth-routes';
import { headersLocale } from './request-locale';

/** A form of a username, a password and a path is far smaller; anything bigger is not from the page. */
const MAX_FORM_BYTES = 8 * 1024;
const FORM_TYPE = 'application/x-www-form-urlencoded';

// The page's script trims the username before sending it; so does this.
const formFields = z.object({
  username: z.string().trim(),
  password: z.string(),
  next: z.string().optional(),
});

export interface LoginFormDeps {
  signIn: SignIn;
  /** The API's limiter of requests per address: a form post costs a password check just as an API call does. */
  limiter: RequestLimiter;
  clientAddress(req: IncomingMessage): string;
  /** False for a post from a page of another site: signing a victim's browser into an attacker's account. */
  originAllowed(req: IncomingMessage): boolean;
  log: Pick<Logger, 'error'>;
}

/** Answers `POST /login` (returns true); any other request is passed on (false). */
export function createLoginForm(deps: LoginFormDeps): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://localhost').pathname !== '/login')
      return false;
    void answer(deps, req, res);
    return true;
  };
}

async function answer(deps: LoginFormDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!deps.originAllowed(req)) return refuse(req, res, 403, text('errors', 'originNotAllowed'));
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== FORM_TYPE) return refuse(req, res, 415, text('errors', 'formType', { type: FORM_TYPE }));
  let fields: z.infer<typeof formFields>;
  try {
    const body = await readSmallBody(req);
    if (body === null)
      return refuse(req, res, 413, text('errors', 'formTooLarge', { max: String(MAX_FORM_BYTES) }));
    fields = formFields.parse(Object.fromEntries(new URLSearchParams(body)));
  } catch {
    return refuse(req, res, 400, text('errors', 'formIncomplete'));
  }
  try {
    await deps.limiter.consume(deps.clientAddress(req));
    // The same rules as the API's sign-in (A2), from its contract.
    const credentials = safeParse(authApi.login.body, {
      username: fields.username,
      password: fields.password,
    });
    if (!credentials.success) throw new AppError('BAD_REQUEST', text('errors', 'credentialsMissing'));
    await deps.signIn(req, res, credentials.data);
    redirect(res, safeNextPath(fields.next));
  } catch (error) {
    const refusal = toAppError(error);
    if (refusal.code === 'INTERNAL') deps.log.error({ err: error }, 'a sign-in through the form failed');
    const query = new URLSearchParams({ error: refusal.code });
    if (fields.next) query.set('next', fields.next);
    redirect(res, `/login?${query}`);
  }
}

/** The body as text, or null when it is over MAX_FORM_BYTES (the rest is read and dropped). */
async function readSmallBody(req: IncomingMessage): Promise<string | null> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_FORM_BYTES) {
    req.resume();
    return null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_FORM_BYTES) chunks.push(chunk);
  }
  return size > MAX_FORM_BYTES ? null : Buffer.concat(chunks).toString('utf8');
}

// 303: the browser follows with a GET, so a reload does not send the password again.
function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { location, 'cache-control': 'no-store' }).end();
}

// What the browser shows as the page: in the language of the page that sent the form.
function refuse(req: IncomingMessage, res: ServerResponse, status: number, message: ErrorText): void {
  req.resume();
  res
    .writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
    .end(wordText(message, headersLocale(req.headers)));
}
