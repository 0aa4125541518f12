import { describe, expect, it } from 'vitest';
import { createCcxtExchange } from '../../server/feeds/ccxt-exchange';
import { DEMO_BINANCE_KEY, DEMO_BINANCE_SECRET } from '../../server/feeds/demo/binance-account';
import type { Target } from '../support/stack';
import { api, autoClose, send, signIn, waitFor } from '../support/stack';
import type { Loose } from '../support/stack';

const { start } = autoClose();
const BOB = { username: 'bob', password: 'bob-password-1' };

const add = (target: Target, fields: Record<string, unknown>) =>
  send(target, 'POST', '/api/v1/transactions', {
    asset: 'BTC',
    quoteCurrency: 'USDT',
    fee: '0',
    feeCurrency: 'USDT',
    ...fields,
  });

async function download(
  target: Target,
  query: string,
): Promise<{ status: number; type: string; text: string }> {
  const res = await fetch(`${target.url}/api/v1/reports/tax.csv?${query}`, {
    headers: { cookie: target.cookie ?? '' },
  });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

describe('the tax report', () => {
  it("[P10] lists a year's gains lot by lot and its income apart, as JSON and as CSV", async () => {
    const stack = await start();
    await add(stack, { type: 'buy', quantity: '1', price: '100', time: '2024-01-01T00:00:00Z' });
    await add(stack, { type: 'buy', quantity: '1', price: '200', time: '2025-02-01T00:00:00Z' });
    await add(stack, { type: 'staking', quantity: '0.1', price: '250', time: '2025-03-01T00:00:00Z' });
    await add(stack, { type: 'sell', quantity: '1.5', price: '300', time: '2025-06-01T00:00:00Z' });
    const report = (await send(stack, 'GET', '/api/v1/reports/tax?year=2025')).body;
    expect(report).toMatchObject({
      method: 'fifo',
      from: '2025-01-01T00:00:00.000Z',
      to: '2026-01-01T00:00:00.000Z',
      longTermDays: 365,
      notice: expect.stringMatching(/not tax advice/),
    });
    expect(
      report.gains.map((g: Loose) => [
        g.quantity,
        g.proceeds,
        g.costBasis,
        g.gain,
        g.term,
        g.acquiredIn.name,
      ]),
    ).toEqual([
      ['1', '300', '100', '200', 'long', 'Main'],
      ['0.5', '150', '100', '50', 'short', 'Main'],
    ]);
    expect(report.income).toEqual([
      expect.objectContaining({
        type: 'staking',
        asset: 'BTC',
        quantity: '0.1',
        value: '25',
        time: '2025-03-01T00:00:00.000Z',
      }),
    ]);
    expect(report.years).toEqual([
      {
        year: 2025,
        currency: 'USDT',
        proceeds: '450',
        costBasis: '200',
        gain: '250',
        shortTermGain: '50',
        longTermGain: '200',
        income: '25',
      },
    ]);
    const portfolio = (await send(stack, 'GET', '/api/v1/portfolio')).body;
    expect(portfolio.totals.realizedPnl).toBe('250');

    const gains = await download(stack, 'year=2025');
    expect(gains.status).toBe(200);
    expect(gains.type).toMatch(/text\/csv/);
    expect(gains.text.split('\n').slice(0, 2)).toEqual([
      'asset,quantity,acquired,acquired_in,disposed,disposed_from,proceeds,cost_basis,gain,currency,held_days,term',
      'BTC,1,2024-01-01T00:00:00.000Z,Main,2025-06-01T00:00:00.000Z,Main,300,100,200,USDT,517,long',
    ]);
    const income = await download(stack, 'year=2025&part=income&method=hifo');
    expect(income.text.trim().split('\n')).toEqual([
      'time,type,asset,quantity,value,currency,account',
      '2025-03-01T00:00:00.000Z,staking,BTC,0.1,25,USDT,Main',
    ]);
    // Another year, or another user, has nothing of it.
    expect((await send(stack, 'GET', '/api/v1/reports/tax?year=2024')).body.gains).toEqual([]);
    await send(stack, 'POST', '/api/v1/users', BOB);
    const bob: Target = { url: stack.url, cookie: await signIn(stack.url, BOB) };
    const theirs = (await send(bob, 'GET', '/api/v1/reports/tax?year=2025')).body;
    expect([theirs.gains, theirs.income, theirs.years]).toEqual([[], [], []]);
  });

  it('[P10] refuses a wrong query, naming the parameter', async () => {
    const stack = await start();
    const cases: Array<[string, RegExp]> = [
      ['year=abc', /year/],
      ['year=1800', /year/],
      ['year=2025&from=2025-01-01&to=2025-02-01', /year: give a year, or from and to/],
      ['from=2025-01-01', /to: required/],
      ['from=2025-02-01&to=2025-01-01', /to: must not be before from/],
      ['from=2025-02-30&to=2025-03-01', /from: is not a date/],
      ['method=newest', /method/],
      ['longTermDays=-1', /longTermDays/],
      ['part=gains', /part: only for the CSV/],
      ['who=me', /who/],
    ];
    for (const [query, message] of cases) {
      const answer = await send(stack, 'GET', `/api/v1/reports/tax?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.body.error.message, query).toMatch(message);
    }
    expect((await download(stack, 'part=everything')).status).toBe(400);
    expect((await fetch(`${stack.url}/api/v1/reports/tax`)).status).toBe(401);
  });

  it('[P10][P9] the report of a synced exchange account sums to its realized P&L', async () => {
    const stack = await start({ env: { SYNC_INTERVAL_MINUTES: '0' } });
    const added = await send(stack, 'POST', '/api/v1/connections', {
      exchange: 'binance',
      name: 'Binance',
      apiKey: DEMO_BINANCE_KEY,
      secret: DEMO_BINANCE_SECRET,
    });
    await waitFor(
      async () =>
        (await send(stack, 'GET', `/api/v1/connections/${added.body.connection.id}`)).body.connection
          .state === 'ok',
      60_000,
      'the sync',
    );
    const report = (await send(stack, 'GET', '/api/v1/reports/tax?from=2000-01-01&to=2100-12-31&method=hifo'))
      .body;
    const portfolio = (await send(stack, 'GET', '/api/v1/portfolio?method=hifo')).body;
    expect(report.gains.length).toBeGreaterThan(50);
    const total = (report.years as Loose[]).reduce((sum, y) => sum + Number(y.gain), 0);
    // Every holding's realized P&L, priced yet or not (the totals leave out one whose market has no tick yet).
    const held = [...portfolio.assets, ...portfolio.unpriced] as Loose[];
    expect(total).toBeCloseTo(
      held.reduce((sum, a) => sum + Number(a.realizedPnl), 0),
      6,
    );
    for (const line of report.gains as Loose[]) expect(line.disposedFrom.name).toBe('Binance');
  }, 90_000);
});

describe('income', () => {
  it('[P1] entered without a price is valued at the market price of its minute, or refused when there is none', async () => {
    const stack = await start();
    const time = new Date(Date.now() - 3_600_000).toISOString();
    const added = await add(stack, { type: 'staking', quantity: '0.5', time, exchange: 'binance' });
    expect(added.status).toBe(201);
    // The price a ccxt client reads from the same exchange's one-minute candle.
    const ex = await createCcxtExchange({ id: 'binance', url: stack.demo.url, simulated: true });
    await ex.loadMarkets();
    const [candle] = await ex.fetchOHLCV('BTC/USDT', '1m', Math.floor(Date.parse(time) / 60_000) * 60_000, 1);
    await ex.close();
    expect(Number(added.body.transaction.price)).toBe(candle?.[1]);

    const unknown = await add(stack, { type: 'airdrop', asset: 'NOPE', quantity: '10', time });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(
      /price: no market price of NOPE in USDT is known at .*: enter it/,
    );
    const buyWithout = await add(stack, { type: 'buy', quantity: '1', time });
    expect(buyWithout.body.error.message).toMatch(/price: required/);
  });

  it('[L6][P1] refused without a price in the reader’s language', async () => {
    const stack = await start();
    const airdrop = { type: 'airdrop', asset: 'NOPE', quantity: '10', time: '2025-01-02T03:04:05Z' };
    const refusal = async (headers: Record<string, string>) => {
      const res = await api(stack, '/api/v1/transactions', {
        method: 'POST',
        headers,
        body: JSON.stringify({ quoteCurrency: 'USDT', fee: '0', feeCurrency: 'USDT', ...airdrop }),
      });
      return ((await res.json()) as Loose).error.message as string;
    };
    expect(await refusal({ 'accept-language': 'de-DE' })).toBe(
      'price: für NOPE in USDT ist um 2025-01-02T03:04:05.000Z kein Marktpreis bekannt: geben Sie ihn ein',
    );
    expect(await refusal({})).toBe(
      'price: no market price of NOPE in USDT is known at 2025-01-02T03:04:05.000Z: enter it',
    );
  });
});
