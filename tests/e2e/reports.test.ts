import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startDemoExchange } from '../../server/feeds/demo';
import type { DemoExchange } from '../../server/feeds/demo';
import { launchBrowser } from '../support/browser';
import type { ServerProcess } from '../support/server-process';
import { startServerProcess } from '../support/server-process';
import { TEST_ADMIN, api, send, signIn } from '../support/stack';
import type { Target } from '../support/stack';
import { watchPages } from './dashboard-page';

// The tax report as a user meets it: transactions entered through the API, the report read on /reports.
let demo: DemoExchange | undefined;
let server: ServerProcess | undefined;
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
let user: Target;

// Every page of this file fails it with an uncaught error or a console error (dashboard-page.ts), except the
// browser's own line for the report the server refuses on purpose.
const watch = watchPages([/status of 400 \(Bad Request\) \(http:\/\/[^/]+\/api\/v1\/reports\/tax\?/]);

// Last year, so that the page opens on it: the last complete year, with a disposal in it.
const YEAR = new Date().getUTCFullYear() - 1;
const BUY_1 = `${YEAR - 1}-01-01T00:00:00Z`;
const BUY_2 = `${YEAR}-02-01T00:00:00Z`;
const SELL = `${YEAR}-06-01T00:00:00Z`;
const days = (from: string, to: string) => Math.floor((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** A row of the gains table as readTable reads it: a piece of the sell, all in the account Main. */
function gainRow([quantity, acquired]: [string, string], money: [string, string, string], term: string) {
  const [proceeds, cost, gain] = money;
  const disposed = `${SELL.slice(0, 10)} Main`;
  return {
    Asset: 'BTC',
    Quantity: quantity,
    Acquired: `${acquired.slice(0, 10)} Main`,
    Disposed: disposed,
    Proceeds: proceeds,
    'Cost basis': cost,
    Gain: gain,
    'Days held': String(days(acquired, SELL)),
    Term: term,
  };
}

beforeAll(async () => {
  demo = await startDemoExchange({ seed: 5, tickMs: 250 });
  server = await startServerProcess({ demo: false, env: { EXCHANGES: `binance@${demo.url}` } });
  user = { url: server.url, cookie: await signIn(server.url, TEST_ADMIN) };
  const base = { asset: 'BTC', quoteCurrency: 'USDT', fee: '0', feeCurrency: 'USDT' };
  for (const entry of [
    { type: 'buy', quantity: '1', price: '100', time: BUY_1 },
    { type: 'buy', quantity: '1', price: '200', time: BUY_2 },
    { type: 'staking', quantity: '0.1', price: '250', time: `${YEAR}-03-01T00:00:00Z` },
    { type: 'sell', quantity: '1.5', price: '300', time: SELL },
  ]) {
    const added = await send(user, 'POST', '/api/v1/transactions', { ...base, ...entry });
    if (added.status !== 201) throw new Error(JSON.stringify(added.body));
  }
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = watch(await context.newPage());
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await demo?.close();
});

const region = (name: RegExp | string) => page.getByRole('region', { name });

/** Each body row of a table as { header: the text shown }, read in one task of the page. */
function readTable(table: Locator): Promise<Array<Record<string, string>>> {
  return table.evaluate((t: HTMLTableElement) => {
    const text = (cell: HTMLElement | undefined) => (cell?.innerText ?? '').replace(/\s+/g, ' ').trim();
    const headers = [...(t.tHead?.rows[0]?.cells ?? [])].map((c) => c.textContent?.trim() ?? '');
    return [...(t.tBodies[0]?.rows ?? [])].map((r) =>
      Object.fromEntries(headers.map((h, i) => [h, text(r.cells[i])])),
    );
  });
}

/** The Summary's figures as { term: definition }. */
function readSummary(): Promise<Record<string, string>> {
  return region('Summary')
    .locator('dl')
    .first()
    .evaluate((dl) =>
      Object.fromEntries(
        [...dl.querySelectorAll('div')].map((d) => [
          d.querySelector('dt')?.textContent?.trim() ?? '',
          d.querySelector('dd')?.textContent?.trim() ?? '',
        ]),
      ),
    );
}

const gainsTable = () => region(/^Realized gains/).getByRole('table');

describe('the tax report in the browser', () => {
  it('[P10] /reports asks to sign in, then opens on the last complete year with its gains lot by lot', async () => {
    await page.goto(`${server?.url}/reports`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByLabel('Username').fill(TEST_ADMIN.username);
    await page.getByLabel('Password').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => u.pathname === '/reports');

    await region(/^Realized gains \(2\)/).waitFor();
    expect(await page.getByLabel('Period').inputValue()).toBe(String(YEAR));
    expect(await page.getByLabel('Cost-basis method').inputValue()).toBe('fifo');
    expect(new URL(page.url()).search).toBe(`?year=${YEAR}&method=fifo&longTermDays=365`);
    await page.getByText(/not tax advice/).waitFor();
    await page.getByText(`FIFO cost basis · ${YEAR} (UTC)`, { exact: false }).waitFor();

    expect(await readTable(gainsTable())).toEqual([
      gainRow(['1', BUY_1], ['300.00', '100.00', '+200.00'], 'Long'),
      gainRow(['0.5', BUY_2], ['150.00', '100.00', '+50.00'], 'Short'),
    ]);
    expect(await readTable(region(/^Income/).getByRole('table'))).toEqual([
      {
        Date: `${YEAR}-03-01`,
        Type: 'Staking reward',
        Asset: 'BTC',
        Quantity: '0.1',
        Value: '25.00',
        Account: 'Main',
      },
    ]);
    expect(await readSummary()).toEqual({
      Proceeds: '450.00 USDT',
      'Cost basis': '200.00 USDT',
      Gain: '+250.00 USDT',
      'Short-term gain': '+50.00 USDT',
      'Long-term gain': '+200.00 USDT',
      Income: '25.00 USDT',
    });
  });

  it('[P10] under HIFO the sell draws the dearest lots first, and the address keeps the choice', async () => {
    await page.getByLabel('Cost-basis method').selectOption({ label: 'HIFO' });
    await region(/^Realized gains \(3\)/).waitFor();
    const rows = await readTable(gainsTable());
    expect(rows.map((r) => [r.Quantity, r['Cost basis'], r.Gain, r.Term])).toEqual([
      ['0.4', '40.00', '+80.00', 'Long'],
      ['1', '200.00', '+100.00', 'Short'],
      ['0.1', '25.00', '+5.00', 'Short'],
    ]);
    expect((await readSummary()).Gain).toBe('+185.00 USDT');
    await page.getByText(`HIFO cost basis · ${YEAR} (UTC)`, { exact: false }).waitFor();
    await page.reload();
    await region(/^Realized gains \(3\)/).waitFor();
    expect(await page.getByLabel('Cost-basis method').inputValue()).toBe('hifo');
  });

  it('[P10] the CSV link downloads the lines shown, with the header of the gains file', async () => {
    const link = page.getByRole('link', { name: 'Download gains CSV' });
    const href = await link.getAttribute('href');
    expect(href).toBe(`/api/v1/reports/tax.csv?year=${YEAR}&method=hifo&longTermDays=365&part=gains`);
    const cookie = (await context.cookies(server?.url)).map((c) => `${c.name}=${c.value}`).join('; ');
    const res = await api({ url: server?.url ?? '', cookie }, href ?? '');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="livefolio-gains-hifo-/);
    const lines = (await res.text()).trim().split('\n');
    expect(lines[0]).toBe(
      'asset,quantity,acquired,acquired_in,disposed,disposed_from,proceeds,cost_basis,gain,currency,held_days,term',
    );
    expect(lines).toHaveLength(4);
  });

  it('[P10] a long-term threshold typed in applies on Enter', async () => {
    const daysField = page.getByLabel('Long-term after (days)');
    await daysField.fill('100');
    await daysField.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('longTermDays') === '100');
    await expect
      .poll(async () => (await readTable(gainsTable())).map((r) => r.Term))
      .toEqual(['Long', 'Long', 'Short']);
  });

  it('[P10] a year with nothing realized says so in words', async () => {
    await page.getByLabel('Period').selectOption(String(YEAR + 1));
    await region('Summary')
      .getByText(`Nothing realized in ${YEAR + 1}: no disposals and no income in this period.`)
      .waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
  });

  it('[P10] a custom range covers its days, and a range the server refuses shows its message', async () => {
    await page.getByLabel('Period').selectOption({ label: 'Custom range…' });
    await page.getByLabel('From').fill(`${YEAR}-03-01`);
    await page.getByLabel('To').fill(`${YEAR}-03-01`);
    await page.getByRole('button', { name: 'Apply' }).click();
    await region(/^Income \(1\)/).waitFor();
    await region('Summary').getByText(`Nothing realized`).waitFor({ state: 'detached' });
    expect(await page.getByText('No disposals in this period.').count()).toBe(1);

    // Checked before asking: nothing is loaded, the report shown stays.
    await page.getByLabel('To').fill(`${YEAR}-02-28`);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('alert').filter({ hasText: 'The range ends before it starts' }).waitFor();
    await region(/^Income \(1\)/).waitFor();

    await page.goto(`${server?.url}/reports?from=${YEAR}-02-01&to=${YEAR}-01-01`);
    await page.getByRole('alert').filter({ hasText: 'to: must not be before from' }).waitFor();
  });

  it('[P10] hundreds of lines come a hundred at a time, with a count', async () => {
    const year = YEAR - 5;
    const header = 'time,type,asset,quantity,price,quote_currency,fee,fee_currency';
    const sells = Array.from({ length: 230 }, (_, i) => {
      const time = new Date(Date.UTC(year, 0, 2) + i * 3_600_000).toISOString();
      return `${time},sell,ETH,1,${2000 + i},USDT,0,USDT`;
    });
    const sol = [1, 2, 3].map((day) => `${year}-12-0${day}T00:00:00Z,sell,SOL,1,110,USDT,0,USDT`);
    const buys = [
      `${year}-01-01T00:00:00Z,buy,ETH,1000,1500,USDT,0,USDT`,
      `${year}-01-01T00:00:00Z,buy,SOL,10,100,USDT,0,USDT`,
    ];
    const csv = [header, ...buys, ...sells, ...sol].join('\n');
    const imported = await api(user, '/api/v1/transactions.csv', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });
    expect(imported.status).toBe(201);

    await page.goto(`${server?.url}/reports?year=${year}`);
    const gains = region(/^Realized gains \(233\)/);
    await gains.getByRole('status').filter({ hasText: '1–100 of 233 lines' }).waitFor();
    expect(await gains.locator('tbody tr').count()).toBe(100);
    await gains.getByRole('button', { name: 'Next ›' }).click();
    await gains.getByRole('status').filter({ hasText: '101–200 of 233 lines' }).waitFor();
    expect(await gains.locator('tbody tr').first().getByRole('cell').nth(3).textContent()).toBe('2,100.00');
    await gains.getByRole('button', { name: 'Next ›' }).click();
    await gains.getByRole('status').filter({ hasText: '201–233 of 233 lines' }).waitFor();
    expect(await gains.locator('tbody tr').count()).toBe(33);
    // Next on the last page leaves it there, with the focus on the button.
    await gains.getByRole('button', { name: 'Next ›' }).press('Enter');
    expect(
      await gains.getByRole('button', { name: 'Next ›' }).evaluate((b) => b === document.activeElement),
    ).toBe(true);
    await gains.getByRole('status').filter({ hasText: '201–233 of 233 lines' }).waitFor();
  });

  it('[P10] the gains of one asset, and what they come to', async () => {
    const gains = region(/^Realized gains/);
    await gains.getByLabel('Asset').selectOption({ label: 'SOL (3)' });
    await gains
      .getByRole('status')
      .filter({ hasText: /^3 lines$/ })
      .waitFor();
    expect((await readTable(gains.getByRole('table'))).map((r) => [r.Asset, r.Gain])).toEqual([
      ['SOL', '+10.00'],
      ['SOL', '+10.00'],
      ['SOL', '+10.00'],
    ]);
    await gains.getByText('Gain on SOL: +30.00 USDT').waitFor();
    await gains.getByLabel('Asset').selectOption({ label: 'All assets' });
    await gains.getByRole('status').filter({ hasText: '1–100 of 233 lines' }).waitFor();
  });

  it('[P10] on a phone the page fits the screen and the tables scroll inside their panels', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const gains = region(/^Realized gains/);
    await gains.getByRole('table').waitFor();
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      screen: window.innerWidth,
      panels: [...document.querySelectorAll('section')].map((s) => s.getBoundingClientRect().right),
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.screen);
    for (const right of widths.panels) expect(right).toBeLessThanOrEqual(widths.screen);
    const scroller = await gains.getByRole('table').evaluate((t) => {
      const box = t.parentElement as HTMLElement;
      return { scrolls: box.scrollWidth > box.clientWidth, overflow: getComputedStyle(box).overflowX };
    });
    expect(scroller).toEqual({ scrolls: true, overflow: 'auto' });
  });

  it('[P10] the account menu leads to the report', async () => {
    await page.goto(server?.url ?? '');
    await page.getByRole('button', { name: /^Account/ }).click();
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.waitForURL((u) => u.pathname === '/reports');
    await region(/^Realized gains/).waitFor();
  });
});
