import { describe, expect, it } from 'vitest';
import { createCcxtExchange } from '../../server/feeds/ccxt-exchange';
import type { Loose, Stack } from '../support/stack';
import { api, autoClose, send, waitFor } from '../support/stack';

const { start } = autoClose();
const DAY = 86_400_000;
const today = () => Math.floor(Date.now() / DAY) * DAY;
const iso = (ms: number) => new Date(ms).toISOString();

const buy = (asset: string, quantity: string, time: number) => ({
  type: 'buy',
  asset,
  quantity,
  price: '100',
  quoteCurrency: 'USDT',
  fee: '0',
  feeCurrency: 'USDT',
  time: iso(time),
});

async function ready(stack: Stack): Promise<void> {
  await waitFor(() => stack.app.feeds.statuses()[0]?.markets !== 0, 10_000, 'markets');
}

/** The history once the backfill that follows the latest change has finished. */
async function backfilled(stack: Stack) {
  let body = (await send(stack, 'GET', '/api/v1/portfolio/history')).body;
  await waitFor(
    async () => {
      body = (await send(stack, 'GET', '/api/v1/portfolio/history')).body;
      return body.backfill.state === 'done' || body.backfill.state === 'none';
    },
    20_000,
    'the backfill',
  );
  return body;
}

/** Daily closes as any client of the exchange reads them: a ccxt instance of our own. */
async function closes(stack: Stack, symbol: string, since: number): Promise<Map<number, number>> {
  const ex = await createCcxtExchange({ id: 'binance', url: stack.demo.url, simulated: true });
  try {
    const candles = await ex.fetchOHLCV(symbol, '1d', since, 1000);
    return new Map(candles.map(([t, , , , c]) => [t as number, c as number]));
  } finally {
    await ex.close();
  }
}

describe('value history backfill', () => {
  it('[P6] values each past day end at that day close, from the first transaction to yesterday', async () => {
    const stack = await start();
    await ready(stack);
    const first = today() - 10 * DAY + 3_600_000;
    await send(stack, 'POST', '/api/v1/transactions', buy('BTC', '0.5', first));
    await send(stack, 'POST', '/api/v1/transactions', buy('ETH', '2', today() - 4 * DAY + 60_000));
    const history = await backfilled(stack);
    expect(history.backfill).toEqual({ state: 'done', days: 10, message: null });
    const btc = await closes(stack, 'BTC/USDT', today() - 10 * DAY);
    const eth = await closes(stack, 'ETH/USDT', today() - 10 * DAY);
    const expected: Array<[number, number]> = [];
    for (let day = today() - 10 * DAY; day < today(); day += DAY) {
      const ethHeld = day >= today() - 4 * DAY ? 2 * (eth.get(day) as number) : 0;
      expected.push([day + DAY, 0.5 * (btc.get(day) as number) + ethHeld]);
    }
    const points = (history.points as Array<[number, string]>).map(([t, v]) => [t, Number(v)]);
    expect(points.map(([t]) => t)).toEqual(expected.map(([t]) => t));
    points.forEach(([, value], i) => expect(value).toBeCloseTo(expected[i]?.[1] as number, 6));
  });

  it('[P6] follows a change of the transactions and of the currency', async () => {
    const stack = await start();
    await ready(stack);
    const added = await send(stack, 'POST', '/api/v1/transactions', buy('BTC', '1', today() - 3 * DAY));
    expect((await backfilled(stack)).backfill.days).toBe(3);

    await send(stack, 'PUT', '/api/v1/settings', { quoteCurrency: 'EUR' });
    const inEur = await backfilled(stack);
    expect(inEur.currency).toBe('EUR');
    const day = today() - 3 * DAY;
    const btc = (await closes(stack, 'BTC/USDT', day)).get(day) as number;
    const eur = (await closes(stack, 'EUR/USDT', day)).get(day) as number;
    // Quoted in USDT, converted through EUR/USDT (inverse) at the same day's close.
    expect(Number(inEur.points[0][1])).toBeCloseTo(btc / eur, 6);

    await send(stack, 'DELETE', `/api/v1/transactions/${added.body.transaction.id}`);
    const emptied = await backfilled(stack);
    expect(emptied.backfill.state).toBe('none');
    expect(emptied.points).toEqual([]);
  });

  it('[P6] says which holding it could not value, and leaves its days out', async () => {
    const stack = await start();
    await ready(stack);
    await send(stack, 'POST', '/api/v1/transactions', buy('BTC', '1', today() - 2 * DAY));
    await send(stack, 'POST', '/api/v1/transactions', buy('NOPE', '5', today() - 2 * DAY));
    const history = await backfilled(stack);
    expect(history.backfill).toEqual({
      state: 'done',
      days: 0,
      message: 'no market prices NOPE in USDT.',
    });
    expect(history.points).toEqual([]);
  });

  it('[L6][P6] says it in the request’s language', async () => {
    const stack = await start();
    await ready(stack);
    await send(stack, 'POST', '/api/v1/transactions', buy('NOPE', '5', today() - 2 * DAY));
    expect((await backfilled(stack)).backfill.message).toBe('no market prices NOPE in USDT.');
    const german = await api(
      { ...stack, cookie: `${stack.cookie}; livefolio-language=de` },
      '/api/v1/portfolio/history',
    );
    expect(((await german.json()) as Loose).backfill.message).toBe('kein Markt bepreist NOPE in USDT.');
  });

  it('[P6] the daily values survive a restart and come before the recorded points', async () => {
    const stack = await start({ env: { PORTFOLIO_SNAPSHOT_SECONDS: '1' } });
    await ready(stack);
    await send(stack, 'POST', '/api/v1/transactions', buy('BTC', '1', today() - 5 * DAY));
    await backfilled(stack);
    await stack.restart();
    await ready(stack);
    let points: Array<[number, string]> = [];
    await waitFor(
      async () => {
        points = (await send(stack, 'GET', '/api/v1/portfolio/history')).body.points;
        return points.length >= 7;
      },
      15_000,
      'daily and recorded points',
    );
    const times = points.map(([t]) => t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times.slice(0, 5)).toEqual([4, 3, 2, 1, 0].map((n) => today() - n * DAY));
    expect(times[5]).toBeGreaterThan(today());
  });
});
