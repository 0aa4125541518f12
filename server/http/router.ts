/** A small JSON router for /api/v1: methods, who may call each route, JSON bodies with a size cap, one error shape. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { config, locales } from 'zod';
import type { Access, Method, RouteContract } from '../../lib/api/contract';
import { mayWrite } from '../auth/accounts';
import type { Authenticated } from '../auth/accounts';
import { AppError, text, toAppError } from '../errors';
import { csvText } from '../import/csv-text';
import type { RequestLimiter } from '../socket/rate-limit';
import { checkAnswer, parseRequest } from './contract-check';
import { headersLocale } from './request-locale';

export type { Access, Method } from '../../lib/api/contract';
export { route, routeTable } from './contract-check';
export type { ContractContext, ContractHandler } from './contract-check';

/** What a handler gets; `status` may be changed (201 on creation). */
export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  query: Record<string, string>;
  /** The `:name` segments of the route's path, e.g. `{ id }` for `/api/v1/transactions/:id`. */
  params: Record<string, string>;
  body: unknown;
  /** The caller's session; always set on 'user' and 'admin' routes. */
  auth: Authenticated | null;
  status: number;
}

export interface Route {
  /** What the route takes and answers (lib/api): its query, params and body are parsed with it. */
  contract?: RouteContract;
  access: Access;
  /** Only a browser session may call it, never a personal access token (managing tokens and users, A10). */
  sessionOnly?: boolean;
  /** What the body is: JSON (the default) or CSV text, which the handler gets as a string. */
  body?: 'json' | 'csv';
  /** A larger cap than the router's for this route's body (a CSV import). */
  maxBodyBytes?: number;
  handle(ctx: RouteContext): object | Promise<object>;
}

export type Routes = Record<string, Partial<Record<Method, Route>>>;

export interface RouterDeps {
  limiter: RequestLimiter;
  /** The session a request carries, or null. */
  authenticate(req: IncomingMessage): Promise<Authenticated | null>;
  /** False for a state-changing request from a page of another site. */
  originAllowed(req: IncomingMessage): boolean;
  maxBodyBytes: number;
  /** The client's address, for the rate limit. */
  clientAddress(req: IncomingMessage): string;
  /**
   * Parse every JSON answer with its contract's schema and answer 500 when it does not match: on in development
   * and tests, so a handler and its documented answer cannot drift apart; off in production.
   */
  checkAnswers?: boolean;
  /** Where an answer outside its contract is reported. */
  log?: Pick<Logger, 'error'>;
}

interface CompiledRoute {
  pattern: RegExp;
  names: string[];
  methods: Partial<Record<Method, Route>>;
}

// "/api/v1/transactions/:id" matches /api/v1/transactions/<one segment>, with the segment as params.id.
function compile(path: string, methods: Partial<Record<Method, Route>>): CompiledRoute {
  const names: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { pattern: new RegExp(`^${source}$`), names, methods };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new AppError('BAD_REQUEST', text('errors', 'pathEncoding'));
  }
}

/** The route a path names and its parameters, or null. */
function match(
  routes: CompiledRoute[],
  path: string,
): { route: CompiledRoute; params: Record<string, string> } | null {
  for (const route of routes) {
    const found = route.pattern.exec(path);
    if (!found) continue;
    const params: Record<string, string> = {};
    route.names.forEach((name, i) => {
      params[name] = decodeSegment(found[i + 1] ?? '');
    });
    return { route, params };
  }
  return null;
}

/** Returns a handler that answers /api/* and returns false for any other path. */
export function createRouter(
  routes: Routes,
  deps: RouterDeps,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  // The schemas of lib/api are zod/mini, which words its issues only once a locale is set.
  config(locales.en());
  const compiled = Object.entries(routes).map(([path, methods]) => compile(path, methods));
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/api/')) return false;
    void answer(req, res, url, compiled, deps);
    return true;
  };
}

async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  routes: CompiledRoute[],
  deps: RouterDeps,
): Promise<void> {
  try {
    await deps.limiter.consume(deps.clientAddress(req));
    const found = match(routes, url.pathname);
    if (!found) throw new AppError('NOT_FOUND', text('errors', 'noRoute', { path: url.pathname }));
    const { methods } = found.route;
    const method = (req.method === 'HEAD' ? 'GET' : req.method) as Method;
    const route = methods[method];
    if (!route) {
      const allowed = Object.keys(methods).join(', ');
      res.setHeader('Allow', allowed);
      throw new AppError(
        'METHOD_NOT_ALLOWED',
        text('errors', 'methodNotAllowed', { path: url.pathname, methods: allowed }),
      );
    }
    if (method !== 'GET' && !deps.originAllowed(req))
      throw new AppError('FORBIDDEN', text('errors', 'originNotAllowed'));
    const auth = await deps.authenticate(req);
    if (route.access !== 'public' && !auth) throw new AppError('UNAUTHORIZED', text('errors', 'signInFirst'));
    if (route.access === 'admin' && !auth?.user.isAdmin)
      throw new AppError('FORBIDDEN', text('errors', 'adminOnly'));
    if (auth?.token && route.sessionOnly) throw new AppError('FORBIDDEN', text('errors', 'sessionOnly'));
    if (auth && method !== 'GET' && !mayWrite(auth))
      throw new AppError('FORBIDDEN', text('errors', 'tokenReadOnly'));
    const body =
      method === 'GET' || method === 'DELETE'
        ? undefined
        : await readBody(req, route.body ?? 'json', route.maxBodyBytes ?? deps.maxBodyBytes);
    const ctx: RouteContext = {
      req,
      res,
      query: Object.fromEntries(url.searchParams),
      params: found.params,
      body,
      auth,
      status: route.contract?.status ?? 200,
    };
    if (route.contract) parseRequest(route.contract, ctx);
    const result = await route.handle(ctx);
    if (deps.checkAnswers && route.contract) checkAnswer(route.contract, result, deps.log);
    send(res, ctx.status, result, ctx);
  } catch (error) {
    const appError = toAppError(error);
    if (appError.retryAfterMs !== undefined)
      res.setHeader('Retry-After', Math.ceil(appError.retryAfterMs / 1000));
    send(res, appError.status, { error: appError.toProtocol(headersLocale(req.headers)) });
  }
}

const MEDIA_TYPES = { json: 'application/json', csv: 'text/csv' } as const;

// The size as digits alone, as the English always wrote it: "over 1048576 bytes".
const tooLarge = (maxBytes: number) =>
  new AppError('PAYLOAD_TOO_LARGE', text('errors', 'bodyTooLarge', { max: String(maxBytes) }));

/**
 * Reads a body of at most `maxBytes`: parsed JSON, or CSV as text. The content type must say which (a form on
 * another site can send neither without the browser asking first).
 */
async function readBody(req: IncomingMessage, kind: 'json' | 'csv', maxBytes: number): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== MEDIA_TYPES[kind]) {
    req.resume();
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      text('errors', 'bodyType', { kind: kind.toUpperCase(), type: MEDIA_TYPES[kind] }),
    );
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) {
    req.resume();
    throw tooLarge(maxBytes);
  }
  const bytes = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > maxBytes) return;
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else {
        // Answer at once; the rest of the body is read and dropped.
        chunks.length = 0;
        reject(tooLarge(maxBytes));
      }
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
  if (kind === 'csv') return csvText(bytes);
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    throw new AppError('BAD_REQUEST', text('errors', 'bodyNotJson'));
  }
}

/** Answers a GET or HEAD with `csv` as a file download named `filename`; the handler then returns `{}`. */
export function sendCsv(
  ctx: Pick<RouteContext, 'req' | 'res'>,
  filename: string,
  csv: string,
): Record<string, never> {
  ctx.res.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename}"`,
    'content-length': Buffer.byteLength(csv),
    'cache-control': 'no-store',
  });
  ctx.res.end(ctx.req.method === 'HEAD' ? undefined : csv);
  return {};
}

function send(res: ServerResponse, status: number, body: object, ctx?: RouteContext): void {
  if (res.headersSent) return;
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'no-store',
  });
  res.end(ctx?.req.method === 'HEAD' ? undefined : json);
}
