import { describe, expect, it } from 'vitest';
import type { Stack, Target } from '../support/stack';
import { autoClose, send, signIn, waitFor } from '../support/stack';
import type { Loose } from '../support/stack';

const { start } = autoClose();
const BOB = { username: 'bob', password: 'bob-password-1' };

const buy = (quantity: string, price: string, extra: Record<string, unknown> = {}) => ({
  type: 'buy',
  asset: 'BTC',
  quantity,
  price,
  quoteCurrency: 'USDT',
  fee: '0',
  feeCurrency: 'USDT',
  time: '2026-01-02T10:00:00Z',
  ...extra,
});

async function ready(stack: Stack): Promise<void> {
  await waitFor(() => stack.app.feeds.statuses()[0]?.markets !== 0, 10_000, 'markets');
}

describe('transactions', () => {
  it('[P1] are added, listed, read, replaced and deleted, with amounts as exact decimal strings', async () => {
    const stack = await start();
    const added = await send(
      stack,
      'POST',
      '/api/v1/transactions',
      buy('0.10', '60000.50', { note: 'first' }),
    );
    expect(added.status).toBe(201);
    const id = added.body.transaction.id as string;
    expect(added.body.transaction).toMatchObject({ id, quantity: '0.1', price: '60000.5', note: 'first' });
    expect((await send(stack, 'GET', '/api/v1/transactions')).body.transactions).toHaveLength(1);
    expect((await send(stack, 'GET', `/api/v1/transactions/${id}`)).body.transaction.quantity).toBe('0.1');

    const replaced = await send(stack, 'PUT', `/api/v1/transactions/${id}`, buy('0.2', '61000'));
    expect(replaced.status).toBe(200);
    expect((await send(stack, 'GET', `/api/v1/transactions/${id}`)).body.transaction).toMatchObject({
      quantity: '0.2',
      price: '61000',
    });
    expect((await send(stack, 'DELETE', `/api/v1/transactions/${id}`)).body).toEqual({ deleted: id });
    expect((await send(stack, 'GET', '/api/v1/transactions')).body.transactions).toEqual([]);
    expect((await send(stack, 'GET', `/api/v1/transactions/${id}`)).status).toBe(404);
  });

  it('[P2] a sell above the holding is refused with a clear error and nothing is stored', async () => {
    const stack = await start();
    await send(stack, 'POST', '/api/v1/transactions', buy('1', '50000'));
    const sell = buy('1.5', '60000', { type: 'sell', time: '2026-02-01T00:00:00Z' });
    const refused = await send(stack, 'POST', '/api/v1/transactions', sell);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('BAD_REQUEST');
    expect(refused.body.error.message).toMatch(/BTC/);
    expect(refused.body.error.message).toMatch(/1\.5/);
    expect((await send(stack, 'GET', '/api/v1/transactions')).body.transactions).toHaveLength(1);

    // Nor may the buy a later sell needs be deleted or shrunk.
    const fits = await send(stack, 'POST', '/api/v1/transactions', { ...sell, quantity: '0.5' });
    expect(fits.status).toBe(201);
    const buyId = (await send(stack, 'GET', '/api/v1/transactions')).body.transactions[0].id as string;
    expect((await send(stack, 'DELETE', `/api/v1/transactions/${buyId}`)).status).toBe(400);
    expect((await send(stack, 'PUT', `/api/v1/transactions/${buyId}`, buy('0.4', '50000'))).status).toBe(400);
    expect((await send(stack, 'GET', '/api/v1/transactions')).body.transactions).toHaveLength(2);
  });

  it.each([
    ['a float instead of a decimal string', { quantity: 0.1 }, /quantity/],
    ['an exponent', { quantity: '1e3' }, /quantity/],
    ['a negative price', { price: '-1' }, /price/],
    ['a ticker with a space', { asset: 'BT C' }, /asset/],
    ['a date that is not one', { time: 'yesterday' }, /time/],
    ['an unknown type', { type: 'gift' }, /type/],
    ['an extra key', { userId: 2 }, /userId|unrecognized|key/i],
    ['a note too long', { note: 'x'.repeat(501) }, /note/],
  ])(
    '[P1] %s is refused with a message naming the field, and nothing is stored',
    async (_name, change, field) => {
      const stack = await start();
      const res = await send(stack, 'POST', '/api/v1/transactions', { ...buy('1', '1'), ...change });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(field);
      expect((await send(stack, 'GET', '/api/v1/transactions')).body.transactions).toEqual([]);
    },
  );
});

describe('privacy of transactions', () => {
  it("[A7] one user can neither read, change nor delete another's transaction by its id", async () => {
    const stack = await start();
    await send(stack, 'POST', '/api/v1/users', BOB);
    const bob: Target = { url: stack.url, cookie: await signIn(stack.url, BOB) };
    const id = (await send(stack, 'POST', '/api/v1/transactions', buy('1', '50000'))).body.transaction
      .id as string;
    expect((await send(bob, 'GET', `/api/v1/transactions/${id}`)).status).toBe(404);
    expect((await send(bob, 'PUT', `/api/v1/transactions/${id}`, buy('9', '1'))).status).toBe(404);
    expect((await send(bob, 'DELETE', `/api/v1/transactions/${id}`)).status).toBe(404);
    expect((await send(bob, 'GET', '/api/v1/transactions')).body.transactions).toEqual([]);
    expect((await send(bob, 'GET', '/api/v1/portfolio')).body.assets).toEqual([]);
    expect((await send(stack, 'GET', `/api/v1/transactions/${id}`)).body.transaction.quantity).toBe('1');
  });
});

describe('portfolio', () => {
  it('[P3] values holdings at the live price: value, cost, unrealized P&L and allocation', async () => {
    const stack = await start({ tickMs: 100 });
    await ready(stack);
    await send(stack, 'POST', '/api/v1/transactions', buy('0.5', '60000', { fee: '10' }));
    await send(stack, 'POST', '/api/v1/transactions', {
      ...buy('100', '0.1'),
      asset: 'DOGE',
      time: '2026-01-03T00:00:00Z',
    });
    // DOGE/USDT is on nobody's watchlist: holding it is enough for the feed to watch it.
    await waitFor(() => stack.app.market.get('binance:DOGE/USDT') !== undefined, 10_000, 'a DOGE price');
    await stack.demo.faults.stall();
    const btc = stack.app.market.get('binance:BTC/USDT')?.last as number;
    const doge = stack.app.market.get('binance:DOGE/USDT')?.last as number;
    const res = await send(stack, 'GET', '/api/v1/portfolio?method=fifo&quote=USDT');
    expect(res.status).toBe(200);
    const [btcRow, dogeRow] = ['BTC', 'DOGE'].map((a) => res.body.assets.find((x: Loose) => x.asset === a));
    expect(btcRow).toMatchObject({ quantity: '0.5', price: String(btc), costBasis: '30010' });
    expect(btcRow.priceSource.stream).toBe('binance:BTC/USDT');
    // Exact decimal arithmetic on the strings the API gives: value = 0.5 × price, P&L = value − cost.
    const cents = (s: string) => Math.round(Number(s) * 1e6);
    expect(cents(btcRow.marketValue)).toBe(cents(String(btc * 0.5)));
    expect(cents(btcRow.unrealizedPnl)).toBe(cents(btcRow.marketValue) - cents('30010'));
    expect(dogeRow.quantity).toBe('100');
    expect(cents(dogeRow.marketValue)).toBe(cents(String(doge * 100)));
    expect(res.body.complete).toBe(true);
    expect(Number(btcRow.allocation) + Number(dogeRow.allocation)).toBeCloseTo(1, 12);
    expect(res.body.totals.costBasis).toBe('30020');
  });

  it('[P3] after a restart the markets of existing holdings are watched again once the exchange is loaded', async () => {
    const stack = await start({ tickMs: 100 });
    await ready(stack);
    await send(stack, 'POST', '/api/v1/transactions', { ...buy('100', '0.1'), asset: 'DOGE' });
    await waitFor(() => stack.app.market.get('binance:DOGE/USDT') !== undefined, 10_000, 'a DOGE price');
    await stack.restart();
    // A new server: it knows no market until the exchange's are loaded, then prices what is held.
    await waitFor(
      () => stack.app.market.get('binance:DOGE/USDT') !== undefined,
      15_000,
      'DOGE after restart',
    );
  });

  it('[P3] an unknown cost-basis method or currency is refused', async () => {
    const stack = await start();
    const bad = await send(stack, 'GET', '/api/v1/portfolio?method=magic');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^method: /);
    expect((await send(stack, 'GET', '/api/v1/portfolio?quote=usd')).status).toBe(400);
  });
});

describe('portfolio currency', () => {
  it("[P5] values in the user's currency through the markets, and says when no market converts", async () => {
    const stack = await start({ tickMs: 100 });
    await ready(stack);
    await send(stack, 'POST', '/api/v1/transactions', buy('0.5', '60000'));
    expect((await send(stack, 'GET', '/api/v1/settings')).body).toEqual({
      quoteCurrency: 'USDT',
      pricing: {},
    });
    const changed = await send(stack, 'PUT', '/api/v1/settings', { quoteCurrency: 'EUR' });
    expect(changed.body).toEqual({ quoteCurrency: 'EUR', pricing: {} });
    // The EUR/USDT market is watched once a holding needs it.
    await waitFor(() => stack.app.market.get('binance:EUR/USDT') !== undefined, 10_000, 'an EUR/USDT price');
    await stack.demo.faults.stall();
    const btc = stack.app.market.get('binance:BTC/USDT')?.last as number;
    const eur = stack.app.market.get('binance:EUR/USDT')?.last as number;

    const inEur = (await send(stack, 'GET', '/api/v1/portfolio')).body;
    expect(inEur.quoteCurrency).toBe('EUR');
    const [asset] = inEur.assets as Loose[];
    expect(asset?.conversion).toMatchObject({
      from: 'USDT',
      to: 'EUR',
      legs: [{ stream: 'binance:EUR/USDT', inverse: true }],
    });
    expect(Number(asset?.price)).toBeCloseTo(btc / eur, 6);
    expect(Number(asset?.costBasis)).toBeCloseTo(30000 / eur, 6);
    expect(inEur.complete).toBe(true);

    const inBtc = (await send(stack, 'GET', '/api/v1/portfolio?quote=BTC')).body;
    expect(Number(inBtc.assets[0].marketValue)).toBeCloseTo(0.5, 12);

    // No market turns USDT into USD on this exchange: listed, not guessed.
    const inUsd = (await send(stack, 'GET', '/api/v1/portfolio?quote=USD')).body;
    expect(inUsd.complete).toBe(false);
    expect(inUsd.assets).toEqual([]);
    expect(inUsd.unpriced).toEqual([expect.objectContaining({ asset: 'BTC', reason: 'no-conversion' })]);
  });

  it('[P5] an unsupported currency is refused', async () => {
    const stack = await start();
    const res = await send(stack, 'PUT', '/api/v1/settings', { quoteCurrency: 'GBP' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^quoteCurrency: /);
    expect((await send(stack, 'GET', '/api/v1/settings')).body).toEqual({
      quoteCurrency: 'USDT',
      pricing: {},
    });
  });
});

describe('pricing exchange per asset', () => {
  it('[P3] prices an asset on the exchange the user chose, and back on the default order when cleared', async () => {
    const stack = await start({ exchanges: ['binance', 'binanceus'] });
    await waitFor(() => stack.app.feeds.statuses().every((f) => f.markets > 0), 15_000, 'both exchanges');
    await send(stack, 'POST', '/api/v1/transactions', buy('1', '60000'));
    const source = async () => {
      const [asset] = (await send(stack, 'GET', '/api/v1/portfolio')).body.assets as Loose[];
      return asset;
    };
    expect(await source()).toMatchObject({ venues: ['binance', 'binanceus'] });
    await waitFor(
      async () => (await source())?.priceSource?.stream === 'binance:BTC/USDT',
      10_000,
      'a price',
    );

    const chosen = await send(stack, 'PUT', '/api/v1/settings', { pricing: { BTC: 'binanceus' } });
    expect(chosen.body).toEqual({ quoteCurrency: 'USDT', pricing: { BTC: 'binanceus' } });
    // The feed of the chosen exchange starts watching the market at once.
    await waitFor(
      async () => (await source())?.priceSource?.stream === 'binanceus:BTC/USDT',
      10_000,
      'binanceus',
    );

    const cleared = await send(stack, 'PUT', '/api/v1/settings', { pricing: { BTC: null } });
    expect(cleared.body.pricing).toEqual({});
    expect((await source())?.priceSource?.stream).toBe('binance:BTC/USDT');
  });

  it('[P3] a choice of an exchange not configured, or a malformed one, is refused and changes nothing', async () => {
    const stack = await start();
    const cases: Array<[unknown, number, RegExp]> = [
      [{ pricing: { BTC: 'kraken' } }, 404, /pricing\.BTC: exchange "kraken" is not configured/],
      [{ pricing: { btc: 'binance' } }, 400, /pricing/],
      [{ pricing: { BTC: 'Bin ance' } }, 400, /pricing/],
      [{ pricing: { BTC: 5 } }, 400, /pricing/],
      [{ pricing: 'binance' }, 400, /pricing/],
      [{ quoteCurrency: 'EUR', pricing: { BTC: 'kraken' } }, 404, /kraken/],
      [{}, 400, /give quoteCurrency, pricing or both/],
    ];
    for (const [body, status, message] of cases) {
      const res = await send(stack, 'PUT', '/api/v1/settings', body);
      expect({ body, status: res.status }).toEqual({ body, status });
      expect(res.body.error.message).toMatch(message);
    }
    expect((await send(stack, 'GET', '/api/v1/settings')).body).toEqual({
      quoteCurrency: 'USDT',
      pricing: {},
    });
  });
});

describe('portfolio value history', () => {
  it("[P6] records the value at a fixed interval, in the user's currency, keeping only the newest points", async () => {
    const stack = await start({
      tickMs: 100,
      env: { PORTFOLIO_SNAPSHOT_SECONDS: '1', PORTFOLIO_HISTORY_POINTS: '3' },
    });
    await ready(stack);
    const empty = await send(stack, 'GET', '/api/v1/portfolio/history');
    expect(empty.body).toMatchObject({ currency: 'USDT', intervalMs: 1000, points: [] });
    // Bought today: no past day to backfill, only recorded points.
    await send(
      stack,
      'POST',
      '/api/v1/transactions',
      buy('0.5', '60000', { time: new Date().toISOString() }),
    );
    const points = async () =>
      (await send(stack, 'GET', '/api/v1/portfolio/history')).body.points as Array<[number, string]>;
    await waitFor(async () => (await points()).length === 3, 10_000, 'three recorded values');
    const first = await points();
    await waitFor(async () => (await points())[0]?.[0] !== first[0]?.[0], 5_000, 'the oldest point dropped');
    const later = await points();
    expect(later).toHaveLength(3);
    const times = later.map((p) => p[0] as number);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Each value is 0.5 BTC at the price of its moment: a decimal string near half a BTC price.
    const btc = stack.app.market.get('binance:BTC/USDT')?.last as number;
    for (const [, value] of later) {
      expect(value).toMatch(/^\d+(\.\d+)?$/);
      expect(Number(value) / (btc / 2)).toBeCloseTo(1, 2);
    }
    // Another currency has its own line: none yet.
    await send(stack, 'PUT', '/api/v1/settings', { quoteCurrency: 'EUR' });
    expect((await send(stack, 'GET', '/api/v1/portfolio/history')).body).toMatchObject({ currency: 'EUR' });
  });
});
