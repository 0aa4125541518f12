import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import type { ServerProcess } from '../support/server-process';
import { startServerProcess } from '../support/server-process';
import { openDashboard, watchPages } from './dashboard-page';

// The portfolio as a user keeps it: transactions entered on /transactions, watched live on the dashboard.
let server: ServerProcess | undefined;
let browser: Browser | undefined;
let page: Page;

// Every page of this file fails it with an uncaught error or a console error (dashboard-page.ts).
// The browser's own lines for the transactions and imports the server refuses on purpose ([P2], [P4]).
const watch = watchPages([
  /status of 400 \(Bad Request\) \(http:\/\/[^/]+\/api\/v1\/transactions(\.csv|\/[\w-]+)?\)$/,
]);

beforeAll(async () => {
  server = await startServerProcess({
    demo: true,
    env: { DEMO_TICK_MS: '250', PORTFOLIO_SNAPSHOT_SECONDS: '1' },
  });
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  watch(page);
  await openDashboard(page, server.url);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const history = () => page.getByRole('region', { name: /^Transaction history/ });
const portfolio = () => page.getByRole('region', { name: 'Portfolio' });
const number = (text: string | null | undefined) => Number((text ?? '').replace(/[^\d.-]/g, ''));

async function addTransaction(fields: Record<string, string>, type = 'Buy'): Promise<void> {
  await page.getByLabel('Type').selectOption({ label: type });
  for (const [label, value] of Object.entries(fields))
    await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Add transaction' }).click();
}

describe('the portfolio in the browser', () => {
  it('[P1] a buy entered on the Transactions page is listed', async () => {
    await page.goto(`${server?.url}/transactions`);
    await addTransaction({
      Asset: 'btc',
      Quantity: '0.5',
      Price: '60000',
      Fee: '10',
      'Date and time': '2026-01-02T10:00:00',
    });
    await page.getByRole('status').filter({ hasText: 'Added buy 0.5 BTC.' }).waitFor();
    await history().getByRole('row').filter({ hasText: 'BTC' }).waitFor();
  });

  it('[P2] a sell above the holding is refused with the reason, and nothing is listed', async () => {
    await addTransaction({ Asset: 'BTC', Quantity: '2', Price: '70000' }, 'Sell');
    const alert = page.getByRole('alert').filter({ hasText: /only 0\.5 BTC is held/ });
    await alert.waitFor();
    expect(await history().getByRole('row').filter({ hasText: 'Sell' }).count()).toBe(0);
  });

  it('[P4] a CSV import adds every row, and a file with a bad line adds none and names it', async () => {
    const header = 'time,type,asset,quantity,price,quote_currency,fee,fee_currency';
    const good = `${header}\n2026-01-05T10:00:00Z,buy,ETH,2,3000,USDT,0,USDT\n2026-01-06T10:00:00Z,sell,BTC,0.1,65000,USDT,1,USDT\n`;
    const file = page.getByLabel('CSV file to import');
    await file.setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Imported 2 transactions from good.csv.' }).waitFor();
    await page.getByRole('heading', { name: 'Transaction history (3)' }).waitFor();

    const bad = `${header}\n2026-01-07T10:00:00Z,buy,SOL,ten,150,USDT,0,USDT\n`;
    await file.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /line 2: quantity: / })
      .waitFor();
    expect(await page.getByRole('heading', { name: 'Transaction history (3)' }).count()).toBe(1);
  });

  it('[P2] the buy a later sell needs cannot be deleted', async () => {
    const buy = history().getByRole('row').filter({ hasText: 'BTC' }).filter({ hasText: 'Buy' });
    await buy.getByRole('button', { name: /^Delete buy BTC/ }).click();
    await page.getByRole('button', { name: /^Confirm delete buy BTC/ }).click();
    // The server names the sell that needs it.
    await history()
      .getByRole('alert')
      .filter({ hasText: /sell of BTC/ })
      .waitFor();
    await page.getByRole('heading', { name: 'Transaction history (3)' }).waitFor();
  });

  it('[P3] the dashboard values the holdings at the live price and the total ticks', async () => {
    await page.getByRole('link', { name: 'Back to dashboard' }).click();
    const panel = portfolio();
    const btc = panel.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^BTC/ }) });
    await btc.waitFor({ timeout: 15_000 });
    // 0.5 bought, 0.1 sold: 0.4 held, worth 0.4 × the live price shown beside it.
    const cells = async () => (await btc.getByRole('cell').allTextContents()).map((t) => t.trim());
    await expect.poll(async () => (await cells())[0]).toBe('0.4');
    const [, price, value] = await btc.getByRole('cell').allTextContents();
    expect(number(value)).toBeCloseTo(0.4 * number(price), 1);
    const total = panel.getByRole('definition').first();
    const first = await total.textContent();
    await expect.poll(() => total.textContent(), { timeout: 10_000 }).not.toBe(first);
    await panel.getByRole('img', { name: /^Allocation chart: / }).waitFor();
  });

  it('[P6] draws the recorded value history once there are two records', async () => {
    const line = portfolio().getByRole('img', { name: /^Portfolio value from / });
    await line.waitFor({ timeout: 20_000 });
    expect(await line.locator('polyline').count()).toBe(1);
  });

  it("[P5] the portfolio can be valued in EUR through the exchange's EUR/USDT market", async () => {
    const panel = portfolio();
    await panel.getByLabel('Currency').selectOption('EUR');
    const total = panel.getByRole('definition').first();
    await expect.poll(() => total.textContent(), { timeout: 10_000 }).toMatch(/EUR$/);
    // 0.4 BTC and 2 ETH are worth less in EUR than in USDT (1 EUR > 1 USDT on the demo exchange).
    const inEur = number(await total.textContent());
    await panel.getByLabel('Currency').selectOption('USDT');
    await expect.poll(() => total.textContent(), { timeout: 10_000 }).toMatch(/USDT$/);
    expect(number(await total.textContent())).toBeGreaterThan(inEur);
  });
  it('[P8] an account added on the Accounts page is renamed, lists its own transactions, and is deleted', async () => {
    await page.goto(`${server?.url}/accounts`);
    const list = page.getByRole('region', { name: /^Your accounts/ });
    await list.getByText('Main').waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Ledger');
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByRole('status').filter({ hasText: 'Added Ledger.' }).waitFor();
    await list.getByRole('button', { name: 'Rename Ledger' }).click();
    await list.getByLabel('New name for Ledger').fill('Cold wallet');
    await list.getByRole('button', { name: 'Save' }).click();
    await list.getByRole('link', { name: 'Cold wallet' }).click();
    // The history of the new account alone: empty, while Main holds the buys above.
    await page.waitForURL(/\/transactions\?account=/);
    await expect.poll(() => history().getByLabel('Account').inputValue()).not.toBe('');
    await history().getByText('No transactions yet').waitFor();
    await history().getByLabel('Account').selectOption({ label: 'All accounts' });
    await history().getByRole('row').filter({ hasText: 'BTC' }).first().waitFor();
    expect(await history().getByRole('cell', { name: 'Main' }).count()).toBeGreaterThan(0);
    await page.goto(`${server?.url}/accounts`);
    await list.getByRole('button', { name: 'Delete Cold wallet' }).click();
    await list.getByRole('button', { name: 'Confirm delete' }).click();
    await page.getByRole('status').filter({ hasText: 'Deleted Cold wallet.' }).waitFor();
    expect(await list.getByRole('button', { name: 'Delete Main' }).isDisabled()).toBe(true);
  });
});
