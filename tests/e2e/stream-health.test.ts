/** What a user sees of each stream's freshness (protocol F4-F7): its row's flag, the chart header, the feed chip. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startDemoExchange } from '../../server/feeds/demo';
import type { DemoExchange } from '../../server/feeds/demo';
import { startKrakenExchange } from '../../server/feeds/demo/kraken/index';
import type { SimulatedExchange } from '../../server/feeds/demo/venue';
import { launchBrowser } from '../support/browser';
import type { ServerProcess } from '../support/server-process';
import { startServerProcess } from '../support/server-process';
import { connect, request, signIn, TEST_ADMIN } from '../support/stack';
import { openDashboard, row, watchPages } from './dashboard-page';

// `npm start` against a simulated Binance and a simulated Kraken, reached as real ones would be (`id@url`).
let binance: DemoExchange | undefined;
let kraken: SimulatedExchange | undefined;
let server: ServerProcess | undefined;
let browser: Browser | undefined;
let page: Page;

/** The flag a market's row shows (`''` when none), by symbol and exchange name. */
function flag(symbol: string, exchange: string) {
  return row(page, symbol).filter({ hasText: exchange }).locator('th span').last();
}

// Every page of this file fails it with an uncaught error or a console error (dashboard-page.ts).
const watch = watchPages();

beforeAll(async () => {
  binance = await startDemoExchange({ seed: 5, tickMs: 250 });
  kraken = await startKrakenExchange({ seed: 5, tickMs: 250 });
  // Kraken refuses ETH/USD as it refuses a pair it does not support; DOGE/USD gives one price, then no trade.
  kraken.faults.refuseSymbol('ETH/USD');
  kraken.faults.quiet('DOGE/USD');
  server = await startServerProcess({
    demo: false,
    env: { EXCHANGES: `binance@${binance.url},kraken@${kraken.url}` },
  });
  const target = { url: server.url, cookie: await signIn(server.url, TEST_ADMIN) };
  const socket = await connect(target);
  for (const stream of ['kraken:ETH/USD', 'kraken:DOGE/USD', 'kraken:BTC/USD'])
    expect((await request(socket, 'watchlist:add', { stream })).ok).toBe(true);
  socket.disconnect();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  watch(page);
  await openDashboard(page, server.url);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await binance?.close();
  await kraken?.close();
});

describe('stream freshness in the browser', () => {
  it('[F7] a stream Kraken refuses says so on its row, then shows a price by polling', async () => {
    const eth = flag('ETH/USD', 'Kraken');
    await expect.poll(() => eth.textContent(), { timeout: 15_000 }).toMatch(/^(No price|Polled)$/);
    await expect.poll(() => eth.textContent(), { timeout: 15_000 }).toBe('Polled');
    expect(await row(page, 'ETH/USD').getAttribute('title')).toMatch(/priced by polling/);
    expect(await row(page, 'ETH/USD').locator('td').nth(1).textContent()).toMatch(/\d/);
  }, 40_000);

  it('[F5] a market without trades on a healthy Kraken connection is Quiet, not stale, with its price', async () => {
    const doge = flag('DOGE/USD', 'Kraken');
    await expect.poll(() => doge.textContent(), { timeout: 20_000 }).toBe('Quiet');
    expect(await row(page, 'DOGE/USD').getAttribute('title')).toMatch(/connection healthy/);
    // The trading market beside it is live: no flag at all.
    expect(await row(page, 'BTC/USD').locator('th span').count()).toBe(2);
  }, 30_000);

  it('[F4] a frozen Binance: its rows and the chart header say Stale within 5 s, the others stay live', async () => {
    await row(page, 'BTC/USDT').click();
    binance?.faults.stall();
    const frozenAt = Date.now();
    await expect.poll(() => flag('BTC/USDT', 'Binance').textContent(), { timeout: 5_000 }).toMatch(/stale/i);
    expect(Date.now() - frozenAt).toBeLessThanOrEqual(5_000);
    const header = page.getByRole('region', { name: 'BTC/USDT' }).locator('header');
    await expect.poll(() => header.textContent()).toMatch(/Feed stale/);
    expect(await row(page, 'BTC/USD').locator('th span').count()).toBe(2);
    binance?.faults.resume();
    await expect.poll(() => row(page, 'BTC/USDT').locator('th span').count(), { timeout: 10_000 }).toBe(2);
  }, 30_000);
});
