/**
 * The JSON Schemas of chosen routes' answers, written from their zod schemas (`z.toJSONSchema`, input side: an
 * object accepts keys it does not name, as zod's own parse does). The named schemas every answer shares (Alert,
 * …) are gathered once under `$defs`, so the document the browser carries holds each of them once.
 */
import * as z from 'zod/mini';
import { API_AREAS } from '../api';
import type { Schema } from './contract';

export interface AnswerSchemaDocument {
  $defs: Record<string, unknown>;
  answers: Record<string, unknown>;
}

/** The document for `routes` (`area.route`); a route without a JSON answer, or unknown, throws. */
export function answerSchemaDocument(routes: readonly string[]): AnswerSchemaDocument {
  const $defs: Record<string, unknown> = {};
  const answers: Record<string, unknown> = {};
  for (const name of routes) {
    const { $defs: defs = {}, ...answer } = z.toJSONSchema(answerSchema(name), {
      io: 'input',
      unrepresentable: 'throw',
    }) as Record<string, unknown> & { $defs?: Record<string, unknown> };
    // The draft is the validator's to state (contract-answer.ts), not every answer's to repeat.
    delete answer.$schema;
    for (const [id, def] of Object.entries(defs)) {
      // One id, one schema: two different schemas under one id would make every reference ambiguous.
      if (id in $defs && JSON.stringify($defs[id]) !== JSON.stringify(def)) {
        throw new Error(`${name}: the schema ${id} differs from another answer's`);
      }
      $defs[id] = def;
    }
    answers[name] = answer;
  }
  return { $defs: sortKeys($defs), answers };
}

function answerSchema(name: string): Schema {
  const [area = '', route = ''] = name.split('.');
  const routes: Record<string, { answer: Schema | 'csv' }> | undefined =
    API_AREAS[area as keyof typeof API_AREAS];
  const answer = routes?.[route]?.answer;
  if (answer === undefined) throw new Error(`${name}: no such route in the contract`);
  if (answer === 'csv') throw new Error(`${name}: answers CSV, not JSON`);
  return answer;
}

function sortKeys(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
}
