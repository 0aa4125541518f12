/** Pages need a session too: without one a page request is sent to sign in (or, before any account exists, to set up). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ASSETS_PREFIX } from './page-assets';

// Assets every page needs, the sign-in page (and its script) included; they hold no data.
const PUBLIC_PREFIXES = ['/_next/static/', '/_next/image', '/icons/', ASSETS_PREFIX];
// The service worker and the manifest hold no data either; a browser fetches them without a session.
const PUBLIC_FILES = new Set(['/icon.svg', '/favicon.ico', '/robots.txt', '/sw.js', '/manifest.webmanifest']);

export interface PageGateDeps {
  signedIn(req: IncomingMessage): Promise<boolean>;
  needsSetup(): Promise<boolean>;
}

/** Redirects a page request that may not be shown; resolves with true when it answered. */
export function createPageGate(
  deps: PageGateDeps,
): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (PUBLIC_FILES.has(path) || PUBLIC_PREFIXES.some((prefix) => path.startsWith(prefix))) return false;
    const setup = await deps.needsSetup();
    if (path === '/setup') return setup ? false : redirect(res, '/login');
    if (setup) return redirect(res, '/setup');
    const signedIn = await deps.signedIn(req);
    if (path === '/login') return signedIn ? redirect(res, '/') : false;
    if (signedIn) return false;
    const back = path === '/' ? '' : `?next=${encodeURIComponent(path + url.search)}`;
    return redirect(res, `/login${back}`);
  };
}

function redirect(res: ServerResponse, location: string): true {
  res.writeHead(303, { location, 'cache-control': 'no-store' }).end();
  return true;
}
