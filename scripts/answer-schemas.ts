/**
 * Writes client/api/answer-schemas.json: the JSON Schemas of the answers the dashboard reads, from the HTTP
 * contract (lib/api). Run after changing one of those answers: `npm run contract:schemas`;
 * tests/client/api/answer-schemas.test.ts fails while the file and the contract disagree.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ANSWER_ROUTES } from '../client/api/answer-routes';
import { answerSchemaDocument } from '../lib/api/answer-json-schemas';

const file = fileURLToPath(new URL('../client/api/answer-schemas.json', import.meta.url));
writeFileSync(file, `${JSON.stringify(answerSchemaDocument(ANSWER_ROUTES))}\n`);
console.log(`answer schemas written: ${ANSWER_ROUTES.length} routes`);
