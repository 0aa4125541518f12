import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_BINANCE_KEY, DEMO_BINANCE_SECRET } from '../../server/feeds/demo/binance-account';
import { launchBrowser } from '../support/browser';
import type { ServerProcess } from '../support/server-process';
import { startServerProcess } from '../support/server-process';
import { waitFor } from '../support/stack';
import { openDashboard, watchPages } from './dashboard-page';

// A portfolio synced from the simulated Binance as a user sees it: an opening balance of unknown cost said as
// such on the dashboard and on the Transactions page, and income entered without a price.
let server: ServerProcess | undefined;
let browser: Browser | undefined;
let page: Page;
const watch = watchPages();

beforeAll(async () => {
  server = await startServerProcess({ demo: true, env: { DEMO_TICK_MS: '250' } });
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = watch(await context.newPage());
  await openDashboard(page, server.url);
  const added = await page.request.post(`${server.url}/api/v1/connections`, {
    data: { exchange: 'binance', name: 'Binance', apiKey: DEMO_BINANCE_KEY, secret: DEMO_BINANCE_SECRET },
  });
  expect(added.status()).toBe(201);
  const { id } = ((await added.json()) as { connection: { id: string } }).connection;
  await waitFor(
    async () =>
      (
        (await (await page.request.get(`${server?.url}/api/v1/connections/${id}`)).json()) as {
          connection: { state: string };
        }
      ).connection.state === 'ok',
    60_000,
    'the sync',
  );
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const portfolio = () => page.getByRole('region', { name: 'Portfolio' });
const holding = (asset: string) =>
  portfolio()
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${asset}`) }) });

/** The number at the end of "▲ +4.22 pts", "▼ −0.26 %" or "0.00 pts". */
const signed = (text: string) => {
  const found = /(−)?(\d+\.\d\d) (pts|%)$/u.exec(text.trim());
  if (!found) throw new Error(`no figure in "${text}"`);
  return (found[1] ? -1 : 1) * Number(found[2]);
};

describe('a synced portfolio in the browser', () => {
  it("[P9][P3] says the opening balance's cost is unknown rather than showing a gain, and values cash at 1", async () => {
    await page.goto(server?.url ?? '');
    await holding('ARB').getByText('Cost unknown').waitFor();
    await expect
      .poll(async () => (await holding('USDT').getByRole('cell').nth(1).textContent())?.trim())
      .toBe('1.00');
    expect(await holding('BTC').getByText('Cost unknown').count()).toBe(0);
  });

  it('[P9] marks the opening balance on the Transactions page', async () => {
    await page.goto(`${server?.url}/transactions`);
    const history = page.getByRole('region', { name: /^Transaction history/ });
    const opening = history.getByRole('row').filter({ hasText: 'ARB' });
    await opening.getByText('Cost unknown', { exact: true }).waitFor();
    expect(await opening.count()).toBe(1);
  });

  it('[P1] income entered without a price gets the market price of its minute', async () => {
    const form = page.getByRole('region', { name: /^(Add|Edit) transaction/ });
    await form.getByLabel('Type').selectOption({ label: 'Staking reward' });
    await form.getByLabel('Asset', { exact: true }).fill('ETH');
    await form.getByLabel('Quantity', { exact: true }).fill('0.01');
    await form.getByLabel('Exchange (optional)').fill('binance');
    await form.getByRole('button', { name: 'Add transaction' }).click();
    await form.getByRole('status').filter({ hasText: /Added/ }).waitFor();
    const transactions = (await (await page.request.get(`${server?.url}/api/v1/transactions`)).json()) as {
      transactions: Array<{ type: string; price: string; asset: string; externalId?: string | null }>;
    };
    // The synced SOL staking rewards carry the exchange's ids; the one entered here has none.
    const staking = transactions.transactions.filter((t) => t.type === 'staking' && !t.externalId);
    expect(staking).toEqual([expect.objectContaining({ asset: 'ETH' })]);
    expect(Number(staking[0]?.price)).toBeGreaterThan(0);
  });

  it('[P11] the value history shows the time-weighted return of its range beside BTC and ETH', async () => {
    await page.goto(server?.url ?? '');
    const ranges = portfolio().getByRole('group', { name: 'Value history range' });
    await ranges.waitFor({ timeout: 30_000 });
    for (const range of ['1M', '1Y']) {
      await ranges.getByRole('button', { name: range }).click();
      const figures = portfolio().getByLabel('Performance over the range');
      await figures
        .getByText(/^Return \(time-weighted\) (▲ \+|▼ −)?\d+\.\d\d %$/)
        .waitFor({ timeout: 20_000 });
      await figures.getByText(/^BTC (▲ \+|▼ −)?\d+\.\d\d %$/).waitFor();
      await figures.getByText(/^ETH (▲ \+|▼ −)?\d+\.\d\d %$/).waitFor();
    }
    // Each asset's part of the return, in points, and the rest: together the return shown above.
    const table = portfolio().getByRole('table', { name: 'Contribution to the return' });
    await table.waitFor({ timeout: 20_000 });
    const rows = await table.getByRole('row').allInnerTexts();
    expect(rows[0]).toMatch(/^(BTC|ETH|SOL|BNB)\s+(▲ \+|▼ −)?\d+\.\d\d pts$/);
    expect(rows.at(-1)).toMatch(/^Trades, fees, income\s+(▲ \+|▼ −)?\d+\.\d\d pts$/);
    const sum = rows.reduce((total, row) => total + signed(row), 0);
    const figures = portfolio().getByLabel('Performance over the range');
    const twr = signed(await figures.getByText(/^Return \(time-weighted\)/).innerText());
    expect(Math.abs(sum - twr)).toBeLessThan(0.05);
  });
});
