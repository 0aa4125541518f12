import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startDemoExchange } from '../../server/feeds/demo';
import type { DemoExchange } from '../../server/feeds/demo';
import {
  DEMO_BINANCE_KEY,
  DEMO_BINANCE_SECRET,
  DEMO_BINANCE_TRADING_KEY,
  DEMO_BINANCE_TRADING_SECRET,
} from '../../server/feeds/demo/binance-account';
import type { ServerProcess } from '../support/server-process';
import { startServerProcess } from '../support/server-process';
import { launchOnDashboard, watchPages } from './dashboard-page';

// Exchange connections as a user makes them on the Accounts page, against the simulated Binance's account,
// reached through the `@url` form as a real exchange would be.
let demo: DemoExchange | undefined;
let server: ServerProcess | undefined;
let browser: Browser | undefined;
let page: Page;

// Every page of this file fails it with an uncaught error or a console error (dashboard-page.ts), except the
// browser's own lines for the key and the sync the server refuses on purpose.
const watch = watchPages([
  /status of 400 \(Bad Request\) \(http:\/\/[^/]+\/api\/v1\/connections\)$/,
  /status of 429 \(Too Many Requests\) \(http:\/\/[^/]+\/api\/v1\/connections\/[\w-]+\/sync\)$/,
]);

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

const list = () => page.getByRole('region', { name: /^Your accounts/ });
const form = () => page.getByRole('region', { name: 'Connect an exchange' });
const history = () => page.getByRole('region', { name: /^Transaction history/ });

/** The list item of the account named `name`. */
function accountRow(name: string): Locator {
  return list()
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name, exact: true }) });
}

const badge = (row: Locator, text: string) => row.getByText(text, { exact: true });

/** The number in the row's "538 transactions". */
async function transactionCount(row: Locator): Promise<number> {
  const text = await row.getByText(/^[\d,]+ transactions?$/).textContent();
  return Number((text ?? '').replace(/\D/g, ''));
}

async function connect(name: string, apiKey: string, secret: string): Promise<void> {
  await form().getByLabel('Account name').fill(name);
  await form().getByLabel('API key').fill(apiKey);
  await form().getByLabel('API secret').fill(secret);
  await form().getByRole('button', { name: 'Connect' }).click();
}

/** Clicks "Sync now" and waits for the sync it started to be shown running, then done. */
async function syncNow(row: Locator, name: string): Promise<void> {
  await row.getByRole('button', { name: `Sync ${name} now` }).click();
  await badge(row, 'Syncing…').waitFor();
  await badge(row, 'Synced').waitFor({ timeout: 30_000 });
}

describe('exchange connections in the browser', () => {
  it('[P9] a read-only key is tested, then the new account syncs: Syncing, then Synced with what it found', async () => {
    await page.goto(`${server?.url}/accounts`);
    await accountRow('Main').waitFor();
    expect(await form().getByLabel('Exchange').inputValue()).toBe('binance');
    expect(await form().getByLabel('Account name').inputValue()).toBe('Binance');
    // The key test is held until its busy state has been seen.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let passed: Promise<void> = Promise.resolve();
    await page.route('**/api/v1/connections', (route) => {
      passed = held.then(() => route.continue());
      return passed;
    });
    await connect('Binance', DEMO_BINANCE_KEY, DEMO_BINANCE_SECRET);
    await form().getByRole('button', { name: 'Testing the key…' }).waitFor();
    await form().getByRole('status').filter({ hasText: 'Testing the key with Binance' }).waitFor();
    release();
    await passed;
    await page.unroute('**/api/v1/connections');

    await form().getByRole('status').filter({ hasText: 'Connected Binance' }).waitFor();
    const row = accountRow('Binance');
    await badge(row, 'Syncing…').waitFor();
    await badge(row, 'Synced').waitFor({ timeout: 30_000 });
    await row.getByText(/^\d+ added, 1 opening balance$/).waitFor();
    await row.getByText(/^Last synced (just now|\d+ s ago)/).waitFor();
    await row.getByText(/Next sync in 1[45] min/).waitFor();
    await row.getByText(`Key ••••${DEMO_BINANCE_KEY.slice(-4)}`).waitFor();
    await expect.poll(() => transactionCount(row)).toBeGreaterThan(0);
    expect(await row.getByText('Exchange', { exact: true }).count()).toBe(1);
    // The secret left the form, and no part of it is anywhere in the page.
    expect(await form().getByLabel('API secret').inputValue()).toBe('');
    expect(await form().getByLabel('API key').inputValue()).toBe('');
    expect(await page.content()).not.toContain(DEMO_BINANCE_SECRET);
  });

  it('[P9] the synced account’s transactions are on the Transactions page, its holdings in the Portfolio', async () => {
    const row = accountRow('Binance');
    const count = await transactionCount(row);
    await row.getByRole('link', { name: 'Transactions page' }).click();
    await page.waitForURL(/\/transactions\?account=/);
    await expect.poll(() => history().getByLabel('Account').inputValue()).not.toBe('');
    await page.getByRole('heading', { name: `Transaction history (${count})` }).waitFor();
    await history().getByRole('row').filter({ hasText: 'ARB' }).first().waitFor();

    await page.getByRole('link', { name: 'Back to dashboard' }).click();
    const portfolio = page.getByRole('region', { name: 'Portfolio' });
    const btc = portfolio.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^BTC/ }) });
    await btc.waitFor({ timeout: 15_000 });
    const held = async () => (await btc.getByRole('cell').first().textContent())?.replace(/,/g, '');
    await expect.poll(async () => Number(await held())).toBe(Number(demo?.account.balances().BTC));
  });

  it('[P9] a key the exchange refuses is said why, and no account is made', async () => {
    await page.goto(`${server?.url}/accounts`);
    await accountRow('Binance').waitFor();
    await list().getByRole('heading', { name: 'Your accounts (2)' }).waitFor();
    expect(await form().getByLabel('Account name').inputValue()).toBe('Binance 2');
    await connect('Binance 2', DEMO_BINANCE_KEY, 'not-the-secret');
    await form().getByRole('alert').filter({ hasText: 'Binance refused the API key' }).waitFor();
    expect(await form().getByLabel('Account name').inputValue()).toBe('Binance 2');
    expect(await form().getByLabel('API key').inputValue()).toBe(DEMO_BINANCE_KEY);
    expect(await form().getByLabel('API secret').inputValue()).toBe('');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('apiKey');
    await page.reload();
    await list().getByRole('heading', { name: 'Your accounts (2)' }).waitFor();
    expect(await accountRow('Binance 2').count()).toBe(0);
  });

  it('[P9] the form asks for a passphrase where keys have one, and takes any ccxt id', async () => {
    const passphrase = form().getByLabel(/^Passphrase/);
    expect(await passphrase.getAttribute('required')).toBeNull();
    await form().getByLabel('Exchange', { exact: true }).selectOption('okx');
    expect(await form().getByLabel('Account name').inputValue()).toBe('OKX');
    await form().getByLabel('Passphrase', { exact: true }).waitFor();
    expect(await passphrase.getAttribute('required')).not.toBeNull();
    await form()
      .getByLabel('Exchange', { exact: true })
      .selectOption({ label: 'Another exchange (ccxt id)…' });
    await form().getByLabel('Exchange id').fill('bitstamp');
    expect(await form().getByLabel('Account name').inputValue()).toBe('Bitstamp');
    await form().getByLabel('Exchange', { exact: true }).selectOption('binance');
    expect(await form().getByLabel('Exchange id').count()).toBe(0);
  });

  it('[P9] a key that can trade and withdraw is connected with a warning', async () => {
    await connect('Binance trading', DEMO_BINANCE_TRADING_KEY, DEMO_BINANCE_TRADING_SECRET);
    const row = accountRow('Binance trading');
    await row.getByText(/This key can withdraw funds from your Binance account/).waitFor();
    await row.getByText(/This key can trade on your Binance account/).waitFor();
    await badge(row, 'Synced').waitFor({ timeout: 30_000 });
    expect(
      await accountRow('Binance')
        .getByText(/This key can/)
        .count(),
    ).toBe(0);
  });

  it('[P9] Sync now books only what is new on the exchange, and is refused while one runs', async () => {
    const row = accountRow('Binance');
    const before = await transactionCount(row);
    demo?.account.addDeposit({ coin: 'USDT', amount: '250' });
    await row.getByRole('button', { name: 'Sync Binance now' }).click();
    await row.getByRole('button', { name: 'Sync Binance now', disabled: true }).waitFor();
    await badge(row, 'Syncing…').waitFor();
    await badge(row, 'Synced').waitFor({ timeout: 30_000 });
    await row.getByText('1 added, 1 opening balance', { exact: true }).waitFor();
    await row.getByRole('status').filter({ hasText: 'Sync finished: 1 added, 1 opening balance.' }).waitFor();
    await expect.poll(() => transactionCount(row)).toBe(before + 1);
    await row.getByRole('button', { name: 'Sync Binance now', disabled: false }).waitFor();
  });

  it('[P9] a failed sync says what went wrong and what to do, and the next good one clears it', async () => {
    const row = accountRow('Binance');
    demo?.account.faults.down();
    await row.getByRole('button', { name: 'Sync Binance now' }).click();
    await badge(row, 'Error').waitFor({ timeout: 30_000 });
    const failure = row.getByText('The exchange could not be reached', { exact: true });
    await failure.waitFor();
    await row.getByText(/^Binance could not be reached or is down .* nothing was changed/).waitFor();
    await row.getByText(/· last success (just now|\d+ s ago)/).waitFor();
    await row
      .getByRole('status')
      .filter({ hasText: 'Sync failed: The exchange could not be reached.' })
      .waitFor();
    demo?.account.faults.down(false);
    await syncNow(row, 'Binance');
    expect(await failure.count()).toBe(0);
  });

  it('[P9] past the limit of syncs asked for, Sync now says when to try again', async () => {
    const row = accountRow('Binance');
    const button = row.getByRole('button', { name: 'Sync Binance now' });
    // Syncs were asked for above; the limit is five per user.
    for (let asked = 0; ; asked++) {
      expect(asked).toBeLessThan(5);
      const answer = page.waitForResponse((r) => r.url().endsWith('/sync'));
      await button.click();
      if ((await answer).status() === 429) break;
      await badge(row, 'Syncing…').waitFor();
      await badge(row, 'Synced').waitFor({ timeout: 30_000 });
    }
    await row
      .getByRole('alert')
      .filter({ hasText: /Too many syncs asked for; try again in \d+ s/ })
      .waitFor();
    await badge(row, 'Synced').waitFor();
  });

  it('[P9] Disconnect, confirmed, keeps the account and its transactions as a manual account', async () => {
    const row = accountRow('Binance');
    const count = await transactionCount(row);
    await row.getByRole('button', { name: 'Disconnect Binance' }).click();
    await row
      .getByRole('group', { name: 'Disconnect Binance?' })
      .getByText(/transactions stay/)
      .waitFor();
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Disconnect Binance');
    await row.getByRole('button', { name: 'Disconnect Binance' }).click();
    await row.getByRole('button', { name: 'Confirm disconnect' }).click();
    await list().getByRole('status').filter({ hasText: 'Disconnected Binance from Binance' }).waitFor();
    await row.getByText('Manual', { exact: true }).waitFor();
    expect(await transactionCount(row)).toBe(count);
    expect(await row.getByRole('button', { name: /^Sync/ }).count()).toBe(0);
    await page.reload();
    await row.getByText('Manual', { exact: true }).waitFor();
    await badge(accountRow('Binance trading'), 'Synced').waitFor();
  });
});
