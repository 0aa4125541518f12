/** The Next.js request handler for every path that is not the API or socket.io, the service worker and the pages' own scripts. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import next from 'next';
import { createPageAssetsRoute, readPageAssets } from './http/page-assets';
import { createServiceWorkerRoute, stampedServiceWorker } from './http/service-worker';

/** Prepares Next.js (a production build, or dev mode with on-demand compiling) and returns its handler. */
export async function createPageHandler(options: {
  dev: boolean;
  dir: string;
}): Promise<{ handle: (req: IncomingMessage, res: ServerResponse) => void }> {
  const app = next({ dev: options.dev, dir: options.dir, quiet: !options.dev });
  await app.prepare();
  const handle = app.getRequestHandler();
  // Development rebuilds without a build id, and a worker caching its chunks would serve stale code.
  const worker = createServiceWorkerRoute(options.dev ? null : stampedServiceWorker(options.dir));
  // In development the sign-in page runs its script through Next.js (pages/login.tsx): a built one may be stale.
  const assets = createPageAssetsRoute(options.dev ? new Map() : readPageAssets(options.dir));
  return {
    handle: (req, res) => {
      if (!worker(req, res) && !assets(req, res)) void handle(req, res);
    },
  };
}
