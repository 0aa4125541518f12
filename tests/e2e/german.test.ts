import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CATALOGS } from '../../lib/i18n/catalogs';
import type { Message } from '../../lib/i18n/translate';
import { launchBrowser } from '../support/browser';
import type { ServerProcess } from '../support/server-process';
import { startServerProcess } from '../support/server-process';
import { TEST_ADMIN } from '../support/stack';
import { watchPages } from './dashboard-page';

// A browser set to German (Accept-Language and navigator.language de-DE) meets the whole product in German, with
// German numbers, and the account panel's Language choice switches it (docs/locales.md).

let server: ServerProcess | undefined;
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
const watch = watchPages();

const de = CATALOGS.de as unknown as Record<string, Record<string, Message>>;
const en = CATALOGS.en as unknown as Record<string, Record<string, Message>>;

// Every English text of several words that German says otherwise: none may be on a German page. Texts with
// placeholders are cut at the first one, so "{count} rows" is looked for as its fixed part.
const ENGLISH_ONLY = Object.entries(en)
  .flatMap(([ns, messages]) =>
    Object.entries(messages).flatMap(([key, message]) => {
      const english = typeof message === 'string' ? [message] : Object.values(message);
      const german = de[ns]?.[key];
      const germanForms = typeof german === 'string' ? [german] : Object.values(german ?? {});
      return english
        .map((text) => (text ?? '').split('{')[0]?.trim() ?? '')
        .filter(
          (text) => /\w{2,}\s+\w{2,}\s+\w{2,}/.test(text) && !germanForms.some((g) => g?.startsWith(text)),
        );
    }),
  )
  .filter((text, i, all) => all.indexOf(text) === i);

// What a reader meets on a page: its visible text and the names and hints of its controls.
async function pageTexts(p: Page): Promise<string> {
  return p.evaluate(() => {
    const attributes = [...document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')].flatMap(
      (el) => ['aria-label', 'title', 'placeholder', 'alt'].map((name) => el.getAttribute(name) ?? ''),
    );
    return [document.title, document.body.innerText, ...attributes].join('\n');
  });
}

function englishLeft(text: string): string[] {
  return ENGLISH_ONLY.filter((english) => text.includes(english));
}

beforeAll(async () => {
  server = await startServerProcess({ demo: true });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
  page = watch(await context.newPage());
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the product in German', () => {
  it('[L2] signs in on a German sign-in page and shows the dashboard in German, prices in German numbers', async () => {
    expect(ENGLISH_ONLY.length).toBeGreaterThan(100);
    await page.goto(server?.url ?? '');
    await page.waitForURL((u) => u.pathname === '/login');
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    expect(englishLeft(await pageTexts(page))).toEqual([]);
    await page.getByLabel('Benutzername').fill(TEST_ADMIN.username);
    await page.getByLabel('Passwort').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL((u) => u.pathname === '/', { timeout: 15_000 });

    expect(await page.getAttribute('html', 'lang')).toBe('de');
    const btc = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: /^BTC\/USDT(\s|$)/ }) });
    // 65.432,10: a point between thousands, a comma before the decimals.
    await expect
      .poll(async () => (await btc.first().innerText()).match(/\d{1,3}(?:\.\d{3})+,\d{2}/)?.[0] ?? null, {
        timeout: 20_000,
      })
      .not.toBeNull();
    await page.locator('svg.candle-surface g.candle').first().waitFor({ timeout: 20_000 });
    expect(englishLeft(await pageTexts(page))).toEqual([]);
  });

  it('[L4] has no English sentence on any page: transactions, accounts, reports', async () => {
    for (const path of ['/transactions', '/accounts', '/reports']) {
      await page.goto(`${server?.url}${path}`);
      await page.locator('main').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.getAttribute('html', 'lang')).toBe('de');
      expect(englishLeft(await pageTexts(page)), path).toEqual([]);
    }
  });

  it('[L1] the account panel switches to English and back to the browser language, over reloads', async () => {
    await page.goto(server?.url ?? '');
    const choose = async (panelButton: RegExp, group: string, option: string) => {
      await page.getByRole('button', { name: panelButton }).click();
      await Promise.all([
        page.waitForEvent('load'),
        page.getByRole('group', { name: group }).getByRole('button', { name: option }).click(),
      ]);
    };
    await choose(/^Konto/, 'Sprache', 'English');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('heading', { name: 'Watchlist' }).waitFor();
    await page.reload();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await choose(/^Account/, 'Language', 'Browser');
    expect(await page.getAttribute('html', 'lang')).toBe('de');
  });
});
