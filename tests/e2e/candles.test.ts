import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startDemoExchange } from '../../server/feeds/demo';
import type { DemoExchange } from '../../server/feeds/demo';
import type { ServerProcess } from '../support/server-process';
import { startServerProcess } from '../support/server-process';
import { launchOnDashboard, openDashboard, row, watchPages } from './dashboard-page';

// The market chart as a trader uses it: candles of a timeframe with volume, the live last candle, the readout
// under the pointer, switching timeframes and back to the tick line, and the line with the reason when the
// exchange gives no candles.
let demo: DemoExchange | undefined;
let server: ServerProcess | undefined;
let browser: Browser | undefined;
let page: Page;
// The exchange refusing candles on purpose: the page logs the 503 of the history request.
const watch = watchPages([/status of 503 \(Service Unavailable\) \(http:\/\/[^/]+\/api\/v1\/candles\?/]);

beforeAll(async () => {
  demo = await startDemoExchange({ seed: 5, tickMs: 250 });
  server = await startServerProcess({ demo: false, env: { EXCHANGES: `binance@${demo.url}` } });
  ({ browser, page } = await launchOnDashboard(server.url, watch));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await demo?.close();
});

const timeframe = (tf: string) =>
  page.getByRole('group', { name: 'Timeframe' }).getByRole('button', { name: tf, exact: true });
const readout = () => page.getByTestId('candle-readout');
const candles = () => page.locator('g.candle');

describe('the candle chart', () => {
  it('[K2][K5] draws candles with volume on the default timeframe, the last one live and moving', async () => {
    await candles().nth(30).waitFor({ timeout: 20_000 });
    expect(await timeframe('15m').getAttribute('aria-pressed')).toBe('true');
    await page.locator('g.candle[data-live="true"]').first().waitFor();
    // Without a pointer on the chart the readout shows the live candle; its close follows the ticks.
    await expect
      .poll(() => readout().textContent())
      .toMatch(/O [\d,.]+H [\d,.]+L [\d,.]+C [\d,.]+V [\d.]+[KMB]?live$/);
    const before = await readout().textContent();
    await expect.poll(() => readout().textContent(), { timeout: 10_000 }).not.toBe(before);
  });

  it('[H4][K1] every timeframe draws its own candles, and a timeframe shown before comes back at once', async () => {
    const counts: Record<string, number> = {};
    for (const tf of ['1m', '5m', '1h', '4h', '1d', '1w']) {
      await timeframe(tf).click();
      await expect.poll(() => timeframe(tf).getAttribute('aria-pressed')).toBe('true');
      await page.locator('g.candle').nth(4).waitFor({ timeout: 20_000 });
      counts[tf] = await candles().count();
    }
    expect(Object.values(counts).every((n) => n >= 5)).toBe(true);
    // Held in the page: back to 1m, the candles are there without a "Loading" in between.
    const started = Date.now();
    await timeframe('1m').click();
    await candles().nth(4).waitFor({ timeout: 2_000 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await page.getByText(/Loading 1m candles/).count()).toBe(0);
  });

  it('shows the O/H/L/C/V of the candle under the pointer', async () => {
    const box = await page.locator('svg.candle-surface').boundingBox();
    if (!box) throw new Error('no chart surface');
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
    await expect.poll(() => readout().textContent()).not.toMatch(/live$/);
    await page.mouse.move(box.x + box.width + 40, box.y - 40);
  });

  it('[K5] at phone width: wide candles, a swipe pans to older ones, two fingers zoom, a tap shows the crosshair', async () => {
    const context = await (browser as Browser).newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    try {
      const phone = watch(await context.newPage());
      await openDashboard(phone, server?.url ?? '');
      const shown = phone.locator('g.candle');
      await shown.nth(20).waitFor({ timeout: 20_000 });
      const wide = await shown.count();
      // About 8 px a candle on a 390 px screen, not the 90 of a desktop.
      expect(wide).toBeLessThan(60);
      const box = await phone.locator('svg.candle-surface').boundingBox();
      if (!box) throw new Error('no chart surface');
      const cdp = await context.newCDPSession(phone);
      const y = box.y + box.height * 0.5;
      const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', xs: number[]) =>
        cdp.send('Input.dispatchTouchEvent', {
          type,
          touchPoints: xs.map((x, id) => ({ x, y, id })),
        });
      const readout = phone.getByTestId('candle-readout');
      await expect.poll(() => readout.textContent()).toMatch(/live$/);
      // A swipe to the right: older candles come in from the left and the live one leaves the view.
      await touch('touchStart', [box.x + 60]);
      for (let x = 80; x <= 260; x += 20) await touch('touchMove', [box.x + x]);
      await touch('touchEnd', []);
      await expect.poll(() => readout.textContent()).not.toMatch(/live$/);
      // Two fingers moving apart zoom in: fewer candles, each wider.
      const middle = box.x + box.width / 2;
      await touch('touchStart', [middle - 30, middle + 30]);
      for (let d = 40; d <= 120; d += 10) await touch('touchMove', [middle - d, middle + d]);
      await touch('touchEnd', []);
      await expect.poll(() => shown.count()).toBeLessThan(wide);
      // A tap: the crosshair and that candle's figures.
      await phone.touchscreen.tap(box.x + box.width * 0.3, y);
      // Attached, not "visible": a vertical line has no width for the visibility check.
      await phone.locator('g.crosshair line').first().waitFor({ state: 'attached' });
      await expect
        .poll(() => readout.textContent())
        // The day as the browser's locale writes it ("Dec 3" in en-US, "3 Dec" in en-GB), then the clock.
        .toMatch(
          /^(\w{3} \d{1,2}|\d{1,2} \w{3}) \d\d:\d\dO [\d,.]+H [\d,.]+L [\d,.]+C [\d,.]+V [\d.]+[KMB]?$/,
        );
    } finally {
      await context.close();
    }
  });

  it('switches to the tick line and back, and remembers the choice over a reload', async () => {
    await page.getByRole('group', { name: 'Chart type' }).getByRole('button', { name: 'Line' }).click();
    await page.locator('.recharts-area').first().waitFor();
    expect(await candles().count()).toBe(0);
    await page.reload();
    await page.locator('.recharts-area').first().waitFor({ timeout: 20_000 });
    expect(await page.getByRole('button', { name: 'Line' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Candles' }).click();
    await candles().nth(4).waitFor({ timeout: 20_000 });
  });

  it('an exchange that refuses candles: the chart says so and falls back to the tick line', async () => {
    // A market whose candles nobody has asked for yet, so the server must ask the exchange.
    demo?.faults.httpErrors(503);
    try {
      await row(page, 'ETH/USDT').click();
      const said = page.getByRole('status').filter({ hasText: /No 1m candles from Binance/ });
      await said.waitFor({ timeout: 20_000 });
      expect(await said.textContent()).toMatch(/Showing the live tick line instead\.$/);
      await page.locator('.recharts-area').first().waitFor();
    } finally {
      demo?.faults.clearHttpErrors();
    }
  });
});
