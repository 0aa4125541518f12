/**
 * Every script a browser fetches for a page with a cold cache, not only the HTML's `<script src>` tags: the chunks
 * the page loads right after (the chart, lazily loaded panels) cost a phone on a bad network just as much.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';

/** One script as fetched: its path and sizes (KiB). */
export interface FetchedScript {
  path: string;
  rawKb: number;
  gzipKb: number;
}

/** The scripts of one page load, largest first, and their sums. */
export interface FetchedJs {
  scripts: FetchedScript[];
  count: number;
  rawKb: number;
  gzipKb: number;
}

/** How long without a new request counts as the network being idle; the socket's own frames do not count. */
const QUIET_MS = 1500;

/** Waits until no request has started for QUIET_MS (at most `limitMs`), watching from now. */
async function networkQuiet(page: Page, limitMs: number): Promise<void> {
  let last = Date.now();
  const touch = () => {
    last = Date.now();
  };
  page.on('request', touch);
  const until = Date.now() + limitMs;
  try {
    while (Date.now() - last < QUIET_MS) {
      if (Date.now() > until)
        throw new Error(`the network was not quiet for ${QUIET_MS} ms within ${limitMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    page.off('request', touch);
  }
}

/**
 * Opens `path` in a fresh context (an empty cache), with `cookie` when given, and counts every distinct script
 * URL the browser fetched from navigation until `ready` resolves and the network is then quiet; gzip -9 of each
 * body as received.
 */
export async function fetchedJs(
  browser: Browser,
  target: { url: string; path: string; cookie?: string },
  ready: (page: Page) => Promise<void>,
): Promise<FetchedJs> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    if (target.cookie) {
      const at = target.cookie.indexOf('=');
      await context.addCookies([
        { name: target.cookie.slice(0, at), value: target.cookie.slice(at + 1), url: target.url },
      ]);
    }
    const page = await context.newPage();
    const bodies = new Map<string, Promise<Buffer | null>>();
    page.on('response', (response) => {
      const url = response.url();
      if (response.request().resourceType() !== 'script' || bodies.has(url)) return;
      bodies.set(
        url,
        response.body().catch(() => null),
      );
    });
    await page.goto(`${target.url}${target.path}`, { waitUntil: 'load' });
    await ready(page);
    await networkQuiet(page, 30_000);
    const scripts: FetchedScript[] = [];
    for (const [url, body] of bodies) {
      const bytes = await body;
      if (bytes === null) throw new Error(`no body for the script ${url}`);
      scripts.push({
        path: new URL(url).pathname,
        rawKb: bytes.length / 1024,
        gzipKb: gzipSync(bytes, { level: 9 }).length / 1024,
      });
    }
    scripts.sort((a, b) => b.gzipKb - a.gzipKb);
    const sum = (pick: (s: FetchedScript) => number) => scripts.reduce((total, s) => total + pick(s), 0);
    return { scripts, count: scripts.length, rawKb: sum((s) => s.rawKb), gzipKb: sum((s) => s.gzipKb) };
  } finally {
    await context.close();
  }
}
