import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../lib/protocol';
import { createDashboardStore } from '../../../client/store/dashboard-store';
import type { Stack } from '../../support/stack';
import { api, autoClose, waitFor } from '../../support/stack';
import { live, noticeInEnglish, tabs } from './tab';

const BTC = 'binance:BTC/USDT';
const PRECISION = { priceDecimals: 2, amountDecimals: 5 };

const { start } = autoClose();
const open = tabs();

async function setAlert(stack: Stack, body: object): Promise<Alert> {
  const res = await api(stack, '/api/v1/alerts', { method: 'POST', body: JSON.stringify(body) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { alert: Alert }).alert;
}

/** A tick of BTC/USDT through the server's market state, as the feed delivers one. */
function tick(stack: Stack, last: number): void {
  const at = Date.now();
  const none = { bid: null, ask: null, high: null, low: null, open: null, percentage: null };
  const fields = { last, ...none, baseVolume: null, quoteVolume: null, timestamp: at };
  stack.app.market.apply(BTC, fields, at, PRECISION);
}

function alertFired(id: string, triggeredPrice: string): Alert {
  return {
    id,
    kind: 'price',
    stream: BTC,
    condition: 'above',
    price: '100',
    note: null,
    channels: [],
    createdAt: 1,
    triggeredAt: 2,
    triggeredPrice,
  };
}

describe('dashboard store: alerts', () => {
  it('a fired alert replaces its entry and is queued once until told', () => {
    const store = createDashboardStore();
    expect(store.getState().alerts).toBeNull();
    store.getState().alertFired(alertFired('a', '101'));
    // Not loaded yet: the list stays unknown, the notification is still due.
    expect(store.getState().alerts).toBeNull();
    expect(store.getState().firedAlerts.map((a) => a.id)).toEqual(['a']);

    const waiting = { ...alertFired('b', '0'), triggeredAt: null, triggeredPrice: null };
    store.getState().setAlerts([waiting]);
    store.getState().alertFired(alertFired('b', '102'));
    store.getState().alertFired(alertFired('b', '102'));
    expect(store.getState().alerts).toEqual([alertFired('b', '102')]);
    expect(store.getState().firedAlerts.map((a) => a.id)).toEqual(['a', 'b']);

    store.getState().firedAlertsTold(['a', 'b']);
    expect(store.getState().firedAlerts).toEqual([]);
    expect(store.getState().alerts).toEqual([alertFired('b', '102')]);
  });
});

describe('dashboard connection: price alerts', () => {
  it('[P7] every tab of the user follows alerts:changed: a set alert is listed, a deleted one goes', async () => {
    const stack = await start();
    const a = open(stack);
    const b = open(stack);
    await Promise.all([live(a), live(b)]);
    expect(a.store.getState().alerts).toBeNull();

    const alert = await setAlert(stack, { stream: BTC, condition: 'above', price: '900000000', note: 'x' });
    expect(alert.triggeredAt).toBeNull();
    for (const tab of [a, b]) {
      await waitFor(() => tab.store.getState().alerts?.length === 1, 5_000, 'the list');
      expect(tab.store.getState().alerts).toEqual([alert]);
    }

    const res = await api(stack, `/api/v1/alerts/${alert.id}`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    for (const tab of [a, b])
      await waitFor(() => tab.store.getState().alerts?.length === 0, 5_000, 'the delete');
    expect(a.store.getState().firedAlerts).toEqual([]);
  });

  it('[P7] an alert fired by a tick turns triggered, is queued for a notification and noticed once', async () => {
    const stack = await start();
    const clock = 1_234;
    const tab = open(stack, { now: () => clock });
    await live(tab);
    const alert = await setAlert(stack, { stream: BTC, condition: 'above', price: '900000000' });
    await waitFor(() => tab.store.getState().alerts?.length === 1, 5_000, 'the list');
    expect(tab.store.getState().firedAlerts).toEqual([]);

    tick(stack, 900_000_001.5);
    await waitFor(() => tab.store.getState().firedAlerts.length > 0, 5_000, 'the alert firing');
    const [fired] = tab.store.getState().firedAlerts;
    expect(fired).toMatchObject({ id: alert.id, triggeredPrice: '900000001.5' });
    expect(fired?.triggeredAt).toEqual(expect.any(Number));
    await waitFor(() => tab.store.getState().alerts?.[0]?.triggeredAt != null, 5_000, 'the row triggered');
    expect(tab.store.getState().alerts).toEqual([fired]);
    expect(tab.store.getState().notice).toEqual({ kind: 'info', alert: fired, at: clock });
    expect(noticeInEnglish(tab.store.getState().notice)).toBe(
      'Alert: BTC/USDT on binance is above 900000000 (last 900000001.5)',
    );

    // It fired once: later ticks that meet it again tell nothing more. An alert met at once when set, after such
    // a tick, fires after anything that tick could have fired.
    tab.store.getState().firedAlertsTold([alert.id]);
    tick(stack, 900_000_002.5);
    const later = await setAlert(stack, { stream: BTC, condition: 'below', price: '1000000000' });
    await waitFor(() => tab.store.getState().firedAlerts.length > 0, 5_000, 'the later alert firing');
    expect(tab.store.getState().firedAlerts).toEqual([later]);
    await waitFor(() => tab.store.getState().alerts?.length === 2, 5_000, 'the list with the later alert');
    expect(tab.store.getState().alerts?.find((a) => a.id === alert.id)).toEqual(fired);
  });

  it('[P7] an alert already met when set fires at once on the current price', async () => {
    const stack = await start();
    const tab = open(stack);
    await live(tab);
    await waitFor(() => typeof stack.app.market.get(BTC)?.last === 'number', 10_000, 'a BTC price');

    const alert = await setAlert(stack, { stream: BTC, condition: 'below', price: '900000000' });
    expect(alert.triggeredPrice).toMatch(/^\d+(\.\d+)?$/);
    await waitFor(() => tab.store.getState().firedAlerts.length === 1, 5_000, 'the alert firing');
    expect(tab.store.getState().firedAlerts).toEqual([alert]);
    expect(noticeInEnglish(tab.store.getState().notice)).toBe(
      `Alert: BTC/USDT on binance is below 900000000 (last ${alert.triggeredPrice})`,
    );
    await waitFor(() => tab.store.getState().alerts?.length === 1, 5_000, 'the list');
    expect(tab.store.getState().alerts).toEqual([alert]);
  });
});
