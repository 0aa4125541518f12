/**
 * vitest global setup: brings the production build up to date once, before any test file starts a server on it,
 * and removes the PostgreSQL schemas of the tests (tests/support/services.ts) before and after the run.
 */
import { spawnSync } from 'node:child_process';
import { dropTestSchemas, postgresAnswers } from './services';

export default async function buildOnce(): Promise<() => Promise<void>> {
  // SKIP_BUILD=1: for a run of files that start no production server (unit and feed tests), while editing.
  if (process.env.SKIP_BUILD !== '1') {
    const result = spawnSync(process.execPath, ['scripts/run.mjs', '--build-only'], { stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`the production build failed (exit ${result.status})`);
  }
  const postgres = await postgresAnswers();
  if (postgres) await dropTestSchemas();
  return async () => {
    if (postgres) await dropTestSchemas();
  };
}
