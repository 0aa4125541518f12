/**
 * Alert kinds and per-alert channels through the real server (P7): a move within a window, the portfolio's value
 * crossing a level, the channels each alert names, and the refusals of each.
 */
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../lib/protocol';
import type { Stack } from '../support/stack';
import { livePrice, listenForAlerts, tick } from '../support/market-ticks';
import { autoClose, send, signIn, waitFor } from '../support/stack';

const { start, client } = autoClose();
const BTC = 'binance:BTC/USDT';

const trade = (type: 'buy' | 'sell', quantity: string) => ({
  type,
  asset: 'BTC',
  quantity,
  price: '100',
  quoteCurrency: 'USDT',
  fee: '0',
  feeCurrency: 'USDT',
  time: '2024-01-01T00:00:00Z',
  exchange: 'binance',
});

async function addChannel(stack: Stack, name: string): Promise<string> {
  const res = await send(stack, 'POST', '/api/v1/channels', {
    kind: 'ntfy',
    name,
    url: `https://ntfy.example.org/${name}`,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.channel.id as string;
}

describe('alert kinds', () => {
  it('[P7] a move alert fires on a move of its percent within its window, with the move that met it', async () => {
    const stack = await start();
    const tab = await client(stack);
    const heard = listenForAlerts(tab);
    const price = await livePrice(stack, BTC);
    const up = await send(stack, 'POST', '/api/v1/alerts', {
      kind: 'move',
      stream: BTC,
      direction: 'up',
      percent: '5',
      window: '15m',
    });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body.alert).toMatchObject({
      kind: 'move',
      stream: BTC,
      direction: 'up',
      percent: '5',
      window: '15m',
      triggeredAt: null,
      triggeredChange: null,
    });
    const crash = await send(stack, 'POST', '/api/v1/alerts', {
      kind: 'move',
      stream: BTC,
      direction: 'down',
      percent: '50',
      window: '1h',
    });
    expect(crash.status).toBe(201);
    // The tab has heard both alerts listed: it is in its user's room, so it hears the firing too.
    await waitFor(() => heard.lists.at(-1)?.length === 2, 5_000, 'the list with both alerts');

    const jump = Math.round(price * 1.2 * 100) / 100;
    tick(stack, BTC, jump);
    await waitFor(() => heard.triggered.length === 1, 5_000, 'the move alert');
    const fired = heard.triggered[0] as Extract<Alert, { kind: 'move' }>;
    expect(fired).toMatchObject({ id: up.body.alert.id, triggeredPrice: String(jump) });
    // Measured from the window's low, which is at most the price before the jump.
    expect(Number(fired.triggeredChange)).toBeGreaterThanOrEqual(19.99);
    expect(fired.triggeredChange).toMatch(/^\d+\.\d{2}$/);
    const listed = (await send(stack, 'GET', '/api/v1/alerts')).body.alerts as Alert[];
    expect(listed.find((a) => a.id === crash.body.alert.id)?.triggeredAt).toBeNull();
  });

  it('[P7] a portfolio alert fires when the value crosses its level: at once when set, and when a sale takes it there', async () => {
    const stack = await start();
    const tab = await client(stack);
    const heard = listenForAlerts(tab);
    const price = await livePrice(stack, BTC);
    expect((await send(stack, 'POST', '/api/v1/transactions', trade('buy', '2'))).status).toBe(201);
    await waitFor(
      async () => (await send(stack, 'GET', '/api/v1/portfolio?quote=USDT')).body.complete === true,
      10_000,
      'a priced portfolio',
    );
    const met = await send(stack, 'POST', '/api/v1/alerts', {
      kind: 'portfolio',
      condition: 'above',
      value: '1',
      currency: 'USDT',
    });
    expect(met.status, JSON.stringify(met.body)).toBe(201);
    expect(met.body.alert).toMatchObject({
      kind: 'portfolio',
      condition: 'above',
      value: '1',
      currency: 'USDT',
    });
    expect(met.body.alert.triggeredAt).toBeGreaterThan(0);
    expect(Number(met.body.alert.triggeredPrice)).toBeGreaterThan(price);

    // Two coins are worth about twice the price: below one and a half prices waits, until one is sold.
    const level = String(Math.round(price * 1.5));
    const below = await send(stack, 'POST', '/api/v1/alerts', {
      kind: 'portfolio',
      condition: 'below',
      value: level,
      currency: 'USDT',
    });
    expect(below.body.alert.triggeredAt).toBeNull();
    await waitFor(() => heard.lists.at(-1)?.length === 2, 5_000, 'the list with both alerts');
    expect((await send(stack, 'POST', '/api/v1/transactions', trade('sell', '1'))).status).toBe(201);
    await waitFor(() => heard.triggered.some((a) => a.id === below.body.alert.id), 10_000, 'the value alert');
    const fired = heard.triggered.find((a) => a.id === below.body.alert.id);
    expect(Number(fired?.triggeredPrice)).toBeLessThan(Number(level));
  });

  it("[P7] a portfolio alert without a currency takes the user's own", async () => {
    const stack = await start();
    expect((await send(stack, 'PUT', '/api/v1/settings', { quoteCurrency: 'EUR' })).status).toBe(200);
    const set = await send(stack, 'POST', '/api/v1/alerts', {
      kind: 'portfolio',
      condition: 'above',
      value: '1000000000',
    });
    expect(set.status).toBe(201);
    expect(set.body.alert).toMatchObject({ currency: 'EUR', triggeredAt: null });
  });

  it('[P7] a wrong alert of any kind is refused with the field named, and nothing is stored', async () => {
    const stack = await start();
    await livePrice(stack, BTC);
    const move = { kind: 'move', stream: BTC, direction: 'any', percent: '5', window: '1h' };
    const value = { kind: 'portfolio', condition: 'below', value: '100' };
    const cases: Array<[unknown, number, RegExp]> = [
      [{ ...move, percent: '0' }, 400, /percent: must be greater than 0/],
      [{ ...move, percent: '1000.01' }, 400, /percent: must be at most 1000/],
      [{ ...move, direction: 'down', percent: '100' }, 400, /percent: a fall of 100 % or more/],
      [{ ...move, percent: 5 }, 400, /percent/],
      [{ ...move, window: '2h' }, 400, /window/],
      [{ ...move, direction: 'sideways' }, 400, /direction/],
      [{ ...move, stream: 'binance:NOPE/USDT' }, 404, /NOPE\/USDT/],
      [{ ...move, condition: 'above' }, 400, /condition/],
      [{ ...value, currency: 'XYZ' }, 400, /currency/],
      [{ ...value, stream: BTC }, 400, /stream/],
      [{ ...value, value: '-1' }, 400, /value/],
      [{ ...value, channels: 'all' }, 400, /channels/],
      [{ ...value, channels: ['nope'] }, 400, /channels: no channel "nope"/],
      [{ kind: 'volume', stream: BTC }, 400, /kind/],
    ];
    for (const [input, status, message] of cases) {
      const res = await send(stack, 'POST', '/api/v1/alerts', input);
      expect({ input, status: res.status }).toEqual({ input, status });
      expect(res.body.error.message).toMatch(message);
    }
    expect((await send(stack, 'GET', '/api/v1/alerts')).body.alerts).toEqual([]);
  });
});

describe('the channels of an alert', () => {
  it('[P7] an alert goes to every channel unless it names some; PATCH changes them; a deleted channel leaves it', async () => {
    const stack = await start({ env: { ALERT_PRIVATE_TARGETS: 'true' } });
    const tab = await client(stack);
    const heard = listenForAlerts(tab);
    await livePrice(stack, BTC);
    const phone = await addChannel(stack, 'phone');
    const desk = await addChannel(stack, 'desk');
    const far = { stream: BTC, condition: 'above', price: '1000000000' };
    // In the order the Notifications page lists them.
    const listed = ((await send(stack, 'GET', '/api/v1/channels')).body.channels as { id: string }[]).map(
      (c) => c.id,
    );
    expect([...listed].sort()).toEqual([phone, desk].sort());
    const all = (await send(stack, 'POST', '/api/v1/alerts', far)).body.alert as Alert;
    expect(all.channels).toEqual(listed);
    const tabsOnly = (await send(stack, 'POST', '/api/v1/alerts', { ...far, channels: [] })).body
      .alert as Alert;
    expect(tabsOnly.channels).toEqual([]);
    const twice = await send(stack, 'POST', '/api/v1/alerts', { ...far, channels: [desk, desk] });
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toMatch(/channels: names a channel twice/);

    const patched = await send(stack, 'PATCH', `/api/v1/alerts/${tabsOnly.id}`, { channels: [desk] });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.alert).toEqual({ ...tabsOnly, channels: [desk] });
    expect((await send(stack, 'PATCH', `/api/v1/alerts/${tabsOnly.id}`, { channels: ['nope'] })).status).toBe(
      400,
    );
    expect((await send(stack, 'PATCH', `/api/v1/alerts/${tabsOnly.id}`, {})).status).toBe(400);
    expect((await send(stack, 'PATCH', '/api/v1/alerts/nope', { channels: [] })).status).toBe(404);

    // Another user can neither see nor change it (A7).
    const bob = { username: 'bob', password: 'bob-password-1' };
    expect((await send(stack, 'POST', '/api/v1/users', bob)).status).toBe(201);
    const asBob = { url: stack.url, cookie: await signIn(stack.url, bob) };
    expect((await send(asBob, 'PATCH', `/api/v1/alerts/${all.id}`, { channels: [] })).status).toBe(404);

    expect((await send(stack, 'DELETE', `/api/v1/channels/${desk}`)).status).toBe(200);
    await waitFor(
      () => heard.lists.at(-1)?.find((a) => a.id === tabsOnly.id)?.channels.length === 0,
      5_000,
      'the list without the deleted channel',
    );
    const after = (await send(stack, 'GET', '/api/v1/alerts')).body.alerts as Alert[];
    expect(after.map((a) => a.channels)).toEqual([[phone], []]);
  });
});
