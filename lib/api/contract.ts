/**
 * The shape of one HTTP route's contract (docs/protocol.md, "HTTP API"): method, path, rule, who may call it, what
 * it takes and what it answers, as zod/mini schemas. Only `zod/mini` here: the browser parses answers with these
 * schemas, and classic zod would cost the dashboard ~40 kB.
 */
import * as z from 'zod/mini';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route: anyone, a signed-in user, or an admin. */
export type Access = 'public' | 'user' | 'admin';

/** Any zod/mini schema. */
export type Schema = z.ZodMiniType;

/** One route of /api/v1: the server serves it, the browser calls it, the OpenAPI document describes it. */
export interface RouteContract {
  method: Method;
  /** With `:name` segments for path parameters: `/api/v1/alerts/:id`. */
  path: string;
  /** The rule of docs/protocol.md that says what the route does: `P7`. */
  rule: string;
  /** One line for the OpenAPI document. */
  summary: string;
  access: Access;
  /** The query string's parameters (every value a string on the wire). */
  query?: Schema;
  /** The `:name` segments of the path. */
  params?: Schema;
  /** A JSON body's schema, or CSV text. */
  body?: Schema | 'csv';
  /**
   * 'handler': the body's schema documents its wire shape, and the handler checks the body itself with richer
   * rules whose messages the protocol states (a transaction's, lib/portfolio/transaction.ts).
   */
  bodyCheckedBy?: 'handler';
  /** The status of a successful answer: 200 unless it creates (201) or starts something (202). */
  status?: 200 | 201 | 202;
  /** The JSON answer's schema, or a CSV file. */
  answer: Schema | 'csv';
}

/** Declares a contract, keeping its literal types so the server's handler is checked against them. */
export const defineRoute = <const C extends RouteContract>(contract: C): C => contract;

type Out<S, Otherwise> = S extends Schema ? z.output<S> : Otherwise;

/** What a route's handler returns: the answer schema's type (`{}` for a CSV file, which is written by hand). */
export type AnswerOf<C extends RouteContract> = Out<C['answer'], Record<string, never>>;

/** The parsed query, params and body a handler gets. */
export type QueryOf<C extends RouteContract> = Out<C['query'], Record<string, string>>;
export type ParamsOf<C extends RouteContract> = Out<C['params'], Record<string, string>>;
export type BodyOf<C extends RouteContract> = C['body'] extends 'csv'
  ? string
  : C['bodyCheckedBy'] extends 'handler'
    ? unknown
    : Out<C['body'], unknown>;

/** Every error answer: a stable code and a message in the request's language (429 adds when to try again). */
export const errorAnswer = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      retryAfterMs: z.optional(z.number()),
    }),
  })
  .register(z.globalRegistry, { id: 'Error' });

/** A whole number of milliseconds since the epoch. */
export const epochMs = z.number();

/** An amount as a decimal string ("0.5"): never a JSON number, so nothing is rounded on the way. */
export const decimalString = z.string();

/** A stream id, `<exchange>:<symbol>`. */
export const streamIdString = z.string();

/** A query parameter holding a whole number (digits, as Number() reads them), at least `min`, at most `max`. */
export const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number().check(z.int(), z.minimum(min), z.maximum(max));

// Copies of lib/portfolio/transaction.ts's rules, which the browser must not load (it imports classic zod);
// tests/server/openapi.test.ts holds them equal.
/** A ccxt exchange id. */
export const EXCHANGE_ID_PATTERN = /^[a-z0-9_]{1,40}$/;
/** An upper-case ticker: BTC, USDT. */
export const TICKER_PATTERN = /^[A-Z0-9.-]{1,20}$/;
/** The longest id a client may name. */
export const MAX_ID_LENGTH = 100;

/** An account's id in a query. */
export const accountIdParam = z
  .string()
  .check(z.minLength(1, 'must not be empty'), z.maxLength(MAX_ID_LENGTH));

/** The `:id` of a path. */
export const idParams = z.object({ id: z.string() });

/** An answer naming what was deleted. */
export const deletedAnswer = z.object({ deleted: z.string() });

/**
 * A list of string literals that must name every member of the union `U` and nothing else: for lists whose own
 * module imports classic zod and so must not reach the browser (`literals<AccountKind>()(['manual', 'exchange'])`).
 */
export const literals =
  <U extends string>() =>
  <const L extends readonly U[]>(list: L & ([U] extends [L[number]] ? unknown : never)): L =>
    list;
