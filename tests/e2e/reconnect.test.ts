import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ServerProcess } from '../support/server-process';
import { startServerProcess } from '../support/server-process';
import { launchBrowser } from '../support/browser';
import {
  connectionState,
  DEMO_ROWS,
  expectPriceTicks,
  openDashboard,
  readRows,
  responseTime,
  rowSymbols,
  waitUntilLive,
  watchlist,
  watchPages,
} from './dashboard-page';
import { ReferenceClient } from './reference-client';

// The server goes away under an open dashboard and comes back on the same port and data (protocol M9).

let server: ServerProcess | undefined;
let browser: Browser | undefined;
let page: Page;
let reference: ReferenceClient | undefined;

// Every page of this file fails it with an uncaught error or a console error (dashboard-page.ts).
// The browser's own lines for the requests the page makes while the server is down on purpose.
const watch = watchPages([/Failed to load resource: net::ERR_CONNECTION_REFUSED /]);

beforeAll(async () => {
  server = await startServerProcess({ demo: true });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  watch(page);
  await openDashboard(page, server.url);
}, 240_000);

afterAll(async () => {
  reference?.close();
  await browser?.close();
  await server?.close();
});

// While the server is down: the indicator says so, the page answers and keeps the last known prices.
async function expectReconnectingAndUsable(): Promise<void> {
  await connectionState(page)
    .filter({ hasText: /^Reconnecting…$/ })
    .waitFor({ timeout: 5_000 });
  await page.getByRole('list', { name: 'Exchange feeds' }).getByText('Last known:').waitFor();
  expect(await responseTime(page)).toBeLessThan(1_000);
  const frozen = await readRows(page);
  expect(frozen.map((r) => r.symbol)).toEqual(DEMO_ROWS);
  expect(frozen.every((r) => /\d/.test(r.last))).toBe(true);

  // Still usable: the box takes typing, and an add says why it cannot happen instead of failing silently.
  const input = page.getByLabel('Add ticker');
  await input.pressSequentially('binance:ADA/USDT', { delay: 5 });
  expect(await input.inputValue()).toBe('binance:ADA/USDT');
  await input.press('Enter');
  const alert = watchlist(page)
    .getByRole('alert')
    .filter({ hasText: /offline/i });
  await alert.waitFor({ timeout: 5_000 });
  expect(await rowSymbols(page)).toEqual(DEMO_ROWS);
  await watchlist(page).getByRole('button', { name: 'Dismiss message' }).click();
  await input.fill('');
}

// Back: live again, ticking, and showing exactly what the server holds for the same subscription.
async function expectLiveAndInSync(): Promise<void> {
  await waitUntilLive(page, 20_000);
  await expectPriceTicks(page, 'BTC/USDT');
  reference?.close();
  reference = await ReferenceClient.open(server?.url ?? '');
  await reference.expectPageMatches(page);
  // Again once the prices moved: the page follows the server, it did not just happen to hold one of its states.
  await expectPriceTicks(page, 'ETH/USDT');
  await reference.expectPageMatches(page);
}

describe('the dashboard across server restarts', () => {
  it('holds the server state before anything happens', async () => {
    await expectPriceTicks(page, 'BTC/USDT');
    reference = await ReferenceClient.open(server?.url ?? '');
    await reference.expectPageMatches(page);
  });

  it('[M9] a crashed server (SIGKILL): reconnecting while down, then live and in sync again', async () => {
    await server?.stop('SIGKILL');
    await expectReconnectingAndUsable();
    if (server) await server.start();
    await expectLiveAndInSync();
  }, 150_000);

  it('[M9] a graceful restart (SIGTERM, the server closes the sockets itself): the same', async () => {
    expect(await server?.stop('SIGTERM')).toBe(0);
    await expectReconnectingAndUsable();
    if (server) await server.start();
    await expectLiveAndInSync();
  }, 150_000);
});
