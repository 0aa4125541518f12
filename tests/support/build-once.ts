/** vitest global setup: brings the production build up to date once, before any test file starts a server on it. */
import { spawnSync } from 'node:child_process';

export default function buildOnce(): void {
  const result = spawnSync(process.execPath, ['scripts/run.mjs', '--build-only'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`the production build failed (exit ${result.status})`);
}
