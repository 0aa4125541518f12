import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../support/browser';
import type { ServerProcess } from '../support/server-process';
import { startServerProcess } from '../support/server-process';
import { TEST_ADMIN } from '../support/stack';
import { lastPrice, openDashboard, signInThroughPage, waitUntilLive, watchPages } from './dashboard-page';

// The installable app as a browser meets it: the manifest and its icons, the service worker stamped with the
// build, the static chunks and the last page kept for an offline reload showing the last prices and valuation with
// their age, and all of it gone at sign-out.
let server: ServerProcess | undefined;
// A profile on disk, as a user's browser has: Chromium offers no installing from an incognito one.
const profile = mkdtempSync(join(tmpdir(), 'livefolio-profile-'));
let context: BrowserContext | undefined;
let page: Page;
// Offline, the page's socket and API calls fail, as they must, and a page never kept is the worker's 503 "offline"
// page; the browser logs those as errors.
const watch = watchPages([
  /net::ERR_INTERNET_DISCONNECTED/,
  /Failed to fetch/,
  /WebSocket connection/,
  /status of 503 \(\) \(http:\/\/[^/]+\/\)$/,
]);

const BUILD_ID = readFileSync('.next/BUILD_ID', 'utf8').trim();

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const cacheNames = () => page.evaluate(() => caches.keys());

beforeAll(async () => {
  server = await startServerProcess({ demo: true, env: { DEMO_TICK_MS: '250' } });
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 900 },
  });
  page = watch(context.pages()[0] ?? (await context.newPage()));
  await openDashboard(page, server.url);
}, 240_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  rmSync(profile, { recursive: true, force: true });
});

describe('the installable app', () => {
  it('serves a manifest a browser can install from, with its icons, to anyone', async () => {
    const res = await fetch(`${server?.url}/manifest.webmanifest`);
    expect(res.status).toBe(200);
    const manifest = (await res.json()) as {
      name: string;
      start_url: string;
      display: string;
      icons: { src: string; sizes: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({ name: 'Livefolio', start_url: '/', display: 'standalone' });
    for (const icon of manifest.icons) {
      const image = await fetch(`${server?.url}${icon.src}`);
      expect(image.headers.get('content-type')).toBe('image/png');
      const { width, height } = pngSize(Buffer.from(await image.arrayBuffer()));
      expect(`${width}x${height}`).toBe(icon.sizes);
    }
    expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(
      expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
    );
    // Chromium's own verdict: nothing stops it offering to install the app.
    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    await cdp.detach();
    expect(installabilityErrors).toEqual([]);
  });

  it('serves the service worker stamped with the build, checked on every visit', async () => {
    const res = await fetch(`${server?.url}/sw.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const source = await res.text();
    expect(source).toContain(`const VERSION = '${BUILD_ID}'`);
    expect(source).not.toContain('__LIVEFOLIO_BUILD_ID__');
  });

  it('keeps the static chunks and the page, so a reload without a network shows the dashboard', async () => {
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await expect
      .poll(cacheNames)
      .toEqual(expect.arrayContaining([`livefolio-static-${BUILD_ID}`, `livefolio-pages-${BUILD_ID}`]));
    const kept = await page.evaluate(async (name) => {
      const cache = await caches.open(name);
      return (await cache.keys()).map((request) => new URL(request.url).pathname);
    }, `livefolio-static-${BUILD_ID}`);
    expect(kept.some((path) => path.startsWith('/_next/static/'))).toBe(true);

    // Live for a while, so that the prices and the valuation are kept in the browser.
    await waitUntilLive(page);
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('livefolio:last-state')), { timeout: 15_000 })
      .not.toBeNull();
    const before = await lastPrice(page, 'BTC/USDT');
    // Everything the page fetched on its own (the chart's and the panels' chunks, loaded after the first paint)
    // has arrived, so the cache holds what the reload needs: a user who went offline mid-load is another case.
    await page.waitForSelector('svg.candle-surface g.candle');
    await page.waitForLoadState('networkidle');
    await page.context().setOffline(true);
    try {
      await page.reload();
      await page.getByRole('region', { name: 'Watchlist' }).waitFor();
      await page.getByRole('region', { name: 'Portfolio' }).waitFor();
      // The last prices, said to be that, with their time and age; the valuation kept with them.
      const banner = page.getByTestId('offline-banner');
      await banner.waitFor();
      expect(await banner.textContent()).toMatch(
        /^!Offline: prices and portfolio as of \d\d:\d\d \((\d+ s|\d+ min) ago\)\. They update when the connection is back\.$/,
      );
      expect(await lastPrice(page, 'BTC/USDT')).toMatch(/^[\d,]+(\.\d+)?$/);
      expect(before).toMatch(/^[\d,]+(\.\d+)?$/);
      await page.getByTestId('portfolio-kept').waitFor();
    } finally {
      await page.context().setOffline(false);
    }
    // The network back: the socket resyncs, live prices replace the kept ones, and the banner goes.
    await waitUntilLive(page, 30_000);
    await page.getByTestId('offline-banner').waitFor({ state: 'detached' });
  });

  it('deletes the kept pages when the user signs out, and never shows them to the next account', async () => {
    await openDashboard(page, server?.url ?? '');
    await expect.poll(cacheNames).toContain(`livefolio-pages-${BUILD_ID}`);
    await page.getByRole('button', { name: /^Account/ }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    // The sign-in page itself may be kept again (it holds nothing of anyone); the dashboard is not.
    const keptPages = await page.evaluate(async () => {
      const paths: string[] = [];
      for (const name of await caches.keys()) {
        if (!name.startsWith('livefolio-pages-')) continue;
        const cache = await caches.open(name);
        paths.push(...(await cache.keys()).map((request) => new URL(request.url).pathname));
      }
      return paths;
    });
    expect(keptPages).not.toContain('/');
    // And the prices and valuation kept for the offline view are gone with them.
    expect(
      await page.evaluate(() => [
        localStorage.getItem('livefolio:last-state'),
        localStorage.getItem('livefolio:last-portfolio'),
      ]),
    ).toEqual([null, null]);
    // Signed out and offline, the dashboard is not there to see.
    await page.context().setOffline(true);
    try {
      await page.goto(`${server?.url}/`);
      await page.getByText(/You are offline, and this page has not been opened on this device yet/).waitFor();
      expect(await page.getByRole('region', { name: 'Portfolio' }).count()).toBe(0);
      // The sign-in page is kept with its own script, which says why signing in fails now.
      await page.goto(`${server?.url}/login`);
      await page.getByLabel('Username').fill(TEST_ADMIN.username);
      await page.getByLabel('Password').fill(TEST_ADMIN.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: /^Could not reach the server\./ })
        .waitFor();
    } finally {
      await page.context().setOffline(false);
    }
    await page.goto(`${server?.url}/login`);
    await signInThroughPage(page, TEST_ADMIN);
  });
});
