/**
 * `GET /assets/<name>`: the pages' own scripts that Next.js does not build (the sign-in page's, which runs without
 * Next's client runtime), bundled by scripts/build-server.mjs into dist/assets/ with their content's hash in the
 * name. A new build is a new name, so a browser may keep each file for good. Not served without a production build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

/** Where the pages' scripts are served from. */
export const ASSETS_PREFIX = '/assets/';

/** One built file, as it is and compressed once (Next.js compresses what it serves; this is served beside it). */
export interface PageAsset {
  body: Buffer;
  gzip: Buffer;
}

/** The built files by path (`/assets/login-form.3f2a….js`), read once: a build changes with a restart. */
export function readPageAssets(dir: string): Map<string, PageAsset> {
  const assets = new Map<string, PageAsset>();
  const folder = join(dir, 'dist', 'assets');
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return assets;
  }
  for (const name of names) {
    if (!name.endsWith('.js')) continue;
    const body = readFileSync(join(folder, name));
    assets.set(`${ASSETS_PREFIX}${name}`, { body, gzip: gzipSync(body, { level: 9 }) });
  }
  return assets;
}

/** Answers a GET or HEAD of one of `assets`; returns true when it answered. */
export function createPageAssetsRoute(
  assets: ReadonlyMap<string, PageAsset>,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const asset = assets.get(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (!asset) return false;
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? asset.gzip : asset.body;
    res.writeHead(200, {
      'content-type': 'text/javascript; charset=utf-8',
      'content-length': body.length,
      ...(gzip && { 'content-encoding': 'gzip' }),
      vary: 'accept-encoding',
      // The name changes with the content: nothing to check again, ever.
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
