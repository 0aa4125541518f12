/*
 * Livefolio's service worker. Static chunks and the pages' own scripts (content-hashed, never changed) come from
 * the cache once fetched; pages come from the network, and the last copy of each is kept for when there is none.
 * The API and the socket are never touched. `/sw.js` is served stamped with the build's id
 * (server/http/service-worker.ts): a deploy changes the file, so the browser installs the new worker, which takes
 * over at once and deletes every cache of an older build.
 */
const VERSION = '__LIVEFOLIO_BUILD_ID__';
const STATIC_CACHE = `livefolio-static-${VERSION}`;
// Pages hold the signed-in user's data: the page deletes every `livefolio-pages-` cache when one signs out or
// signs in (client/offline/private-caches.ts).
const PAGES_CACHE = `livefolio-pages-${VERSION}`;
const OWN = 'livefolio-';
// Chunks of old builds are deleted with their cache; within one build, a bound keeps a long session small.
const MAX_STATIC_ENTRIES = 300;

self.addEventListener('install', (event) => {
  event.waitUntil(self.skipWaiting());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keys = await caches.keys();
      await Promise.all(
        keys
          .filter((key) => key.startsWith(OWN) && key !== STATIC_CACHE && key !== PAGES_CACHE)
          .map((key) => caches.delete(key)),
      );
      await self.clients.claim();
    })(),
  );
});

async function fromCacheFirst(request) {
  const cache = await caches.open(STATIC_CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') {
    await cache.put(request, response.clone());
    const keys = await cache.keys();
    if (keys.length > MAX_STATIC_ENTRIES) await cache.delete(keys[0]);
  }
  return response;
}

const OFFLINE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Livefolio: offline</title></head><body style="font-family:system-ui,sans-serif;background:#0b0e14;color:#e6e9ef;padding:2rem"><h1>Livefolio</h1><p>You are offline, and this page has not been opened on this device yet. It will load once the network is back.</p></body></html>`;

async function fromNetworkFirst(request) {
  const cache = await caches.open(PAGES_CACHE);
  const key = new URL(request.url);
  key.search = '';
  try {
    const response = await fetch(request);
    // Only a page shown as it is: not a redirect (to sign in), an error or another origin's answer.
    if (response.status === 200 && response.type === 'basic') await cache.put(key.href, response.clone());
    return response;
  } catch {
    const kept = await cache.match(key.href);
    return (
      kept ??
      new Response(OFFLINE_PAGE, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } })
    );
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/socket.io/')) return;
  // /assets/ holds the pages' own scripts (the sign-in page's), hashed like Next's chunks: an offline sign-in
  // page kept below still runs its script and says that the server cannot be reached.
  if (url.pathname.startsWith('/_next/static/') || url.pathname.startsWith('/assets/')) {
    event.respondWith(fromCacheFirst(request));
    return;
  }
  if (request.mode === 'navigate') event.respondWith(fromNetworkFirst(request));
});
