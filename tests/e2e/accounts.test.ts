import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startDemoExchange } from '../../server/feeds/demo';
import type { DemoExchange } from '../../server/feeds/demo';
import { launchBrowser } from '../support/browser';
import type { ServerProcess } from '../support/server-process';
import { startServerProcess } from '../support/server-process';
import {
  expectPriceTicks,
  row,
  rowSymbols,
  signInThroughPage,
  waitUntilLive,
  watchlist,
  watchPages,
} from './dashboard-page';

// `npm start` as a new installation meets it: no account yet, nobody signed in. The exchange is the demo one,
// reached through the `@url` form, as any real exchange would be.
const ROOT = { username: 'root', password: 'root-password-1' };
const BOB = { username: 'bob', password: 'bob-password-1' };
const DEFAULT_ROWS = ['BTC/USDT', 'ETH/USDT', 'SOL/USDT'];

let demo: DemoExchange | undefined;
let server: ServerProcess | undefined;
let browser: Browser | undefined;
let rootContext: BrowserContext;
let root: Page;
let bobContext: BrowserContext;
let bob: Page;

// Every page of this file fails it with an uncaught error or a console error (dashboard-page.ts), except the
// browser's own line for the sign-in refused on purpose ([A2]).
const watch = watchPages([/status of 401 \(Unauthorized\) \(http:\/\/[^/]+\/api\/v1\/auth\/login\)$/]);

beforeAll(async () => {
  demo = await startDemoExchange({ seed: 3, tickMs: 250 });
  server = await startServerProcess({
    demo: false,
    env: { EXCHANGES: `binance@${demo.url}`, ADMIN_USERNAME: undefined, ADMIN_PASSWORD: undefined },
  });
  browser = await launchBrowser();
  rootContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  root = await rootContext.newPage();
  bobContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  bob = await bobContext.newPage();
  watch(root);
  watch(bob);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await demo?.close();
});

describe('accounts in the browser', () => {
  it('[A5] a new installation asks for the first account, then shows the dashboard', async () => {
    await root.goto(server?.url ?? '');
    expect(new URL(root.url()).pathname).toBe('/setup');
    await root.getByLabel('Username').fill(ROOT.username);
    await root.getByLabel('Password', { exact: true }).fill(ROOT.password);
    await root.getByLabel('Confirm password').fill('something-else');
    await root.getByRole('button', { name: 'Create account' }).click();
    await root.getByRole('alert').filter({ hasText: /match/i }).waitFor();
    await root.getByLabel('Confirm password').fill(ROOT.password);
    await root.getByRole('button', { name: 'Create account' }).click();
    await root.waitForURL((u) => u.pathname === '/');
    await waitUntilLive(root, 20_000);
    await expect.poll(() => rowSymbols(root)).toEqual(DEFAULT_ROWS);
  });

  it('[A6] the admin adds a user on the Users page', async () => {
    await root.getByRole('button', { name: /^Account/ }).click();
    await root.getByRole('link', { name: 'Users' }).click();
    await root.waitForURL((u) => u.pathname === '/users');
    await root.getByLabel('Username').fill(BOB.username);
    await root.getByLabel('Password', { exact: true }).fill(BOB.password);
    await root.getByRole('button', { name: 'Add user' }).click();
    await root.getByText('Added bob.').waitFor();
    await root.getByRole('listitem').filter({ hasText: 'bob' }).waitFor();
    await root.goto(server?.url ?? '');
    await waitUntilLive(root);
  });

  it('[A2] a wrong password is refused on the sign-in page with a clear message', async () => {
    await bob.goto(server?.url ?? '');
    expect(new URL(bob.url()).pathname).toBe('/login');
    await bob.getByLabel('Username').fill(BOB.username);
    await bob.getByLabel('Password').fill('not-the-password');
    await bob.getByRole('button', { name: 'Sign in' }).click();
    await bob.getByRole('alert').filter({ hasText: 'Wrong username or password.' }).waitFor();
    expect(new URL(bob.url()).pathname).toBe('/login');
  });

  it("[A7] a second user sees none of the first one's watchlist changes", async () => {
    await signInThroughPage(bob, BOB);
    await waitUntilLive(bob);
    await expect.poll(() => rowSymbols(bob)).toEqual(DEFAULT_ROWS);
    const input = root.getByLabel('Add ticker');
    await input.fill('DOGE/USDT');
    await input.press('Enter');
    await row(root, 'DOGE/USDT').waitFor({ timeout: 10_000 });
    // Bob's prices move twice after the change was made: a watchlist:changed sent to his tab then would have come
    // before them, on the same connection.
    await expectPriceTicks(bob, 'BTC/USDT');
    await expectPriceTicks(bob, 'BTC/USDT');
    expect(await rowSymbols(bob)).toEqual(DEFAULT_ROWS);
    await bob.reload();
    await waitUntilLive(bob);
    expect(await rowSymbols(bob)).toEqual(DEFAULT_ROWS);
    expect(await bob.getByRole('link', { name: 'Users' }).count()).toBe(0);
  });

  it('[A8] markup typed into the page is shown as text, never run', async () => {
    const attack = '<img src=x onerror="window.__pwned=1">';
    const input = bob.getByLabel('Add ticker');
    await input.fill(attack);
    await input.press('Enter');
    const alert = watchlist(bob).getByRole('alert');
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.textContent()).toContain(attack);
    expect(await bob.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await watchlist(bob).locator('img').count()).toBe(0);
  });

  it('[A4] signing out ends the session: back to sign-in, and the dashboard stays closed', async () => {
    await root.getByRole('button', { name: /^Account/ }).click();
    await root.getByRole('button', { name: 'Sign out' }).click();
    // The page may be on its way somewhere when sign-out sends it to /login: waitForURL then fails on the aborted
    // navigation, so the address it ends on is what is awaited.
    await expect.poll(() => new URL(root.url()).pathname, { timeout: 10_000 }).toBe('/login');
    await root.goto(server?.url ?? '');
    expect(new URL(root.url()).pathname).toBe('/login');
    // Bob's session is his own and goes on.
    await waitUntilLive(bob);
  });
});
