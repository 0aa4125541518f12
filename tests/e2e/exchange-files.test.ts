import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ServerProcess } from '../support/server-process';
import { startServerProcess } from '../support/server-process';
import { api } from '../support/stack';
import { launchOnDashboard, watchPages } from './dashboard-page';

// The exchanges' own files as a user brings them (docs/imports.md): chosen on /transactions, read back on /reports.
let server: ServerProcess | undefined;
let browser: Browser | undefined;
let page: Page;

// The browser's own line for the file the server refuses on purpose ([P4]).
const watch = watchPages([
  /status of 400 \(Bad Request\) \(http:\/\/[^/]+\/api\/v1\/transactions\.csv\?[^)]*\)$/,
]);

beforeAll(async () => {
  // The demo's three simulated exchanges, so every file's pairs are split by its own exchange's markets.
  server = await startServerProcess({ demo: true, env: { DEMO_TICK_MS: '250' } });
  ({ browser, page } = await launchOnDashboard(server.url, watch));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const FILES = 'tests/fixtures/exports';
const csvPanel = () => page.getByRole('region', { name: 'Import and export' });

/** Chooses a sample export and a format, imports it, and returns what the panel then says. */
async function importThroughPanel(name: string, format = 'Told from the file', account = 'As the file says') {
  const panel = csvPanel();
  await panel.getByLabel('CSV file to import').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: readFileSync(`${FILES}/${name}`),
  });
  await panel.getByLabel('Format').selectOption({ label: format });
  await panel.getByLabel('Into account').selectOption({ label: account });
  await panel.getByRole('button', { name: 'Import', exact: true }).click();
  const said = panel.getByRole('status').or(panel.getByRole('alert')).filter({ hasText: /\S/ });
  await said.first().waitFor();
  return (await said.first().textContent()) ?? '';
}

describe('the exchanges’ own files in the browser', () => {
  it('[P4] each exchange’s sample export imports into an account named after it, with what it did in words', async () => {
    await page.goto(`${server?.url}/transactions`);
    await csvPanel().waitFor();
    expect(await importThroughPanel('coinbase-transaction-history.csv')).toBe(
      'Imported 14 rows from coinbase-transaction-history.csv (Coinbase transaction history) into Coinbase.',
    );
    expect(await importThroughPanel('kraken-ledgers.csv', 'Kraken ledgers export')).toBe(
      'Imported 14 rows from kraken-ledgers.csv (Kraken ledgers export) into Kraken; 4 rows that move nothing left out.',
    );
    expect(await importThroughPanel('binance-trade-history.csv')).toBe(
      'Imported 9 rows from binance-trade-history.csv (Binance trade history) into Binance.',
    );
    // The accounts the imports made are offered at once, in the history's filter and as a target.
    const history = page.getByRole('region', { name: /^Transaction history/ });
    await expect
      .poll(async () => history.getByLabel('Account').locator('option').allTextContents())
      .toEqual(expect.arrayContaining(['Coinbase', 'Kraken', 'Binance']));
  });

  it('[P4] the same file again books nothing, and a file of another format than chosen is refused whole', async () => {
    expect(await importThroughPanel('binance-trade-history.csv', 'Told from the file', 'Binance')).toBe(
      'Imported 0 rows from binance-trade-history.csv (Binance trade history) into Binance; 9 rows already booked skipped.',
    );
    const refused = await importThroughPanel('binance-trade-history.csv', 'Kraken ledgers export');
    expect(refused).toMatch(/^line 1: this file is a Binance trade history/);
    expect(refused).toMatch(/Kraken/);
  });

  it('[P10] the report of the imported year lists their disposals by account and downloads as CSV', async () => {
    await page.goto(`${server?.url}/reports?year=2025&method=fifo&longTermDays=365`);
    const gains = page.getByRole('region', { name: /^Realized gains/ });
    await gains.getByRole('table').waitFor();
    const text = (await gains.getByRole('table').innerText()).replace(/\s+/g, ' ');
    for (const account of ['Coinbase', 'Kraken', 'Binance']) expect(text).toContain(account);
    const income = page.getByRole('region', { name: /^Income/ });
    expect((await income.getByRole('table').innerText()).replace(/\s+/g, ' ')).toMatch(/Staking/);

    const href = await page.getByRole('link', { name: 'Download gains CSV' }).getAttribute('href');
    const cookie = (await page.context().cookies(server?.url)).map((c) => `${c.name}=${c.value}`).join('; ');
    const res = await api({ url: server?.url ?? '', cookie }, href ?? '');
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split('\n');
    const shown = Number(
      /\((\d+)\)/.exec((await gains.getByRole('heading').first().textContent()) ?? '')?.[1],
    );
    expect(lines).toHaveLength(shown + 1);
    for (const account of ['Coinbase', 'Kraken', 'Binance']) expect(lines.join('\n')).toContain(account);
  });
});
