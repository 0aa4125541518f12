/**
 * The copies of pages the service worker keeps for offline use, and the dashboard's last state, hold a user's
 * data: deleted when they sign out and when anyone signs in.
 */
import { clearLastState } from './last-state';

const PRIVATE_PREFIX = 'livefolio-pages-';

/**
 * Deletes every kept page (of any build); resolves even where the browser has no Cache Storage. Entry by entry,
 * never the cache itself: a worker that holds a cache deleted under it goes on writing to that orphan, which the
 * page then no longer sees (Chromium), so a deleted page could come back. The worker deletes the caches of older
 * builds when it takes over.
 */
export async function clearPrivateCaches(): Promise<void> {
  clearLastState(typeof localStorage === 'undefined' ? null : localStorage);
  if (typeof caches === 'undefined') return;
  const names = (await caches.keys()).filter((name) => name.startsWith(PRIVATE_PREFIX));
  for (const name of names) {
    const cache = await caches.open(name);
    await Promise.all((await cache.keys()).map((request) => cache.delete(request)));
  }
}
