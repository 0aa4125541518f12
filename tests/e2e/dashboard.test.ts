import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ServerProcess } from '../support/server-process';
import { startServerProcess } from '../support/server-process';
import { launchBrowser } from '../support/browser';
import { signIn, TEST_ADMIN } from '../support/stack';
import {
  connectionState,
  DEMO_ROWS,
  expectPriceTicks,
  lastPrice,
  openDashboard,
  row,
  rowAges,
  rowSymbols,
  waitUntilLive,
  watchlist,
  watchPages,
} from './dashboard-page';

// The dashboard of `npm run demo` in headless Chromium, driven the way a user drives it.
const SCREENSHOT = fileURLToPath(new URL('../../docs/screenshot.png', import.meta.url));
const SCREENSHOT_LIGHT = fileURLToPath(new URL('../../docs/screenshot-light.png', import.meta.url));

let server: ServerProcess | undefined;
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;

// Every page of this file fails it with an uncaught error or a console error (dashboard-page.ts).
const watch = watchPages();

beforeAll(async () => {
  server = await startServerProcess({ demo: true });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  watch(page);
  await openDashboard(page, server.url);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function watchlistApi(): Promise<string[]> {
  const cookie = await signIn(server?.url ?? '', TEST_ADMIN);
  const response = await fetch(`${server?.url}/api/v1/watchlist`, { headers: { cookie } });
  return ((await response.json()) as { streams: string[] }).streams;
}

describe('the dashboard of npm run demo', () => {
  it('[F2] says the prices are simulated, shows them live, and they tick', async () => {
    const banner = page.getByRole('banner');
    await banner.getByText('Simulated', { exact: true }).waitFor({ state: 'visible' });
    await banner.getByText('prices are not real').waitFor({ state: 'visible' });
    expect(await connectionState(page).textContent()).toBe('Live');
    await expect.poll(() => rowSymbols(page)).toEqual(DEMO_ROWS);
    await expectPriceTicks(page, 'BTC/USDT');
  });

  it('[K2] draws the first market in candles, and its tick line when asked', async () => {
    const chart = page.getByRole('region', { name: 'BTC/USDT' });
    const candles = chart.getByRole('application', { name: /^BTC\/USDT 15m candles on Binance$/ });
    await candles.waitFor({ timeout: 10_000 });
    await candles.locator('g.candle').nth(9).waitFor({ timeout: 10_000 });
    await chart.getByRole('group', { name: 'Chart type' }).getByRole('button', { name: 'Line' }).click();
    const plot = chart.getByRole('application', { name: /^BTC\/USDT price/ });
    await plot.waitFor({ timeout: 10_000 });
    // A line through at least two prices: a move-to and a line-to in one path.
    await expect
      .poll(() => plot.locator('path').evaluateAll((paths) => paths.map((p) => p.getAttribute('d') ?? '')), {
        timeout: 10_000,
      })
      .toContainEqual(expect.stringMatching(/^M[\d.,\s-]+L[\d.,\s-]+/));
    await chart.getByRole('group', { name: 'Chart type' }).getByRole('button', { name: 'Candles' }).click();
    await candles.locator('g.candle').nth(9).waitFor({ timeout: 10_000 });
  });

  it('[W1] adds a ticker typed into "Add ticker"; it survives a reload and a removal sticks', async () => {
    const input = page.getByLabel('Add ticker');
    await input.fill('DOGE/USDT');
    await input.press('Enter');
    const doge = row(page, 'DOGE/USDT');
    await doge.waitFor({ timeout: 10_000 });
    // The row can come (the watchlist's broadcast) a moment before the request's answer empties the field.
    await expect.poll(() => input.inputValue()).toBe('');
    // Subscribed too, not only listed: its price arrives.
    await expect.poll(() => lastPrice(page, 'DOGE/USDT'), { timeout: 10_000 }).toMatch(/\d/);
    expect(await watchlistApi()).toContain('binance:DOGE/USDT');

    await page.reload();
    await waitUntilLive(page);
    await doge.waitFor({ timeout: 10_000 });
    expect(await rowSymbols(page)).toEqual([...DEMO_ROWS, 'DOGE/USDT']);

    await doge.getByRole('button', { name: 'Remove DOGE/USDT (Binance)' }).click();
    await doge.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await watchlistApi()).not.toContain('binance:DOGE/USDT');
    await page.reload();
    await waitUntilLive(page);
    // Live comes after the watchlist is in the page, so the rows are final here.
    expect(await rowSymbols(page)).toEqual(DEMO_ROWS);
  });

  it('[R3] refuses an unknown ticker with a clear message and changes nothing', async () => {
    const input = page.getByLabel('Add ticker');
    await input.fill('FOO/USDT');
    await input.press('Enter');
    const alert = watchlist(page)
      .getByRole('alert')
      .filter({ hasText: /FOO\/USDT/ });
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.textContent()).toMatch(/no market "FOO\/USDT"/i);
    expect(await rowSymbols(page)).toEqual(DEMO_ROWS);
    expect(await watchlistApi()).not.toContain('binance:FOO/USDT');
    // The text stays, so it can be corrected.
    expect(await input.inputValue()).toBe('FOO/USDT');

    await watchlist(page).getByRole('button', { name: 'Dismiss message' }).click();
    await alert.waitFor({ state: 'detached' });
    await input.fill('');
  });

  it('[W1] another tab sees a ticker added and removed in this one, without a reload', async () => {
    const other = await context.newPage();
    watch(other);
    try {
      await openDashboard(other, server?.url ?? '');
      const input = page.getByLabel('Add ticker');
      await input.fill('ADA/USDT');
      await input.press('Enter');
      await row(page, 'ADA/USDT').waitFor({ timeout: 10_000 });

      const ada = row(other, 'ADA/USDT');
      await ada.waitFor({ timeout: 10_000 });
      // The other tab subscribed to it as well: its price arrives there.
      await expect.poll(() => lastPrice(other, 'ADA/USDT'), { timeout: 10_000 }).toMatch(/\d/);

      await ada.getByRole('button', { name: 'Remove ADA/USDT (Binance)' }).click();
      await row(page, 'ADA/USDT').waitFor({ state: 'detached', timeout: 10_000 });
      expect(await rowSymbols(page)).toEqual(DEMO_ROWS);
    } finally {
      await other.close();
    }
  });

  it('ages ticks by the server clock, so a browser clock 5 minutes fast shows no skew', async () => {
    const skewed = await context.newPage();
    watch(skewed);
    try {
      // The page's own clock runs 5 minutes ahead of the server's (a laptop with a wrong clock).
      await skewed.addInitScript(() => {
        const real = Date.now.bind(Date);
        Date.now = () => real() + 300_000;
      });
      await openDashboard(skewed, server?.url ?? '');
      await expectPriceTicks(skewed, 'BTC/USDT');
      const ages = await rowAges(skewed);
      // Ticking markets are seconds old; by the page's own clock they would be "5 min".
      for (const age of ages) expect(age).toMatch(/^\d s$/);
      const feedHealth = skewed.getByRole('list', { name: 'Exchange feeds' });
      expect(await feedHealth.textContent()).toMatch(/last tick \d s ago/);
    } finally {
      await skewed.close();
    }
  });

  it('follows the system’s light or dark preference, and a theme chosen in the account panel over reloads', async () => {
    const themed = await context.newPage();
    watch(themed);
    const background = () => themed.evaluate(() => getComputedStyle(document.body).backgroundColor);
    try {
      await themed.emulateMedia({ colorScheme: 'light' });
      await openDashboard(themed, server?.url ?? '');
      await expect.poll(background).toBe('rgb(243, 245, 248)');
      const choose = async (name: string) => {
        await themed.getByRole('button', { name: /^Account/ }).click();
        await themed.getByRole('group', { name: 'Theme' }).getByRole('button', { name }).click();
        await themed.keyboard.press('Escape');
      };
      await choose('Dark');
      await expect.poll(background).toBe('rgb(11, 14, 20)');
      // Set before the first paint: the attribute is there when the document is parsed, before any script runs.
      await themed.reload({ waitUntil: 'domcontentloaded' });
      expect(await themed.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await expect.poll(background).toBe('rgb(11, 14, 20)');
      await waitUntilLive(themed);
      // The account panel shows the choice kept, not the server's default.
      await themed.getByRole('button', { name: /^Account/ }).click();
      const dark = themed.getByRole('group', { name: 'Theme' }).getByRole('button', { name: 'Dark' });
      await expect.poll(() => dark.getAttribute('aria-pressed')).toBe('true');
      await themed.keyboard.press('Escape');
      await choose('System');
      await expect.poll(background).toBe('rgb(243, 245, 248)');
      await themed.emulateMedia({ colorScheme: 'dark' });
      await expect.poll(background).toBe('rgb(11, 14, 20)');
    } finally {
      await themed.close();
    }
  });

  it.runIf(process.env.UPDATE_SCREENSHOT === '1')(
    'writes docs/screenshot.png and docs/screenshot-light.png (1280x1400) when UPDATE_SCREENSHOT=1',
    async () => {
      // A small portfolio, so the picture shows the Portfolio panel at work.
      const cookie = await signIn(server?.url ?? '', TEST_ADMIN);
      const csv = [
        'time,type,asset,quantity,price,quote_currency,fee,fee_currency',
        '2026-01-02T10:00:00Z,buy,BTC,0.25,61000,USDT,5,USDT',
        '2026-01-05T10:00:00Z,buy,ETH,3,3200,USDT,2,USDT',
        '2026-02-01T10:00:00Z,buy,SOL,40,140,USDT,1,USDT',
        '2026-03-01T10:00:00Z,sell,ETH,1,3600,USDT,1,USDT',
      ].join('\n');
      const imported = await fetch(`${server?.url}/api/v1/transactions.csv`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'text/csv' },
        body: csv,
      });
      expect(imported.status).toBe(201);
      await page.setViewportSize({ width: 1280, height: 1400 });
      await page.reload();
      await waitUntilLive(page);
      await expect.poll(() => rowSymbols(page)).toEqual(DEMO_ROWS);
      // A chart of candles with the live one on the right.
      await page.locator('g.candle').nth(60).waitFor({ timeout: 30_000 });
      await page.locator('g.candle[data-live="true"]').first().waitFor({ timeout: 30_000 });
      await page.mouse.move(0, 799);
      // Headless Chromium's system preference is light: each theme is asked for by name.
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: SCREENSHOT });
      await page.emulateMedia({ colorScheme: 'light' });
      await page.screenshot({ path: SCREENSHOT_LIGHT });
    },
    45_000,
  );
});
