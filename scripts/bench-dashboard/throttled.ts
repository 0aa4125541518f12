/**
 * First price on a bad network, as a phone gets it: Chromium's network emulation at 1 Mbit/s down, 400 kbit/s up
 * and 300 ms of latency, the server already running. Cold: a new browser profile (no cache, no service worker);
 * warm: the same profile opening the page again, its static chunks in the cache.
 */
import type { Browser, Page } from 'playwright-core';
import { LAST_CELL } from './measure';

/** The emulated network: bytes per second and milliseconds, as the DevTools protocol takes them. */
export const SLOW_NETWORK = {
  offline: false,
  latency: 300,
  downloadThroughput: 1_000_000 / 8,
  uploadThroughput: 400_000 / 8,
};

export interface ThrottledFirstPrice {
  coldMs: number;
  warmMs: number;
}

/** Milliseconds from navigation until a Last cell shows a digit. */
async function timeToPrice(page: Page, url: string): Promise<number> {
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
  await page.waitForFunction(
    (selector) => /\d/.test(document.querySelector(selector)?.textContent ?? ''),
    LAST_CELL,
    { timeout: 60_000, polling: 20 },
  );
  return performance.now() - started;
}

export async function throttledFirstPrice(
  browser: Browser,
  target: { url: string; cookie: string },
): Promise<ThrottledFirstPrice> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  try {
    const at = target.cookie.indexOf('=');
    await context.addCookies([
      { name: target.cookie.slice(0, at), value: target.cookie.slice(at + 1), url: target.url },
    ]);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_NETWORK);
    const coldMs = await timeToPrice(page, `${target.url}/`);
    // Let the service worker take the page over and the chunks settle in the cache before the return visit.
    await page.evaluate('navigator.serviceWorker && navigator.serviceWorker.ready.then(() => undefined)');
    await page.waitForTimeout(2_000);
    const warmMs = await timeToPrice(page, `${target.url}/`);
    return { coldMs, warmMs };
  } finally {
    await context.close();
  }
}
