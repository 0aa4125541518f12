import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { fetchedJs } from '../../scripts/bench-dashboard/fetched-js';
import { LAST_CELL } from '../../scripts/bench-dashboard/measure';
import { launchBrowser } from '../support/browser';
import type { ServerProcess } from '../support/server-process';
import { startServerProcess } from '../support/server-process';
import { signIn, TEST_ADMIN } from '../support/stack';
import { signInThroughPage, waitUntilLive } from './dashboard-page';

// What a phone on a bad network pays for the dashboard: every script the browser fetches with a cold cache until
// the first price and the chart are drawn and the network is quiet, gzip -9 (the bench's own measure,
// docs/performance-dashboard.md). Above the budget, this fails.
const DASHBOARD_BUDGET_KB = 200;
// The sign-in page is the first thing a new visitor's phone loads: it carries no framework runtime, only its
// form's own script (pages/login.tsx).
const LOGIN_BUDGET_KB = 120;

let server: ServerProcess | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  server = await startServerProcess({ demo: true });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the JavaScript a browser fetches', () => {
  it(`the signed-in dashboard: at most ${DASHBOARD_BUDGET_KB} kB gzip, its candle chart drawn`, async () => {
    const url = server?.url ?? '';
    const cookie = await signIn(url, TEST_ADMIN);
    const js = await fetchedJs(browser as Browser, { url, path: '/', cookie }, async (page) => {
      await page.waitForFunction(
        (selector) => /\d/.test(document.querySelector(selector)?.textContent ?? ''),
        LAST_CELL,
        { timeout: 30_000 },
      );
      await page.waitForSelector('svg.candle-surface g.candle', { timeout: 30_000 });
    });
    const listed = js.scripts.map((s) => `${s.gzipKb.toFixed(1)} kB ${s.path}`).join('\n');
    expect(js.gzipKb, `fetched:\n${listed}`).toBeLessThanOrEqual(DASHBOARD_BUDGET_KB);
    expect(js.count).toBeGreaterThan(0);
  });

  it(`the signed-out sign-in page: at most ${LOGIN_BUDGET_KB} kB gzip, and its form signs in`, async () => {
    const url = server?.url ?? '';
    const js = await fetchedJs(browser as Browser, { url, path: '/login' }, async (page) => {
      await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 30_000 });
    });
    const listed = js.scripts.map((s) => `${s.gzipKb.toFixed(1)} kB ${s.path}`).join('\n');
    expect(js.gzipKb, `fetched:\n${listed}`).toBeLessThanOrEqual(LOGIN_BUDGET_KB);
    // Its own script is there: a page that fetched nothing would pass the budget without working.
    expect(js.count, `fetched:\n${listed}`).toBeGreaterThan(0);

    // With that little, the form still signs in and the dashboard opens, live.
    const context = await (browser as Browser).newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(`${url}/login`);
      await signInThroughPage(page, TEST_ADMIN);
      await waitUntilLive(page, 20_000);
    } finally {
      await context.close();
    }
  });
});
