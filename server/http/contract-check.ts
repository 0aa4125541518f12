/**
 * How a route serves its contract (lib/api): `route()` binds a handler to a contract, the router parses each
 * request with the contract's schemas and, when asked, checks each answer against them.
 */
import type { Logger } from 'pino';
import type { z } from 'zod';
import * as zm from 'zod/mini';
import type { AnswerOf, BodyOf, ParamsOf, QueryOf, RouteContract } from '../../lib/api/contract';
import { AppError, text } from '../errors';
import { describeIssues } from '../socket/schemas';
import type { Route, RouteContext, Routes } from './router';

/** A handler's context with the query, params and body parsed by its contract's schemas. */
export interface ContractContext<C extends RouteContract> extends Omit<
  RouteContext,
  'query' | 'params' | 'body'
> {
  query: QueryOf<C>;
  params: ParamsOf<C>;
  body: BodyOf<C>;
}

/** How a contract's route is served; the handler must answer what the contract says. */
export interface ContractHandler<C extends RouteContract> {
  sessionOnly?: boolean;
  maxBodyBytes?: number;
  handle(ctx: ContractContext<C>): AnswerOf<C> | Promise<AnswerOf<C>>;
}

/** The route serving `contract`, with its access and body kind taken from the contract. */
export function route<const C extends RouteContract>(contract: C, handler: ContractHandler<C>): Route {
  return {
    contract,
    access: contract.access,
    ...(contract.body === 'csv' ? { body: 'csv' as const } : {}),
    ...(handler.sessionOnly ? { sessionOnly: true } : {}),
    ...(handler.maxBodyBytes === undefined ? {} : { maxBodyBytes: handler.maxBodyBytes }),
    // The router parsed the query, params and body with the contract before calling it.
    handle: (ctx) => handler.handle(ctx as unknown as ContractContext<C>) as object | Promise<object>,
  };
}

/** The table of routes, each at its contract's path and method. */
export function routeTable(...routes: Route[]): Routes {
  const table: Routes = {};
  for (const entry of routes) {
    if (!entry.contract) throw new Error('routeTable takes routes made by route()');
    const { path, method } = entry.contract;
    const methods = (table[path] ??= {});
    if (methods[method]) throw new Error(`two routes for ${method} ${path}`);
    methods[method] = entry;
  }
  return table;
}

/** Replaces the raw query, params and body with what the contract's schemas make of them. */
export function parseRequest(contract: RouteContract, ctx: RouteContext): void {
  if (contract.query) ctx.query = parseWire(contract.query, ctx.query) as Record<string, string>;
  if (contract.params) ctx.params = parseWire(contract.params, ctx.params) as Record<string, string>;
  if (contract.body && contract.body !== 'csv' && contract.bodyCheckedBy !== 'handler')
    ctx.body = parseWire(contract.body, ctx.body);
}

/** Parses input with a contract's schema; a mismatch is a BAD_REQUEST naming the first wrong field. */
function parseWire(schema: zm.ZodMiniType, input: unknown): unknown {
  const parsed = zm.safeParse(schema, input);
  if (!parsed.success) throw new AppError('BAD_REQUEST', describeIssues(parsed.error as z.ZodError));
  return parsed.data;
}

/** Throws (a 500 for the client, a line in the log) when an answer is not what its contract says. */
export function checkAnswer(
  contract: RouteContract,
  result: object,
  log: Pick<Logger, 'error'> | undefined,
): void {
  if (contract.answer === 'csv') return;
  // What the client will read: undefined fields dropped, dates as strings.
  const wire: unknown = JSON.parse(JSON.stringify(result));
  const parsed = zm.safeParse(contract.answer, wire);
  // A field the schema does not name is dropped by the parse: found here, it would be sent undocumented.
  const extra = parsed.success ? extraField(wire, parsed.data, 'answer') : null;
  if (parsed.success && !extra) return;
  const issues = parsed.success
    ? [`${extra}: not in the contract`]
    : parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'answer'}: ${i.message}`);
  log?.error({ method: contract.method, path: contract.path, issues }, 'answer outside its contract');
  throw new AppError('INTERNAL', text('errors', 'internal'));
}

/** The path of the first field of `sent` that `kept` (its parse) lacks, or null. */
function extraField(sent: unknown, kept: unknown, path: string): string | null {
  if (Array.isArray(sent) && Array.isArray(kept))
    return sent.reduce<string | null>(
      (found, item, i) => found ?? extraField(item, kept[i], `${path}.${i}`),
      null,
    );
  if (typeof sent !== 'object' || sent === null || typeof kept !== 'object' || kept === null) return null;
  for (const [key, value] of Object.entries(sent)) {
    if (!(key in kept)) return `${path}.${key}`;
    const found = extraField(value, (kept as Record<string, unknown>)[key], `${path}.${key}`);
    if (found) return found;
  }
  return null;
}
