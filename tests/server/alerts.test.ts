import { describe, expect, it } from 'vitest';
import type { Alert } from '../../lib/protocol';
import { MAX_ALERTS_PER_USER } from '../../lib/alerts';
import type { Stack, Target } from '../support/stack';
import { livePrice, listenForAlerts, tick } from '../support/market-ticks';
import { autoClose, send, signIn, waitFor } from '../support/stack';

const { start, client } = autoClose();
const BOB = { username: 'bob', password: 'bob-password-1' };
// Not on the default watchlist: only the alert makes the server watch it.
const AAVE = 'binance:AAVE/USDT';

async function ready(stack: Stack): Promise<void> {
  await waitFor(() => stack.app.feeds.statuses()[0]?.markets !== 0, 10_000, 'markets');
}

async function addBob(stack: Stack): Promise<Target> {
  expect((await send(stack, 'POST', '/api/v1/users', BOB)).status).toBe(201);
  return { url: stack.url, cookie: await signIn(stack.url, BOB) };
}

describe('price alerts', () => {
  it('[P7] are set, listed and deleted; the threshold is kept as the exact decimal typed', async () => {
    const stack = await start();
    await ready(stack);
    const set = await send(stack, 'POST', '/api/v1/alerts', {
      stream: 'binance:BTC/USDT',
      condition: 'above',
      price: '10000000.50',
      note: 'moon',
    });
    expect(set.status).toBe(201);
    expect(set.body.alert).toMatchObject({
      stream: 'binance:BTC/USDT',
      condition: 'above',
      price: '10000000.5',
      note: 'moon',
      triggeredAt: null,
      triggeredPrice: null,
    });
    const id = set.body.alert.id as string;
    expect((await send(stack, 'GET', '/api/v1/alerts')).body.alerts).toEqual([set.body.alert]);
    expect((await send(stack, 'DELETE', `/api/v1/alerts/${id}`)).body).toEqual({ deleted: id });
    expect((await send(stack, 'GET', '/api/v1/alerts')).body.alerts).toEqual([]);
    expect((await send(stack, 'DELETE', `/api/v1/alerts/${id}`)).status).toBe(404);
  });

  it('[P7] an alert on a market nobody watches makes the server watch it', async () => {
    const stack = await start();
    await ready(stack);
    expect(stack.app.market.get(AAVE)).toBeUndefined();
    await send(stack, 'POST', '/api/v1/alerts', { stream: AAVE, condition: 'above', price: '999999' });
    expect(await livePrice(stack, AAVE)).toBeGreaterThan(0);
  });

  it('[P7] fires once on the first tick that meets it, tells every tab of its owner, and nobody else', async () => {
    const stack = await start();
    await ready(stack);
    const bob = await addBob(stack);
    const [tab1, tab2, bobTab] = await Promise.all([client(stack), client(stack), client(bob)]);
    const [heard1, heard2, bobHeard] = [
      listenForAlerts(tab1),
      listenForAlerts(tab2),
      listenForAlerts(bobTab),
    ];
    const { body } = await send(stack, 'POST', '/api/v1/alerts', {
      stream: AAVE,
      condition: 'above',
      price: '999999.99',
    });
    const alert = body.alert as Alert;
    await waitFor(() => heard1.lists.length === 1 && heard2.lists.length === 1, 5_000, 'the new list');
    await livePrice(stack, AAVE);
    expect(heard1.triggered).toEqual([]);

    tick(stack, AAVE, 1_000_000.5);
    await waitFor(() => heard1.triggered.length === 1 && heard2.triggered.length === 1, 5_000, 'the alert');
    expect(heard1.triggered[0]).toMatchObject({ id: alert.id, triggeredPrice: '1000000.5' });
    expect(heard1.triggered[0]?.triggeredAt).toBeGreaterThan(0);
    // Once: the next tick above it fires nothing more. A second alert that tick meets shows it was handled:
    // a tick checks the stream's alerts in one pass, oldest first.
    const second = (
      await send(stack, 'POST', '/api/v1/alerts', { stream: AAVE, condition: 'above', price: '1000000.75' })
    ).body.alert as Alert;
    tick(stack, AAVE, 1_000_001);
    const firedBoth = (heard: typeof heard1) => {
      const list = heard.lists.at(-1) ?? [];
      return list.length === 2 && list.every((a) => a.triggeredAt !== null);
    };
    await waitFor(() => firedBoth(heard1) && firedBoth(heard2), 5_000, 'the second alert');
    expect(heard1.triggered.map((a) => a.id)).toEqual([alert.id, second.id]);
    const listed = (await send(stack, 'GET', '/api/v1/alerts')).body.alerts as Alert[];
    expect(listed.find((a) => a.id === alert.id)).toEqual(heard1.triggered[0]);
    expect(heard1.lists.at(-1)).toEqual(listed);
    expect(bobHeard).toEqual({ triggered: [], lists: [] });
  });

  it('[P7] an alert already met when set fires at once on the current price', async () => {
    const stack = await start();
    await ready(stack);
    const tab = await client(stack);
    const heard = listenForAlerts(tab);
    const price = await livePrice(stack, 'binance:BTC/USDT');
    const set = await send(stack, 'POST', '/api/v1/alerts', {
      stream: 'binance:BTC/USDT',
      condition: 'below',
      price: String(Math.ceil(price * 2)),
    });
    expect(set.body.alert.triggeredAt).toBeGreaterThan(0);
    expect(Number(set.body.alert.triggeredPrice)).toBeLessThan(price * 2);
    await waitFor(() => heard.triggered.length === 1, 5_000, 'the alert event');
  });

  it('[P7] waiting alerts survive a restart and still fire', async () => {
    const stack = await start();
    await ready(stack);
    const { body } = await send(stack, 'POST', '/api/v1/alerts', {
      stream: AAVE,
      condition: 'above',
      price: '999999',
    });
    await stack.restart();
    await ready(stack);
    expect((await send(stack, 'GET', '/api/v1/alerts')).body.alerts).toEqual([body.alert]);
    await livePrice(stack, AAVE);
    tick(stack, AAVE, 1_000_000);
    const [after] = (await send(stack, 'GET', '/api/v1/alerts')).body.alerts as Alert[];
    expect(after?.triggeredPrice).toBe('1000000');
  });

  it('[A7] another user can neither see nor delete an alert', async () => {
    const stack = await start();
    await ready(stack);
    const bob = await addBob(stack);
    const { body } = await send(stack, 'POST', '/api/v1/alerts', {
      stream: AAVE,
      condition: 'above',
      price: '999999',
    });
    expect((await send(bob, 'GET', '/api/v1/alerts')).body.alerts).toEqual([]);
    const refused = await send(bob, 'DELETE', `/api/v1/alerts/${body.alert.id}`);
    expect(refused.status).toBe(404);
    expect((await send(stack, 'GET', '/api/v1/alerts')).body.alerts).toEqual([body.alert]);
    expect((await send({ url: stack.url }, 'GET', '/api/v1/alerts')).status).toBe(401);
  });

  it('[P7] a wrong alert is refused with the field named, and nothing is stored', async () => {
    const stack = await start();
    await ready(stack);
    const good = { stream: 'binance:BTC/USDT', condition: 'above', price: '100000' };
    const cases: Array<[unknown, number, RegExp]> = [
      [{ ...good, price: 'abc' }, 400, /price/],
      [{ ...good, price: '-5' }, 400, /price: must not be negative/],
      [{ ...good, price: '0' }, 400, /price: must be greater than 0/],
      [{ ...good, price: 100000 }, 400, /price/],
      [{ ...good, price: '1e9' }, 400, /price/],
      [{ ...good, price: `1${'0'.repeat(40)}` }, 400, /price/],
      [{ ...good, condition: 'sideways' }, 400, /condition/],
      [{ ...good, stream: 'binance:NOPE/USDT' }, 404, /NOPE\/USDT/],
      [{ ...good, stream: 'nowhere:BTC/USDT' }, 404, /nowhere/],
      [{ ...good, stream: 'x'.repeat(10_000) }, 400, /stream/],
      [{ ...good, note: 'n'.repeat(201) }, 400, /note/],
      [{ ...good, extra: true }, 400, /extra/],
      [[good], 400, /request/],
    ];
    for (const [input, status, message] of cases) {
      const res = await send(stack, 'POST', '/api/v1/alerts', input);
      expect({ input, status: res.status }).toEqual({ input, status });
      expect(res.body.error.message).toMatch(message);
    }
    expect((await send(stack, 'GET', '/api/v1/alerts')).body.alerts).toEqual([]);
  });

  it(`[P7] a user keeps at most ${MAX_ALERTS_PER_USER} alerts`, async () => {
    const stack = await start({ env: { HTTP_RATE_LIMIT: '1000' } });
    await ready(stack);
    const alert = (i: number) => ({ stream: AAVE, condition: 'above', price: String(1_000_000 + i) });
    for (let i = 0; i < MAX_ALERTS_PER_USER; i++) {
      expect((await send(stack, 'POST', '/api/v1/alerts', alert(i))).status).toBe(201);
    }
    const refused = await send(stack, 'POST', '/api/v1/alerts', alert(-1));
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/At most 100 alerts/);
    expect((await send(stack, 'GET', '/api/v1/alerts')).body.alerts).toHaveLength(MAX_ALERTS_PER_USER);
  });
});
