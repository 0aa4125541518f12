/**
 * `GET /sw.js`: the service worker (public/sw.js) stamped with the build's id, so that every deploy serves a new
 * worker and its activation deletes the caches of the build before. Not served without a production build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

const PLACEHOLDER = '__LIVEFOLIO_BUILD_ID__';

/** The worker's source for the build in `dir`, or null when there is no build (development) or no worker. */
export function stampedServiceWorker(dir: string): string | null {
  try {
    const buildId = readFileSync(join(dir, '.next', 'BUILD_ID'), 'utf8').trim();
    const source = readFileSync(join(dir, 'public', 'sw.js'), 'utf8');
    if (!/^[\w-]+$/.test(buildId) || !source.includes(PLACEHOLDER)) return null;
    return source.replaceAll(PLACEHOLDER, buildId);
  } catch {
    return null;
  }
}

/** Answers `/sw.js` with `source`; resolves with true when it answered. Read once: a build changes with a restart. */
export function createServiceWorkerRoute(
  source: string | null,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    if (
      source === null ||
      req.method !== 'GET' ||
      new URL(req.url ?? '/', 'http://localhost').pathname !== '/sw.js'
    )
      return false;
    res
      .writeHead(200, {
        'content-type': 'text/javascript; charset=utf-8',
        // Checked on every visit: a deploy must reach returning browsers at once.
        'cache-control': 'no-cache',
        'service-worker-allowed': '/',
      })
      .end(source);
    return true;
  };
}
