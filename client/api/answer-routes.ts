/**
 * The routes whose answers the dashboard reads, by `area.route` of the HTTP contract (lib/api.ts). Their answer
 * schemas travel to the browser as JSON Schema (answer-schemas.json, written from the contract by
 * `npm run contract:schemas`), so the dashboard parses with the contract without zod's parser in its JavaScript.
 */
import type { API_AREAS } from '../../lib/api';
import type { AnswerOf, RouteContract } from '../../lib/api/contract';

export const ANSWER_ROUTES = [
  'auth.session',
  'auth.login',
  'auth.setup',
  'auth.logout',
  'market.history',
  'market.markets',
  'market.candles',
  'portfolio.holdings',
  'portfolio.history',
  'portfolio.performance',
  'portfolio.settings',
  'portfolio.changeSettings',
  'alerts.list',
  'alerts.create',
  'alerts.channels',
  'alerts.remove',
  'channels.list',
] as const;

export type AnswerRoute = (typeof ANSWER_ROUTES)[number];

type Areas = typeof API_AREAS;

/** The route contract named `area.route`. */
export type RouteAt<K extends AnswerRoute> = K extends `${infer A extends keyof Areas}.${infer R}`
  ? R extends keyof Areas[A]
    ? Areas[A][R]
    : never
  : never;

/** What route `K` answers, as the contract types it. */
export type AnswerAt<K extends AnswerRoute> =
  RouteAt<K> extends infer C extends RouteContract ? AnswerOf<C> : never;
