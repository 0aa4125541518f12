/**
 * `npx tsx scripts/bench-dashboard.ts [--rows 50] [--duration 10] [--runs 3]`: the dashboard's budgets, measured
 * against the production build in headless Chromium (loopback only). See docs/performance-dashboard.md.
 * Prints a table, then as the last line one JSON object.
 */
import { cpus, loadavg } from 'node:os';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../tests/support/browser';
import { fetchedJs } from './bench-dashboard/fetched-js';
import type { FetchedJs } from './bench-dashboard/fetched-js';
import {
  CHART_DRAWN,
  LAST_CELL,
  fillWatchlist,
  firstLoadJs,
  firstPrice,
  tickingPage,
} from './bench-dashboard/measure';
import { timeframeSwitches } from './bench-dashboard/timeframes';
import { throttledFirstPrice } from './bench-dashboard/throttled';
import { killStartedServers, spawnDemo } from './bench-dashboard/proc';

const say = (line: string) => process.stderr.write(`${line}\n`);
const r1 = (n: number) => Math.round(n * 10) / 10;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}

const load = () => loadavg().map((n) => Math.round(n * 100) / 100);

/** Budgets of what the browser fetches (gzip -9, KiB): the signed-in dashboard and the sign-in page. */
const FETCHED_JS_BUDGET_KB = { dashboard: 200, login: 120 };
/** First price on the emulated slow network (throttled.ts): a cold visit and a return one. */
const SLOW_FIRST_PRICE_BUDGET_MS = { cold: 6000, warm: 2000 };

/** The signed-in dashboard and the sign-in page with a cold cache: every script fetched until they are drawn. */
async function pagesJs(
  browser: Browser,
  url: string,
  cookie: string,
): Promise<{ dashboard: FetchedJs; login: FetchedJs }> {
  const dashboard = await fetchedJs(browser, { url, path: '/', cookie }, async (page) => {
    await page.waitForFunction(
      (sel) => /\d/.test(document.querySelector(sel)?.textContent ?? ''),
      LAST_CELL,
      {
        timeout: 30_000,
      },
    );
    await page.waitForSelector(CHART_DRAWN, { timeout: 30_000 });
  });
  const login = await fetchedJs(browser, { url, path: '/login' }, async (page) => {
    await page.getByRole('button', { name: /sign in/i }).waitFor({ timeout: 30_000 });
  });
  return { dashboard, login };
}

const listed = (js: FetchedJs) =>
  js.scripts.map((s) => `    ${String(r1(s.gzipKb)).padStart(6)} kB  ${s.path}`).join('\n');

async function main(): Promise<number> {
  const rowsWanted = Math.trunc(option('rows', 50));
  const duration = option('duration', 10);
  const runs = Math.trunc(option('runs', 3));
  const loadAtStart = load();
  say(`machine: ${cpus().length} cores, load average ${loadAtStart.join(' ')} (1/5/15 min)`);

  let browser: Browser | null = null;
  const server = await spawnDemo({
    DEMO_TICK_MS: '250',
    MAX_WATCHLIST: '1000',
    // The watchlist is filled by one socket in a loop: the default 30 requests / 10 s would refuse it.
    EVENT_RATE_LIMIT: '10000',
  });
  try {
    // 1. Build if needed (run.mjs decides), so that no rebuild happens inside the start-up timing.
    say('starting the demo server (run.mjs builds first when the sources changed)…');
    await server.running(300_000);
    if (server.rebuilt()) say('note: run.mjs rebuilt the app before this run');
    const cookie = await server.signIn();
    const js = await firstLoadJs(server.url, cookie);
    say(`first-load JS: ${js.count} scripts, ${r1(js.gzipKb)} kB gzip`);
    browser = await launchBrowser();
    const fetched = await pagesJs(browser, server.url, cookie);
    say(`fetched JS, dashboard: ${fetched.dashboard.count} scripts, ${r1(fetched.dashboard.gzipKb)} kB gzip`);
    say(`fetched JS, sign-in page: ${fetched.login.count} scripts, ${r1(fetched.login.gzipKb)} kB gzip`);
    // 1b. The same page on a bad network, with the demo's default watchlist.
    const slow = await throttledFirstPrice(browser, { url: server.url, cookie });
    say(`first price at 1 Mbit/s, 300 ms: cold ${r1(slow.coldMs)} ms, warm ${r1(slow.warmMs)} ms`);

    // 2. A ticking page with `rows` rows and the chart.
    const filled = await fillWatchlist(server.url, cookie, rowsWanted);
    say(`watchlist: ${filled.rows} rows (asked ${rowsWanted}, the demo has ${filled.available} markets)`);
    const loadBeforeTicking = load();
    const tick = await tickingPage(browser, { url: server.url, cookie }, filled.rows, duration);
    const loadAfterTicking = load();
    // 2b. Switching the chart's timeframe, with the rows still ticking.
    const switches = await timeframeSwitches(browser, { url: server.url, cookie });
    say(`timeframe switch, warm: max ${r1(switches.warmMaxMs)} ms, median ${r1(switches.warmMedianMs)} ms`);
    await server.stop();

    // 3. Time to first price, the build being up to date; median of `runs`.
    const starts: number[] = [];
    const rebuilds: number[] = [];
    for (let i = 0; i < runs; i++) {
      const run = await firstPrice(browser);
      say(
        `first price, run ${i + 1}: ${r1(run.ms)} ms${run.rebuilt ? ' (run.mjs REBUILT: not a plain start)' : ''}`,
      );
      starts.push(run.ms);
      if (run.rebuilt) rebuilds.push(i + 1);
    }
    const sorted = [...starts].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] as number;
    const loadAtEnd = load();

    const result = {
      firstLoadJsKbGzip: r1(js.gzipKb),
      firstLoadJsScripts: js.count,
      firstLoadJsKbRaw: r1(js.rawKb),
      noModuleScripts: js.noModuleCount,
      noModuleKbGzip: r1(js.noModuleGzipKb),
      fetchedJsKbGzip: r1(fetched.dashboard.gzipKb),
      fetchedJsScripts: fetched.dashboard.count,
      fetchedJsKbRaw: r1(fetched.dashboard.rawKb),
      loginFetchedJsKbGzip: r1(fetched.login.gzipKb),
      loginFetchedJsScripts: fetched.login.count,
      rows: filled.rows,
      rowsRequested: rowsWanted,
      rowsShown: tick.rowsShown,
      chartShown: tick.chartShown,
      durationSec: r1(tick.seconds),
      maxLongTaskMs: r1(tick.maxLongTaskMs),
      longTasksOver50ms: tick.longTasksOver50ms,
      longTasks: tick.longTasks,
      mainThreadBusyPct: r1(tick.mainThreadBusyPct),
      diffsPerSec: r1(tick.diffsPerSec),
      streamUpdatesPerSec: r1(tick.streamUpdatesPerSec),
      timeframeSwitchWarmMaxMs: r1(switches.warmMaxMs),
      timeframeSwitchWarmMedianMs: r1(switches.warmMedianMs),
      timeframeSwitchWarmMs: Object.fromEntries(Object.entries(switches.warmMs).map(([k, v]) => [k, r1(v)])),
      timeframeSwitchColdMs: Object.fromEntries(Object.entries(switches.coldMs).map(([k, v]) => [k, r1(v)])),
      timeframeSwitchLongTasksOver50ms: switches.warmLongTasksOver50ms,
      slowFirstPriceColdMs: Math.round(slow.coldMs),
      slowFirstPriceWarmMs: Math.round(slow.warmMs),
      firstPriceMs: Math.round(median),
      firstPriceRunsMs: starts.map((n) => Math.round(n)),
      firstPriceRunsRebuilt: rebuilds,
      budgets: {
        fetchedJsKbGzip: fetched.dashboard.gzipKb <= FETCHED_JS_BUDGET_KB.dashboard,
        loginFetchedJsKbGzip: fetched.login.gzipKb <= FETCHED_JS_BUDGET_KB.login,
        maxLongTaskMs: tick.longTasksOver50ms === 0,
        timeframeSwitchWarmMaxMs: switches.warmMaxMs <= 300,
        mainThreadBusyPct: tick.mainThreadBusyPct < 25,
        slowFirstPriceColdMs: slow.coldMs <= SLOW_FIRST_PRICE_BUDGET_MS.cold,
        slowFirstPriceWarmMs: slow.warmMs <= SLOW_FIRST_PRICE_BUDGET_MS.warm,
        firstPriceMs: median < 5000 && rebuilds.length === 0,
      },
      cores: cpus().length,
      loadavg: {
        start: loadAtStart,
        beforeTicking: loadBeforeTicking,
        afterTicking: loadAfterTicking,
        end: loadAtEnd,
      },
    };
    const rows: [string, string, string, boolean][] = [
      [
        'JS fetched, dashboard',
        `${result.fetchedJsKbGzip} kB in ${result.fetchedJsScripts} scripts`,
        `<= ${FETCHED_JS_BUDGET_KB.dashboard} kB`,
        result.budgets.fetchedJsKbGzip,
      ],
      [
        'JS fetched, sign-in page',
        `${result.loginFetchedJsKbGzip} kB in ${result.loginFetchedJsScripts} scripts`,
        `<= ${FETCHED_JS_BUDGET_KB.login} kB`,
        result.budgets.loginFetchedJsKbGzip,
      ],
      [
        'first price, slow, cold',
        `${result.slowFirstPriceColdMs} ms (1 Mbit/s down, 400 kbit/s up, 300 ms)`,
        `<= ${SLOW_FIRST_PRICE_BUDGET_MS.cold} ms`,
        result.budgets.slowFirstPriceColdMs,
      ],
      [
        'first price, slow, warm',
        `${result.slowFirstPriceWarmMs} ms (the same, chunks cached)`,
        `<= ${SLOW_FIRST_PRICE_BUDGET_MS.warm} ms`,
        result.budgets.slowFirstPriceWarmMs,
      ],
      [
        'longest long task',
        `${result.maxLongTaskMs} ms (${result.longTasksOver50ms} over 50 ms, ${tick.longTasks} in all)`,
        'none > 50 ms',
        result.budgets.maxLongTaskMs,
      ],
      [
        'timeframe switch, warm',
        `${result.timeframeSwitchWarmMaxMs} ms at most (median ${result.timeframeSwitchWarmMedianMs} ms)`,
        '<= 300 ms',
        result.budgets.timeframeSwitchWarmMaxMs,
      ],
      [
        'main-thread busy',
        `${result.mainThreadBusyPct} % over ${result.durationSec} s`,
        '< 25 %',
        result.budgets.mainThreadBusyPct,
      ],
      [
        'first price (median)',
        `${result.firstPriceMs} ms (runs: ${result.firstPriceRunsMs.join(', ')})`,
        '< 5000 ms',
        result.budgets.firstPriceMs,
      ],
    ];
    const w = [24, 48, 14];
    const line = (c: string[]) => c.map((s, i) => s.padEnd(w[i] ?? 0)).join('  ');
    console.log(line(['measure', 'value', 'budget', 'met']));
    for (const [a, b, c, ok] of rows) console.log(line([a, b, c, ok ? 'yes' : 'NO']));
    console.log(
      `rows ${result.rows} (asked ${rowsWanted}), chart ${tick.chartShown ? 'shown' : 'NOT shown'}, ` +
        `${result.diffsPerSec} diffs/s carrying ${result.streamUpdatesPerSec} stream updates/s; ` +
        `noModule scripts: ${js.noModuleCount} (${result.noModuleKbGzip} kB gzip)`,
    );
    console.log(
      `the HTML's own <script src> tags: ${result.firstLoadJsKbGzip} kB gzip in ${js.count} scripts (part of the above)`,
    );
    console.log(`dashboard scripts fetched (gzip -9):\n${listed(fetched.dashboard)}`);
    console.log(`sign-in page scripts fetched (gzip -9):\n${listed(fetched.login)}`);
    console.log(
      `load average (1/5/15 min) start ${loadAtStart.join(' ')}, end ${loadAtEnd.join(' ')}, ${cpus().length} cores`,
    );
    console.log(JSON.stringify(result));
    return Object.values(result.budgets).every(Boolean) ? 0 : 1;
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
  }
}

process.on('exit', killStartedServers);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    killStartedServers();
    process.exit(130);
  });

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    say(error instanceof Error ? (error.stack ?? error.message) : String(error));
    killStartedServers();
    process.exit(2);
  },
);
