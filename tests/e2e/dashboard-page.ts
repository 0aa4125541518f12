/** The dashboard as a user meets it, found by roles and names: the connection state, the watchlist rows, the chart. */
import { afterAll, afterEach, expect } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_WATCHLIST } from '../../server/feeds/demo/venues';
import { launchBrowser } from '../support/browser';
import { TEST_ADMIN } from '../support/stack';

/** The rows of a new demo account (protocol W2), as the table shows their symbols: one exchange after another. */
export const DEMO_ROWS = DEMO_WATCHLIST.map((stream) => stream.slice(stream.indexOf(':') + 1));

/** What one watchlist row shows, as text. */
export interface RowValues {
  symbol: string;
  last: string;
  bid: string;
  ask: string;
  /** The 24 h change without its (aria-hidden) arrow. */
  change: string;
}

/** The connection indicator's state word (the only live region in the page header). */
export function connectionState(page: Page): Locator {
  return page.getByRole('banner').getByRole('status');
}

/** Waits until the indicator says "Live". */
export async function waitUntilLive(page: Page, timeoutMs = 15_000): Promise<void> {
  await connectionState(page)
    .filter({ hasText: /^Live$/ })
    .waitFor({ timeout: timeoutMs });
}

/** Launches the browser with one page (1280 × 900, watched by `watch`) on the dashboard at `url`, signed in. */
export async function launchOnDashboard(
  url: string,
  watch: (page: Page) => Page,
): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchBrowser();
  const page = watch(await browser.newPage({ viewport: { width: 1280, height: 900 } }));
  await openDashboard(page, url);
  return { browser, page };
}

/**
 * Opens the dashboard and waits until it is live. Without a session in the page's context the server sends it to
 * the sign-in page, where it signs in as TEST_ADMIN the way a user does.
 */
export async function openDashboard(page: Page, url: string): Promise<void> {
  await page.goto(url);
  if (new URL(page.url()).pathname === '/login') await signInThroughPage(page, TEST_ADMIN);
  await waitUntilLive(page, 20_000);
}

/** Fills in and submits the sign-in form, then waits for the dashboard. */
export async function signInThroughPage(
  page: Page,
  credentials: { username: string; password: string },
): Promise<void> {
  await page.getByLabel('Username').fill(credentials.username);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname === '/', { timeout: 15_000 });
}

/** The watchlist section (its table, its "Add ticker" box and its messages). */
export function watchlist(page: Page): Locator {
  return page.getByRole('region', { name: 'Watchlist' });
}

/** The table row of a market, by the symbol in its row header ("DOGE/USDT"). */
export function row(page: Page, symbol: string): Locator {
  const name = new RegExp(`^${escapeRegExp(symbol)}(\\s|$)`);
  return watchlist(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name }) });
}

/**
 * Every market row's texts, read in one task of the page, so all rows come from the same render. Columns are
 * found by their header, so a reordered table still reads right.
 */
export function readRows(page: Page): Promise<RowValues[]> {
  return watchlist(page)
    .getByRole('table')
    .evaluate((table: HTMLTableElement) => {
      const headers = [...(table.tHead?.rows[0]?.cells ?? [])].map((cell) => cell.textContent?.trim() ?? '');
      const text = (r: HTMLTableRowElement, header: string) =>
        (r.cells[headers.indexOf(header)]?.textContent ?? '').replace(/[▲▼]/g, '').trim();
      return [...(table.tBodies[0]?.rows ?? [])]
        .filter((r) => r.querySelector('th[scope="row"]'))
        .map((r) => ({
          symbol: r.querySelector('th[scope="row"] > span')?.textContent?.trim() ?? '',
          last: text(r, 'Last'),
          bid: text(r, 'Bid'),
          ask: text(r, 'Ask'),
          change: text(r, '24h %'),
        }));
    });
}

/** The symbols of the rows, in order. */
export async function rowSymbols(page: Page): Promise<string[]> {
  return (await readRows(page)).map((r) => r.symbol);
}

/** The last price a row shows ("—" while unknown, null without the row). */
export async function lastPrice(page: Page, symbol: string): Promise<string | null> {
  return (await readRows(page)).find((r) => r.symbol === symbol)?.last ?? null;
}

/** Waits until a row shows a last price other than the one it shows now: the prices are moving. */
export async function expectPriceTicks(page: Page, symbol: string, timeoutMs = 6_000): Promise<void> {
  const before = await lastPrice(page, symbol);
  await expect
    .poll(() => lastPrice(page, symbol), {
      timeout: timeoutMs,
      interval: 100,
      message: `${symbol}'s last price moves (was ${before})`,
    })
    .not.toBe(before);
  expect(await lastPrice(page, symbol)).toMatch(/^[\d,]+(\.\d+)?$/);
}

/** How long the page takes to run a trivial script: a page stuck in a long task answers late. */
export async function responseTime(page: Page): Promise<number> {
  const started = performance.now();
  await page.evaluate(() => 1);
  return performance.now() - started;
}

/**
 * For a test file: returns `watch(page)`, which listens to a page for uncaught errors, unhandled rejections and
 * console errors. After each test the file fails with what any watched page reported since the last check, and
 * after the file with what came later. Console errors matching `expected` (tested against `console.error <text>
 * (<url>)`, e.g. the browser's own line for a refused request the test makes on purpose) are let be.
 */
export function watchPages(expected: RegExp[] = []): (page: Page) => Page {
  const reported: string[] = [];
  const check = () => {
    const found = reported.splice(0);
    if (found.length > 0) throw new Error(`the page reported errors:\n${found.join('\n')}`);
  };
  afterEach(check);
  afterAll(check);
  return (page) => {
    page.on('pageerror', (error) => reported.push(`uncaught ${error.stack ?? error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const line = `console.error ${message.text()} (${message.location().url || page.url()})`;
      if (!expected.some((e) => e.test(line))) reported.push(line);
    });
    return page;
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The Age column of every market row ("3 s"), in order; apart from readRows because ages change by themselves. */
export function rowAges(page: Page): Promise<string[]> {
  return watchlist(page)
    .getByRole('table')
    .evaluate((table: HTMLTableElement) => {
      const headers = [...(table.tHead?.rows[0]?.cells ?? [])].map((cell) => cell.textContent?.trim() ?? '');
      return [...(table.tBodies[0]?.rows ?? [])]
        .filter((r) => r.querySelector('th[scope="row"]'))
        .map((r) => (r.cells[headers.indexOf('Age')]?.textContent ?? '').trim());
    });
}
