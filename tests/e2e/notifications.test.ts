import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startWebhookReceiver } from '../support/alert-stand-ins/webhook-receiver';
import type { WebhookReceiver } from '../support/alert-stand-ins/webhook-receiver';
import type { ServerProcess } from '../support/server-process';
import { startServerProcess } from '../support/server-process';
import { openDashboard, watchPages } from './dashboard-page';

// The Notifications page as a user meets it: a webhook added (its signing secret shown once), a test that arrives
// signed, and a fired alert that reaches the receiver with no tab needed. The receiver runs on this machine, so
// the server is started with ALERT_PRIVATE_TARGETS=true, as a self-hosted setup with a local receiver would be.
let server: ServerProcess | undefined;
let browser: Browser | undefined;
let receiver: WebhookReceiver;
let page: Page;
const watch = watchPages();

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  server = await startServerProcess({ demo: true, env: { ALERT_PRIVATE_TARGETS: 'true' } });
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = watch(await context.newPage());
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await receiver?.close();
});

const url = () => server?.url ?? '';

describe('alert channels in the browser', () => {
  it('[N9] a webhook added on the page shows its signing secret once', async () => {
    await openDashboard(page, url());
    await page.getByRole('button', { name: /^Account/ }).click();
    await page.getByRole('link', { name: 'Notifications' }).click();
    await page.waitForURL((u) => u.pathname === '/notifications');
    await page.getByText('No channels yet.', { exact: false }).waitFor();
    await page.getByLabel('Kind').selectOption({ label: 'Webhook' });
    await page.getByLabel('Name').fill('Home server');
    await page.getByLabel('URL').fill(`${receiver.url}/hooks/livefolio`);
    await page.getByRole('button', { name: 'Add channel' }).click();
    const shown = page.getByRole('region', { name: 'Copy the signing secret now' });
    await shown.waitFor();
    receiver.secret = await shown.getByRole('textbox').inputValue();
    expect(receiver.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    await shown.getByRole('button', { name: 'I have copied it' }).click();
    await page.reload();
    await page.getByRole('listitem', { name: 'Home server' }).waitFor();
    expect(await page.content()).not.toContain(receiver.secret);
  });

  it('[N11] "Send test" arrives signed, and the page says it was delivered', async () => {
    await page.getByRole('button', { name: 'Send a test message to Home server' }).click();
    const [hook] = await receiver.received.atLeast(1);
    expect(hook).toMatchObject({ event: 'channel.test', verified: true, status: 204 });
    await page.getByText('Test delivered.').waitFor({ timeout: 15_000 });
  });

  it('[N1] a fired alert reaches the receiver, signed, with nothing but the server involved', async () => {
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const set = await fetch(`${url()}/api/v1/alerts`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: url() },
      body: JSON.stringify({ stream: 'binance:BTC/USDT', condition: 'above', price: '0.00000001' }),
    });
    expect(set.status).toBe(201);
    const hooks = await receiver.received.atLeast(2);
    const alert = hooks.find((h) => h.event === 'alert.triggered');
    expect(alert?.verified).toBe(true);
    expect(String(alert?.body.text)).toMatch(/^BTC\/USDT on binance is above 0\.00000001 \(last [\d.]+\)$/);
  });

  it('[N8] fits a phone: no sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole('listitem', { name: 'Home server' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
