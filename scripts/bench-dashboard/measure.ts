/** The three measurements of scripts/bench-dashboard.ts: first-load JS, a ticking page, time to first price. */
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { io } from 'socket.io-client';
import { spawnDemo } from './proc';

/** The "Last" cell of a row: th (symbol), td (exchange), td (last). */
export const LAST_CELL = 'tbody tr td:nth-of-type(2)';
/** The chart drawn: a candle of the candle chart, or the tick line's chart where there are no candles. */
export const CHART_DRAWN = 'svg.candle-surface g.candle, .recharts-surface';

export interface ScriptSizes {
  count: number;
  rawKb: number;
  gzipKb: number;
  noModuleCount: number;
  noModuleGzipKb: number;
}

/**
 * gzip -9 of every `<script src>` in the `/` HTML, signed in with `cookie` (noModule ones apart): what the HTML
 * names, beside what the browser fetches (fetched-js.ts).
 */
export async function firstLoadJs(url: string, cookie: string): Promise<ScriptSizes> {
  // A redirect would be to /login: its scripts are not the dashboard's.
  const html = await (await fetch(`${url}/`, { headers: { cookie }, redirect: 'error' })).text();
  const tags = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
  const sizes = { count: 0, rawKb: 0, gzipKb: 0, noModuleCount: 0, noModuleGzipKb: 0 };
  const seen = new Set<string>();
  for (const tag of tags) {
    const src = /\ssrc=["']([^"']+)["']/i.exec(tag)?.[1];
    if (!src || seen.has(src)) continue;
    seen.add(src);
    const body = Buffer.from(await (await fetch(new URL(src.replace(/&amp;/g, '&'), url))).arrayBuffer());
    const gz = gzipSync(body, { level: 9 }).length / 1024;
    if (/\snomodule\b/i.test(tag)) {
      sizes.noModuleCount++;
      sizes.noModuleGzipKb += gz;
    } else {
      sizes.count++;
      sizes.rawKb += body.length / 1024;
      sizes.gzipKb += gz;
    }
  }
  return sizes;
}

/** Puts exactly `rows` streams (all markets when fewer exist) on the account's list; returns the count. */
export async function fillWatchlist(
  url: string,
  cookie: string,
  rows: number,
): Promise<{ rows: number; available: number }> {
  const response = await fetch(`${url}/api/v1/markets?limit=100`, { headers: { cookie } });
  if (!response.ok) throw new Error(`GET /api/v1/markets answered ${response.status}`);
  const body = (await response.json()) as { markets: { stream: string }[] };
  const all = body.markets.map((m) => m.stream);
  const wanted = all.slice(0, rows);
  const socket = io(url, { transports: ['websocket'], reconnection: false, extraHeaders: { cookie } });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('server:hello', () => resolve());
      socket.once('connect_error', reject);
    });
    const ask = (event: string, stream: string) =>
      socket.timeout(5000).emitWithAck(event, { stream }) as Promise<{ watchlist?: { streams: string[] } }>;
    let list: string[] = [];
    for (const stream of wanted) list = (await ask('watchlist:add', stream)).watchlist?.streams ?? list;
    for (const stream of list.filter((s) => !wanted.includes(s)))
      list = (await ask('watchlist:remove', stream)).watchlist?.streams ?? list;
    return { rows: list.length, available: all.length };
  } finally {
    socket.close();
  }
}

export interface TickingResult {
  rowsShown: number;
  chartShown: boolean;
  seconds: number;
  maxLongTaskMs: number;
  longTasksOver50ms: number;
  longTasks: number;
  mainThreadBusyPct: number;
  diffsPerSec: number;
  streamUpdatesPerSec: number;
}

/** Gives a browser context the session of a `livefolio_session=…` cookie for the server at `url`. */
async function addSession(context: BrowserContext, url: string, cookie: string): Promise<void> {
  const at = cookie.indexOf('=');
  await context.addCookies([{ name: cookie.slice(0, at), value: cookie.slice(at + 1), url }]);
}

const lastTexts = (page: Page) => page.$$eval(LAST_CELL, (cells) => cells.map((c) => c.textContent ?? ''));

/**
 * Opens the page at 1280x800, signed in with `cookie`, waits for prices to tick, then records `seconds` of
 * long tasks and busy time.
 */
export async function tickingPage(
  browser: Browser,
  target: { url: string; cookie: string },
  rows: number,
  seconds: number,
): Promise<TickingResult> {
  const { url, cookie } = target;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await addSession(context, url, cookie);
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __lt: { start: number; duration: number }[] };
      w.__lt = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__lt.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    let diffs = 0;
    let updates = 0;
    page.on('websocket', (ws) =>
      ws.on('framereceived', ({ payload }) => {
        const text = typeof payload === 'string' ? payload : payload.toString();
        if (!text.startsWith('42["market:diff"')) return;
        diffs++;
        try {
          const changes = (JSON.parse(text.slice(2)) as [string, { changes?: object }])[1].changes;
          updates += Array.isArray(changes) ? changes.length : Object.keys(changes ?? {}).length;
        } catch {
          /* counted as a diff; its updates are unknown */
        }
      }),
    );
    await page.goto(`${url}/`, { waitUntil: 'load' });
    await page.waitForFunction(
      ({ sel, n }) => {
        const cells = [...document.querySelectorAll(sel)];
        return cells.length >= n && cells.every((c) => /\d/.test(c.textContent ?? ''));
      },
      { sel: LAST_CELL, n: rows },
      { timeout: 30_000 },
    );
    const first = await lastTexts(page);
    const tickStart = Date.now();
    while ((await lastTexts(page)).every((t, i) => t === first[i])) {
      if (Date.now() - tickStart > 15_000) throw new Error('prices did not tick within 15 s');
      await page.waitForTimeout(50);
    }
    const rowsShown = (await lastTexts(page)).length;
    // the chart comes in its own chunk after the table and draws from a stream's second price: under load that
    // can be after the first tick, so it gets a few seconds rather than one look.
    const chartShown = await page.waitForSelector(CHART_DRAWN, { timeout: 10_000 }).then(
      () => true,
      () => false,
    );

    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    const taskDuration = async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
    const t0 = await page.evaluate(() => performance.now());
    const busy0 = await taskDuration();
    const wall0 = process.hrtime.bigint();
    const diffs0 = diffs;
    const updates0 = updates;
    await new Promise((r) => setTimeout(r, seconds * 1000));
    const busy1 = await taskDuration();
    const wall = Number(process.hrtime.bigint() - wall0) / 1e9;
    const diffsN = diffs - diffs0;
    const updatesN = updates - updates0;
    const tasks = await page.evaluate(
      (from) =>
        (window as unknown as { __lt: { start: number; duration: number }[] }).__lt.filter(
          (e) => e.start >= from,
        ),
      t0,
    );
    await cdp.detach();
    return {
      rowsShown,
      chartShown,
      seconds: wall,
      maxLongTaskMs: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
      longTasksOver50ms: tasks.filter((t) => t.duration > 50).length,
      longTasks: tasks.length,
      mainThreadBusyPct: ((busy1 - busy0) / wall) * 100,
      diffsPerSec: diffsN / wall,
      streamUpdatesPerSec: updatesN / wall,
    };
  } finally {
    await context.close();
  }
}

/**
 * Spawn `node scripts/run.mjs --demo` to first digit in a row's Last cell, in an already launched browser;
 * signing in (retried every 50 ms until the server answers) is part of the time, as it is for a user.
 */
export async function firstPrice(browser: Browser): Promise<{ ms: number; rebuilt: boolean }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const started = performance.now();
  const server = await spawnDemo();
  try {
    const page = await context.newPage();
    let cookie: string | null = null;
    while (cookie === null) {
      if (performance.now() - started > 240_000) throw new Error('no price within 240 s');
      if (server.child.exitCode !== null)
        throw new Error(`the server exited:\n${server.output().slice(-2000)}`);
      // fetch rejects with a TypeError while nothing listens; an answer that is not a session is a failure.
      cookie = await server.signIn().catch((error: unknown) => {
        if (error instanceof TypeError) return null;
        throw error;
      });
      if (cookie === null) await new Promise((r) => setTimeout(r, 50));
    }
    await addSession(context, server.url, cookie);
    await page.goto(`${server.url}/`, { waitUntil: 'commit', timeout: 30_000 });
    for (;;) {
      const text = await page.$eval(LAST_CELL, (c) => c.textContent ?? '').catch(() => '');
      if (/\d/.test(text)) break;
      if (performance.now() - started > 240_000) throw new Error('no price within 240 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    return { ms: performance.now() - started, rebuilt: server.rebuilt() };
  } finally {
    await context.close();
    await server.stop();
  }
}
