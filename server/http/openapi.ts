/**
 * GET /api/v1/openapi.json (docs/protocol.md H5): the OpenAPI 3.1 document of the routes the router serves,
 * generated once at start from their contracts (lib/api). A route served without a contract still appears, marked
 * `x-contract-missing`, so that the document never hides what the server answers.
 */
import { createDocument } from 'zod-openapi';
import type {
  ZodOpenApiOperationObject,
  ZodOpenApiPathsObject,
  ZodOpenApiResponsesObject,
} from 'zod-openapi';
import * as z from 'zod/mini';
import packageJson from '../../package.json';
import { API_AREAS } from '../../lib/api';
import { errorAnswer } from '../../lib/api/contract';
import type { AnswerOf, Method, RouteContract } from '../../lib/api/contract';
import { openApiApi } from '../../lib/api/openapi';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { route, routeTable } from './router';
import type { Route, Routes } from './router';

// What each error status means on this API; which ones a route may answer follows from what it takes.
const ERRORS: Record<number, string> = {
  400: 'A wrong query, path parameter or body (BAD_REQUEST), naming the field',
  401: 'No valid session or token (UNAUTHORIZED)',
  403: 'Not allowed: an admin route, a read-only token, a session-only route, or another site (FORBIDDEN)',
  404: "Nothing with that id among the caller's own (NOT_FOUND)",
  413: 'The body is too large (PAYLOAD_TOO_LARGE)',
  415: 'The body is not of the declared content type (UNSUPPORTED_MEDIA_TYPE)',
  429: 'Too many requests (RATE_LIMITED); Retry-After says when to try again',
};

/** What each area (an operation's tag) holds, for the document's tag list. */
const AREAS: Record<keyof typeof API_AREAS, string> = {
  auth: 'Accounts and sessions: sign-in, sign-out, first-run setup, users',
  tokens: 'Personal access tokens',
  market: 'Markets, feeds, watchlist, price history and candles',
  portfolio: 'Holdings, value history, performance and settings',
  transactions: 'Transactions, one by one or as CSV',
  accounts: 'Portfolio accounts and transfers between them',
  connections: 'Exchange connections and their syncs',
  alerts: 'Price, move and portfolio-value alerts',
  channels: 'Where alerts are sent besides the open tabs',
  reports: 'Tax reports',
  openapi: 'This description',
};

/** Where a contract is declared: its area (the operation's tag) and its id there, `alertsCreate`. */
interface Naming {
  area: string;
  id: string;
}

function namings(): Map<RouteContract, Naming> {
  const names = new Map<RouteContract, Naming>();
  for (const [area, routes] of Object.entries(API_AREAS))
    for (const [name, contract] of Object.entries(routes as Record<string, RouteContract>))
      names.set(contract, { area, id: `${area}${name[0]?.toUpperCase() ?? ''}${name.slice(1)}` });
  return names;
}

const errorContent = { 'application/json': { schema: errorAnswer } };

function responses(contract: RouteContract, served: Route): ZodOpenApiResponsesObject {
  const success = {
    description: contract.summary,
    content:
      contract.answer === 'csv'
        ? { 'text/csv': { schema: z.string() } }
        : { 'application/json': { schema: contract.answer } },
  };
  const codes = [
    ...(contract.query || contract.params || contract.body ? [400] : []),
    ...(contract.access === 'public' ? [] : [401]),
    ...(contract.access === 'admin' || served.sessionOnly || contract.method !== 'GET' ? [403] : []),
    ...(contract.params ? [404] : []),
    ...(contract.body ? [413, 415] : []),
    429,
  ];
  const errors = Object.fromEntries(
    codes.map((code) => [code, { description: ERRORS[code] ?? 'An error', content: errorContent }]),
  );
  const other = {
    description: 'Any other error, e.g. 409 CONFLICT or 503 EXCHANGE_UNAVAILABLE',
    content: errorContent,
  };
  return { [contract.status ?? 200]: success, ...errors, default: other };
}

function operation(
  contract: RouteContract,
  served: Route,
  naming: Naming | undefined,
): ZodOpenApiOperationObject {
  const who = { public: 'Open to anyone.', user: 'For a signed-in user.', admin: 'For admins only.' };
  const session = served.sessionOnly ? ' A browser session only, never a personal access token.' : '';
  const { query, params, body } = contract;
  return {
    ...(naming ? { operationId: naming.id, tags: [naming.area] } : {}),
    summary: contract.summary,
    description: `${who[contract.access]}${session} Rule ${contract.rule} of ${ruleDocument(contract.rule)}.`,
    security:
      contract.access === 'public'
        ? []
        : served.sessionOnly
          ? [{ session: [] }]
          : [{ session: [] }, { bearer: [] }],
    ...(query || params
      ? {
          requestParams: {
            ...(query ? { query: query as z.ZodMiniObject } : {}),
            ...(params ? { path: params as z.ZodMiniObject } : {}),
          },
        }
      : {}),
    ...(body
      ? {
          requestBody: {
            required: true,
            content:
              body === 'csv'
                ? { 'text/csv': { schema: z.string() } }
                : { 'application/json': { schema: body } },
          },
        }
      : {}),
    responses: responses(contract, served),
  };
}

/** Where a rule is written: the alert channels' N rules have a page of their own. */
const ruleDocument = (rule: string) => (rule.startsWith('N') ? 'docs/alert-channels.md' : 'docs/protocol.md');

/** A route the router serves with no contract: named, so that a test sees it. */
const uncontracted = (method: Method, path: string): ZodOpenApiOperationObject => ({
  summary: `${method} ${path}`,
  'x-contract-missing': true,
  responses: { default: { description: 'Not described: this route has no contract in lib/api' } },
});

/** The OpenAPI 3.1 document of `routes`. */
export function openApiDocument(routes: Routes): ReturnType<typeof createDocument> {
  const names = namings();
  const paths: ZodOpenApiPathsObject = {};
  for (const [path, methods] of Object.entries(routes)) {
    const item: Record<string, ZodOpenApiOperationObject> = {};
    for (const [method, served] of Object.entries(methods) as Array<[Method, Route]>)
      item[method.toLowerCase()] = served.contract
        ? operation(served.contract, served, names.get(served.contract))
        : uncontracted(method, path);
    paths[path.replace(/:(\w+)/g, '{$1}')] = item;
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Livefolio API',
      version: packageJson.version,
      description: 'The REST API of a Livefolio server. Errors are `{ error: { code, message } }`.',
    },
    servers: [{ url: '/' }],
    tags: Object.entries(AREAS).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'A browser session' },
        bearer: { type: 'http', scheme: 'bearer', description: 'A personal access token' },
      },
    },
  });
}

/**
 * The document's route, describing `routes` and itself. The document is made at its first request, not at start
 * (nothing else needs it, and a server's start is on the way to its first price), and kept.
 */
export function openApiRoutes(routes: Routes): Routes {
  type Document = AnswerOf<typeof openApiApi.document>;
  let document: Document | null = null;
  const own: Routes = routeTable(
    route(openApiApi.document, {
      handle: () => (document ??= openApiDocument({ ...routes, ...own }) as Document),
    }),
  );
  return own;
}
