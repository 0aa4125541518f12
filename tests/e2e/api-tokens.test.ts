import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import type { ServerProcess } from '../support/server-process';
import { startServerProcess } from '../support/server-process';
import { openDashboard, watchPages } from './dashboard-page';

// The API tokens page as a user meets it: made from the account menu, shown once, used by a program outside
// the browser, revoked. The page's own refusal lines are none: every request here succeeds.
let server: ServerProcess | undefined;
let browser: Browser | undefined;
let page: Page;
const watch = watchPages();

beforeAll(async () => {
  server = await startServerProcess({ demo: true });
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  page = watch(await context.newPage());
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const url = () => server?.url ?? '';
const portfolioWith = (token: string) =>
  fetch(`${url()}/api/v1/portfolio`, { headers: { authorization: `Bearer ${token}` } });

describe('API tokens in the browser', () => {
  let secret = '';

  it('[A9] a token made on the page is shown once, copied, and reads the portfolio with curl', async () => {
    await openDashboard(page, url());
    await page.getByRole('button', { name: /^Account/ }).click();
    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.waitForURL((u) => u.pathname === '/tokens');
    await page.getByText('No tokens yet.', { exact: false }).waitFor();
    await page.getByLabel('Name').fill('Grafana');
    await page.getByLabel('Expires').selectOption({ label: 'In 30 days' });
    await page.getByRole('button', { name: 'Create token' }).click();
    const shown = page.getByRole('region', { name: 'Copy your new token now' });
    await shown.waitFor();
    const field = shown.getByRole('textbox');
    secret = await field.inputValue();
    expect(secret).toMatch(/^lfp_[A-Za-z0-9_-]{43}$/);
    // The token has the focus, so it can be copied by keyboard as well.
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    await shown.getByRole('button', { name: 'Copy', exact: true }).click();
    await shown.getByRole('button', { name: 'Copied', exact: true }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await expect.poll(() => shown.locator('code').textContent()).toContain(`Bearer ${secret}`);

    const res = await portfolioWith(secret);
    expect(res.status).toBe(200);
    expect(await res.json()).toHaveProperty('assets');
  });

  it('[A9] after a reload the token is listed by name, access and last use, and never shown again', async () => {
    await page.reload();
    const item = page.getByRole('listitem').filter({ hasText: 'Grafana' });
    await item.waitFor();
    await expect.poll(() => item.textContent()).toMatch(/Read only/);
    await expect.poll(() => item.textContent()).toMatch(/Last used/);
    expect(await item.textContent()).toContain(`…${secret.slice(-4)}`);
    expect(await page.content()).not.toContain(secret);
  });

  it('[A9] fits a phone: no sideways scrolling with a new token shown', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByLabel('Name').fill('Home Assistant');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByRole('region', { name: 'Copy your new token now' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('[A10] a revoked token is refused at once', async () => {
    await page.getByRole('button', { name: 'Revoke Grafana' }).click();
    await page.getByRole('button', { name: 'Revoke token' }).click();
    await page.getByText('Revoked Grafana.').waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: 'Grafana' }).count()).toBe(0);
    const res = await portfolioWith(secret);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: { code: 'UNAUTHORIZED', message: 'This token is unknown, revoked or expired.' },
    });
  });
});
