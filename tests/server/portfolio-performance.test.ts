import { describe, expect, it } from 'vitest';
import type { Stack } from '../support/stack';
import { api, autoClose, send, waitFor } from '../support/stack';

const { start } = autoClose();
const DAY = 86_400_000;
const today = () => Math.floor(Date.now() / DAY) * DAY;
const iso = (ms: number) => new Date(ms).toISOString();

const deposit = (asset: string, quantity: string, time: number) => ({
  type: 'deposit',
  asset,
  quantity,
  price: asset === 'USDT' ? '1' : '50000',
  quoteCurrency: 'USDT',
  fee: '0',
  feeCurrency: asset,
  time: iso(time),
});

async function backfilled(stack: Stack): Promise<void> {
  await waitFor(() => stack.app.feeds.statuses()[0]?.markets !== 0, 10_000, 'markets');
  await waitFor(
    async () => {
      const body = (await send(stack, 'GET', '/api/v1/portfolio/history')).body;
      return body.backfill.state === 'done';
    },
    20_000,
    'the backfill',
  );
}

describe('portfolio performance (P11)', () => {
  it('[P11] a portfolio of only BTC, deposits and all, returns what holding BTC returned', async () => {
    const stack = await start();
    // A second after midnight: each deposit is in for the whole of its day.
    await send(stack, 'POST', '/api/v1/transactions', deposit('BTC', '1', today() - 12 * DAY + 1000));
    await send(stack, 'POST', '/api/v1/transactions', deposit('BTC', '0.5', today() - 6 * DAY + 1000));
    await send(stack, 'POST', '/api/v1/transactions', deposit('BTC', '2', today() - 3 * DAY + 1000));
    await backfilled(stack);
    const { status, body } = await send(stack, 'GET', '/api/v1/portfolio/performance?range=1Y');
    expect(status).toBe(200);
    expect(body).toMatchObject({ currency: 'USDT', range: '1Y', notes: [] });
    expect(body.benchmarks.BTC.stream).toBe('binance:BTC/USDT');
    const btc = new Map<number, number>(
      (body.benchmarks.BTC.points as Array<[number, string]>).map(([t, r]) => [t, Number(r)]),
    );
    const daily = (body.points as Array<[number, string, string | null]>).filter(([t]) => btc.has(t));
    expect(daily.length).toBeGreaterThanOrEqual(10);
    // Both measured from the first point: BTC's return from the portfolio's first day.
    const base = 1 + (btc.get(daily[0]?.[0] as number) as number);
    for (const [t, , twr] of daily) {
      expect(Number(twr)).toBeCloseTo((1 + (btc.get(t) as number)) / base - 1, 3);
    }
    // Over the whole range the deposits (3.5 BTC in all) are not a gain: the return is BTC's, not +250 %.
    expect(Math.abs(Number(body.twr))).toBeLessThan(0.5);
    // Only BTC was held: all of the return on the daily grid is BTC's; what is left ("other") is the time since
    // the last daily close.
    const parts = body.contributions;
    expect(parts.step).toBe('1d');
    expect(parts.assets.map((a: { asset: string }) => a.asset)).toEqual(['BTC']);
    expect(Number(parts.assets[0].contribution)).toBeCloseTo(Number(parts.total), 7);
    expect(Math.abs(Number(parts.other))).toBeLessThan(0.05);
  });

  it('[P11] each asset held has its contribution, and they add up to the holdings’ return', async () => {
    const stack = await start();
    await send(stack, 'POST', '/api/v1/transactions', deposit('BTC', '1', today() - 8 * DAY + 1000));
    await send(stack, 'POST', '/api/v1/transactions', {
      ...deposit('ETH', '10', today() - 8 * DAY + 1000),
      price: '3000',
    });
    await send(stack, 'POST', '/api/v1/transactions', deposit('USDT', '5000', today() - 4 * DAY + 1000));
    await backfilled(stack);
    const { body } = await send(stack, 'GET', '/api/v1/portfolio/performance?range=1M');
    const parts = body.contributions as {
      assets: Array<{ asset: string; contribution: string }>;
      total: string;
      other: string;
    };
    expect(parts.assets.map((a) => a.asset).sort()).toEqual(['BTC', 'ETH', 'USDT']);
    expect(parts.assets.find((a) => a.asset === 'USDT')?.contribution).toBe('0');
    const sum = parts.assets.reduce((s, a) => s + Number(a.contribution), 0);
    expect(sum).toBeCloseTo(Number(parts.total), 7);
    expect(Number(parts.total) + Number(parts.other)).toBeCloseTo(Number(body.twr), 7);
  });

  it('[P11] one value in the range is no return: said, not 0 %', async () => {
    const stack = await start();
    await send(stack, 'POST', '/api/v1/transactions', deposit('BTC', '1', today() - 3 * DAY + 1000));
    await backfilled(stack);
    // The last day holds one daily close (today's midnight) and nothing recorded yet.
    const { body } = await send(stack, 'GET', '/api/v1/portfolio/performance?range=1D');
    expect(body.points).toHaveLength(1);
    expect(body).toMatchObject({
      twr: null,
      benchmarks: { BTC: null, ETH: null },
      contributions: { assets: [], total: null, other: null },
      notes: ['One value recorded in this range so far: a return needs two.'],
    });
  });

  it('[P11] cash deposited and withdrawn returns nothing', async () => {
    const stack = await start();
    await send(stack, 'POST', '/api/v1/transactions', deposit('USDT', '1000', today() - 5 * DAY + 1000));
    await send(stack, 'POST', '/api/v1/transactions', deposit('USDT', '4000', today() - 2 * DAY + 1000));
    await send(stack, 'POST', '/api/v1/transactions', {
      ...deposit('USDT', '2500', today() - DAY + 1000),
      type: 'withdrawal',
    });
    await backfilled(stack);
    const { body } = await send(stack, 'GET', '/api/v1/portfolio/performance?range=1M');
    expect(body.points.length).toBeGreaterThanOrEqual(4);
    expect(body.twr).toBe('0');
    for (const [, , twr] of body.points as Array<[number, string, string | null]>) expect(twr).toBe('0');
    expect(body.contributions.assets).toEqual([{ asset: 'USDT', contribution: '0' }]);
    expect(body.contributions.other).toBe('0');
  });

  it('[P11] a range that is not one is refused, naming it; an empty portfolio says it has no values', async () => {
    const stack = await start();
    const bad = await send(stack, 'GET', '/api/v1/portfolio/performance?range=5Y');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/range must be one of 1D, 1W, 1M, 1Y, ALL/);
    const extra = await send(stack, 'GET', '/api/v1/portfolio/performance?range=1D&from=0');
    expect(extra.status).toBe(400);
    const empty = await send(stack, 'GET', '/api/v1/portfolio/performance');
    expect(empty.body).toMatchObject({
      range: '1M',
      twr: null,
      points: [],
      notes: ['No values recorded in this range yet.'],
    });
  });

  it('[L6][P11] the notes are in the request’s language', async () => {
    const stack = await start();
    const notes = async (headers: Record<string, string>) => {
      const res = await api(stack, '/api/v1/portfolio/performance', { headers });
      return ((await res.json()) as { notes: string[] }).notes;
    };
    expect(await notes({ 'accept-language': 'de' })).toEqual([
      'In diesem Zeitraum sind noch keine Werte erfasst.',
    ]);
    expect(await notes({})).toEqual(['No values recorded in this range yet.']);
  });
});
