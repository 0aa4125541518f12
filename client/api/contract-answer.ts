/**
 * The dashboard's answers parsed with the HTTP contract: each route's answer schema as JSON Schema
 * (answer-schemas.json, written from lib/api's zod schemas), checked by a small standard validator. zod's own
 * parser would cost the dashboard about 26 kB gzip; this costs about 8 kB (docs/performance-dashboard.md).
 */
import { Validator } from '@cfworker/json-schema';
import type { Schema } from '@cfworker/json-schema';
import type { AnswerAt, AnswerRoute } from './answer-routes';
import schemas from './answer-schemas.json';

const document = schemas as unknown as { $defs: Record<string, Schema>; answers: Record<string, Schema> };
const validators = new Map<AnswerRoute, Validator>();

// Built on first use: a page pays only for the answers it reads.
function validator(route: AnswerRoute): Validator {
  let built = validators.get(route);
  if (!built) {
    const answer = document.answers[route];
    if (!answer) throw new Error(`${route} has no answer schema: run npm run contract:schemas`);
    built = new Validator({ ...answer, $defs: document.$defs }, '2020-12', true);
    validators.set(route, built);
  }
  return built;
}

/** True when `body` is an answer of `route` as the contract describes it. */
export function isAnswer<K extends AnswerRoute>(route: K, body: unknown): body is AnswerAt<K> {
  return validator(route).validate(body).valid;
}

/**
 * A reader for request(): the answer of `route` (or what `pick` takes from it), or null when the body is not one,
 * which request() turns into its "unexpected answer" message.
 */
export function answerOf<K extends AnswerRoute, T = AnswerAt<K>>(
  route: K,
  pick: (answer: AnswerAt<K>) => T = (answer) => answer as T,
): (body: unknown) => T | null {
  return (body) => (isAnswer(route, body) ? pick(body) : null);
}
