import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import type { ServerProcess } from '../support/server-process';
import { startServerProcess } from '../support/server-process';
import { openDashboard, waitUntilLive, watchPages } from './dashboard-page';

// A portfolio kept in several accounts as a user keeps it: transfers entered in the Transactions form, holdings
// read account by account in the dashboard's Portfolio panel.
let server: ServerProcess | undefined;
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
const accountIds = new Map<string, string>();

const watch = watchPages();

beforeAll(async () => {
  server = await startServerProcess({ demo: true, env: { DEMO_TICK_MS: '250' } });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = watch(await context.newPage());
  await openDashboard(page, server.url);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const form = () => page.getByRole('region', { name: /^(Add|Edit) transaction/ });
const history = () => page.getByRole('region', { name: /^Transaction history/ });
const portfolio = () => page.getByRole('region', { name: 'Portfolio' });
const number = (text: string | null | undefined) => Number((text ?? '').replace(/[^\d.-]/g, ''));
// The text of a select's chosen option: what the user sees in it.
const chosen = (select: Locator) =>
  select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');

async function addAccount(name: string): Promise<void> {
  const response = await page.request.post(`${server?.url}/api/v1/accounts`, { data: { name } });
  expect(response.status()).toBe(201);
  accountIds.set(name, ((await response.json()) as { account: { id: string } }).account.id);
}

async function fill(fields: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(fields))
    await form().getByLabel(label, { exact: true }).fill(value);
}

// The BTC row of the holdings table, its cells' texts.
async function btcCells(): Promise<string[]> {
  const row = portfolio()
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: /^BTC/ }) });
  return (await row.getByRole('cell').allTextContents()).map((t) => t.trim());
}

describe('portfolio accounts in the browser', () => {
  it('[P8] with one account the form still shows it, and a transfer says it needs a second one', async () => {
    await page.goto(`${server?.url}/transactions`);
    const account = form().getByLabel('Account', { exact: true });
    await expect.poll(() => chosen(account)).toBe('Main');
    await form().getByLabel('Type').selectOption({ label: 'Transfer' });
    const note = form().getByRole('alert').filter({ hasText: 'you have one' });
    await note.waitFor();
    expect(await note.getByRole('link', { name: 'Add a second account' }).getAttribute('href')).toBe(
      '/accounts',
    );
    await fill({ Asset: 'BTC', Quantity: '0.1', Price: '60000' });
    await form().getByRole('button', { name: 'Add transaction' }).click();
    // Not sent: the focus goes where the problem is fixed.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Add a second account');
    expect(await page.getByRole('heading', { name: 'Transaction history (0)' }).count()).toBe(1);
  });

  it("[P1] a new transaction goes to the account the page's filter shows, else the oldest", async () => {
    await addAccount('Ledger');
    await addAccount('Cold storage');
    await page.goto(`${server?.url}/transactions?account=${accountIds.get('Ledger')}`);
    const account = form().getByLabel('Account', { exact: true });
    await expect.poll(() => chosen(account)).toBe('Ledger');
    await history().getByLabel('Account').selectOption({ label: 'All accounts' });
    await expect.poll(() => chosen(account)).toBe('Main');
    await history().getByLabel('Account').selectOption({ label: 'Cold storage' });
    await expect.poll(() => chosen(account)).toBe('Cold storage');
    // The user's own pick wins until the filter changes again.
    await account.selectOption({ label: 'Main' });
    await fill({ Asset: 'BTC', Quantity: '0.5', Price: '60000', 'Date and time': '2026-01-02T10:00:00' });
    await form().getByRole('button', { name: 'Add transaction' }).click();
    await form().getByRole('status').filter({ hasText: 'Added buy 0.5 BTC.' }).waitFor();
    // Booked in Main, so the list of Cold storage stays empty.
    await history().getByText('No transactions yet').waitFor();
    await history().getByLabel('Account').selectOption({ label: 'All accounts' });
    await history().getByRole('row').filter({ hasText: 'BTC' }).getByRole('cell', { name: 'Main' }).waitFor();
  });

  it('[P1] a transfer to the account it leaves is shown as an error by its field, and nothing is sent', async () => {
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/api/v1/transactions')) posts.push(r.url());
    });
    await form().getByLabel('Type').selectOption({ label: 'Transfer' });
    await fill({ Asset: 'BTC', Quantity: '0.2', Price: '65000', 'Date and time': '2026-01-05T10:00:00' });
    const to = form().getByLabel('To account');
    await form().getByRole('button', { name: 'Add transaction' }).click();
    await form().getByRole('alert').filter({ hasText: 'Choose the account the coins go to.' }).waitFor();
    await expect.poll(() => to.evaluate((e) => e === document.activeElement)).toBe(true);
    await to.selectOption({ label: 'Main' });
    await form().getByRole('alert').filter({ hasText: 'Choose an account other than Main' }).waitFor();
    expect(await to.getAttribute('aria-invalid')).toBe('true');
    await form().getByRole('button', { name: 'Add transaction' }).click();
    await expect.poll(() => to.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(posts).toEqual([]);
  });

  it('[P1] a transfer entered in the form moves the holding to the other account', async () => {
    await form().getByLabel('To account').selectOption({ label: 'Ledger' });
    expect(await form().getByRole('alert').filter({ hasText: 'Choose' }).count()).toBe(0);
    await form().getByRole('button', { name: 'Add transaction' }).click();
    await form().getByRole('status').filter({ hasText: 'Added transfer 0.2 BTC.' }).waitFor();
    const row = history().getByRole('row').filter({ hasText: 'Transfer' });
    await row.getByRole('cell', { name: 'Main → Ledger' }).waitFor();

    // Editing it starts from its own two accounts.
    await row.getByRole('button', { name: /^Edit transfer BTC/ }).click();
    await page.getByRole('heading', { name: 'Edit transaction' }).waitFor();
    expect(await chosen(form().getByLabel('From account'))).toBe('Main');
    expect(await chosen(form().getByLabel('To account'))).toBe('Ledger');
    await form().getByRole('button', { name: 'Cancel edit' }).click();
  });

  it('[P3] the Portfolio panel shows each account on its own, ticking live like the total', async () => {
    await page.getByRole('link', { name: 'Back to dashboard' }).click();
    const select = portfolio().getByLabel('Account');
    await expect.poll(async () => (await btcCells())[0], { timeout: 15_000 }).toBe('0.5');
    await select.selectOption({ label: 'Ledger' });
    await expect.poll(async () => (await btcCells())[0]).toBe('0.2');
    const [, price, value] = await btcCells();
    expect(number(value)).toBeCloseTo(0.2 * number(price), 1);
    const total = portfolio().getByRole('definition').first();
    const first = await total.textContent();
    await expect.poll(() => total.textContent(), { timeout: 10_000 }).not.toBe(first);
    await select.selectOption({ label: 'Main' });
    await expect.poll(async () => (await btcCells())[0]).toBe('0.3');
  });

  it('[P8] an empty account says so and links to its transactions; the choice outlives a reload', async () => {
    await portfolio().getByLabel('Account').selectOption({ label: 'Cold storage' });
    await portfolio().getByText('Nothing in Cold storage yet').waitFor();
    await page.reload();
    await portfolio().getByText('Nothing in Cold storage yet').waitFor({ timeout: 15_000 });
    expect(await chosen(portfolio().getByLabel('Account'))).toBe('Cold storage');
    await portfolio().getByRole('link', { name: 'add a transaction or a transfer to it' }).click();
    await page.waitForURL(/\/transactions\?account=/);
    await expect.poll(() => chosen(form().getByLabel('Account', { exact: true }))).toBe('Cold storage');
  });

  it("[P3] at phone width one account's holdings and the panel's controls fit the screen", async () => {
    const phone = await browser?.newContext({
      viewport: { width: 390, height: 844 },
      storageState: await context.storageState(),
    });
    const tab = watch((await phone?.newPage()) as Page);
    await tab.goto(server?.url ?? '');
    const panel = tab.getByRole('region', { name: 'Portfolio' });
    await panel.getByLabel('Account').selectOption({ label: 'Ledger' });
    await panel.getByRole('rowheader', { name: /^BTC/ }).waitFor({ timeout: 15_000 });
    // The header's "Connecting…" is wider than a phone for a moment; the page is measured as it settles.
    await waitUntilLive(tab);
    const widths = () =>
      tab.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    const [scroll, client] = await widths();
    expect(scroll).toBeLessThanOrEqual(client as number);
    await tab.goto(`${server?.url}/transactions`);
    await tab.getByRole('heading', { name: /^Transaction history \(\d+\)/ }).waitFor();
    const [scrollThere, clientThere] = await widths();
    expect(scrollThere).toBeLessThanOrEqual(clientThere as number);
    await phone?.close();
  });
});
