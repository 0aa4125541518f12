/**
 * Switching the chart's timeframe, as a trader does: each timeframe once from the server (cold), then again
 * with its candles held in the page (warm). Timed in the page from the click to the frame after the new
 * candles are in the chart.
 */
import type { Browser } from 'playwright-core';
import { TIMEFRAMES } from '../../lib/timeframes';

export interface TimeframeSwitches {
  coldMs: Record<string, number>;
  warmMs: Record<string, number>;
  warmMaxMs: number;
  warmMedianMs: number;
  /** Long tasks (> 50 ms) while switching with a warm cache. */
  warmLongTasksOver50ms: number;
}

/** Opens the signed-in dashboard at 1280x800 and switches through every timeframe twice. */
export async function timeframeSwitches(
  browser: Browser,
  target: { url: string; cookie: string },
): Promise<TimeframeSwitches> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const at = target.cookie.indexOf('=');
    await context.addCookies([
      { name: target.cookie.slice(0, at), value: target.cookie.slice(at + 1), url: target.url },
    ]);
    const page = await context.newPage();
    await page.addInitScript(`window.__lt = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__lt.push(e.duration); })
        .observe({ type: 'longtask' });`);
    await page.goto(`${target.url}/`, { waitUntil: 'load' });
    await page.waitForSelector('g.candle', { timeout: 30_000 });
    // A string, not a function: tsx names functions with a helper that does not exist in the page.
    const switchTo = (tf: string) =>
      page.evaluate(`new Promise((resolve, reject) => {
        const timeframe = ${JSON.stringify(tf)};
        const button = [...document.querySelectorAll('[aria-label="Timeframe"] button')].find(
          (b) => b.textContent === timeframe,
        );
        if (!button) return reject(new Error('no ' + timeframe + ' button'));
        const started = performance.now();
        button.click();
        (function check() {
          if (performance.now() - started > 30000) return reject(new Error(timeframe + ' never drawn'));
          const titled = [...document.querySelectorAll('svg.candle-surface title')].some((t) =>
            (t.textContent || '').includes(' ' + timeframe + ' candles'),
          );
          if (titled && document.querySelector('g.candle')) requestAnimationFrame(() => resolve(performance.now() - started));
          else requestAnimationFrame(check);
        })();
      })`) as Promise<number>;
    const coldMs: Record<string, number> = {};
    const warmMs: Record<string, number> = {};
    // The page opens on its saved timeframe: start elsewhere so that every switch is a change.
    for (const tf of [...TIMEFRAMES.slice(1), TIMEFRAMES[0]]) coldMs[tf] = await switchTo(tf);
    const before = (await page.evaluate('window.__lt.length')) as number;
    for (const tf of [...TIMEFRAMES.slice(1), TIMEFRAMES[0]]) warmMs[tf] = await switchTo(tf);
    const tasks = (await page.evaluate(`window.__lt.slice(${before})`)) as number[];
    const warm = Object.values(warmMs).sort((a, b) => a - b);
    return {
      coldMs,
      warmMs,
      warmMaxMs: warm.at(-1) ?? NaN,
      warmMedianMs: warm[Math.floor(warm.length / 2)] ?? NaN,
      warmLongTasksOver50ms: tasks.filter((d) => d > 50).length,
    };
  } finally {
    await context.close();
  }
}
