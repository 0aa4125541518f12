import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPageAssetsRoute, readPageAssets } from '../../server/http/page-assets';

// The pages' own built scripts (the sign-in page's): served by name, compressed when asked, kept for good.
const SOURCE = 'console.log("the sign-in form");\n'.repeat(20);
let url = '';
const server = createServer((req, res) => {
  if (!route(req, res)) res.writeHead(404).end('passed on');
});
let route: ReturnType<typeof createPageAssetsRoute>;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'livefolio-assets-'));
  mkdirSync(join(dir, 'dist', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'assets', 'login-form.ABC123.js'), SOURCE);
  writeFileSync(join(dir, 'dist', 'assets', 'notes.txt'), 'not a script');
  route = createPageAssetsRoute(readPageAssets(dir));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('the pages’ own scripts (/assets/)', () => {
  it('serves a built script under its hashed name, for a year, unchanged', async () => {
    const res = await fetch(`${url}/assets/login-form.ABC123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe(SOURCE);
  });

  it('sends it compressed to a client that accepts gzip, as it is to one that does not', async () => {
    // fetch() would decompress by itself: node:http shows the bytes as sent.
    const raw = (accept: string) =>
      new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
        get(`${url}/assets/login-form.ABC123.js`, { headers: { 'accept-encoding': accept } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }),
          );
        }).on('error', reject);
      });
    const zipped = await raw('gzip, deflate');
    expect(zipped.encoding).toBe('gzip');
    expect(gunzipSync(zipped.body).toString()).toBe(SOURCE);
    const plain = await raw('identity');
    expect(plain.encoding).toBeUndefined();
    expect(plain.body.toString()).toBe(SOURCE);
  });

  it('passes on every other path and method, and files that are not scripts', async () => {
    for (const path of ['/assets/login-form.OTHER.js', '/assets/notes.txt', '/assets/', '/login']) {
      expect((await fetch(`${url}${path}`)).status, path).toBe(404);
    }
    const post = await fetch(`${url}/assets/login-form.ABC123.js`, { method: 'POST' });
    expect(post.status).toBe(404);
  });
});
