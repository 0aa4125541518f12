import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import type { ServerProcess } from '../support/server-process';
import { startServerProcess } from '../support/server-process';
import { TEST_ADMIN } from '../support/stack';
import { waitUntilLive, watchPages } from './dashboard-page';

// The sign-in page without Next.js's client runtime: its own script signs in through the API (busy while it runs,
// the server's or the network's failure said in the alert), and without any script the form posts and still signs
// in. Refusals are on purpose here: the browser's lines for them are expected.
let server: ServerProcess | undefined;
let browser: Browser | undefined;
const watch = watchPages([
  /status of 401 \(Unauthorized\) \(http:\/\/[^/]+\/api\/v1\/auth\/login\)$/,
  /net::ERR_FAILED/,
]);

beforeAll(async () => {
  server = await startServerProcess({ demo: true });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await (browser as Browser).newContext({
    viewport: { width: 1280, height: 800 },
    ...options,
  });
  return watch(await context.newPage());
}

const url = () => server?.url ?? '';

describe('the sign-in page', () => {
  it('is server-rendered with no framework script, only its own, kept for good under a hashed name', async () => {
    const html = await (await fetch(`${url()}/login`)).text();
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en">/);
    expect(html).toContain('<title data-next-head="">Sign in · Livefolio</title>');
    const scripts = [...html.matchAll(/<script[^>]* src="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(scripts).toHaveLength(1);
    const [script] = scripts as [string];
    expect(script).toMatch(/^\/assets\/login-form\.[A-Z0-9]+\.js$/);
    expect(html).not.toContain('/_next/static/chunks/turbopack');
    const res = await fetch(`${url()}${script}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('[A2] says "Signing in…" while busy, and the network failure in the alert, the password in focus', async () => {
    const page = await newPage();
    await page.goto(`${url()}/login`);
    let hold!: (route: Route) => void;
    const held = new Promise<Route>((resolve) => (hold = resolve));
    await page.route('**/api/v1/auth/login', (route) => hold(route));
    await page.getByLabel('Username').fill(TEST_ADMIN.username);
    await page.getByLabel('Password').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const route = await held;
    const busy = page.getByRole('button', { name: 'Signing in…' });
    await busy.waitFor();
    expect(await busy.isDisabled()).toBe(true);
    await route.abort('failed');
    await page
      .getByRole('alert')
      .filter({ hasText: 'Could not reach the server. Check the connection and try again.' })
      .waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('password');
    expect(await page.getByRole('button', { name: 'Sign in' }).isEnabled()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.context().close();
  });

  it('[A2] signs in through the API and goes on to the page asked for', async () => {
    const page = await newPage();
    await page.goto(`${url()}/users`);
    expect(new URL(page.url()).search).toBe('?next=%2Fusers');
    await page.getByLabel('Username').fill(`  ${TEST_ADMIN.username} `);
    await page.getByLabel('Password').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => u.pathname === '/users');
    // Signed in, the sign-in page sends to the dashboard.
    await page.goto(`${url()}/login`);
    await waitUntilLive(page, 20_000);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.context().close();
  });

  it('[A2] without JavaScript the form posts: a refusal is worded on the page, then it signs in', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${url()}/users`);
    await page.getByLabel('Username').fill(TEST_ADMIN.username);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong username or password.' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByLabel('Username').fill(TEST_ADMIN.username);
    await page.getByLabel('Password').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => u.pathname === '/users');
    const cookies = await page.context().cookies();
    expect(cookies.map((c) => c.name)).toContain('livefolio_session');
    await page.context().close();
  });
});
