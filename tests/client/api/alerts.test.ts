import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAlert, deleteAlert, listAlerts, setAlertChannels } from '../../../client/api/alerts';
import type { AlertInput } from '../../../client/api/alerts';
import { listChannelNames } from '../../../client/api/channel-names';
import { fetchOwnCurrency } from '../../../client/api/own-currency';
import { alertAnswer } from '../../../lib/api/alerts';

/** A fetch that answers every request with `body` as JSON, and the requests it saw. */
function answering(body: unknown, status = 200) {
  const seen: Array<{ url: string; method: string; body: unknown }> = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit = {}) => {
    const sent = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    seen.push({ url, method: init.method ?? 'GET', body: sent });
    return Promise.resolve(Response.json(body, { status }));
  });
  return seen;
}
afterEach(() => {
  vi.unstubAllGlobals();
});

const COMMON = {
  id: 'a1',
  note: null,
  channels: ['ch1'],
  createdAt: 1_700_000_000_000,
  triggeredAt: null,
  triggeredPrice: null,
};
const PRICE = { ...COMMON, kind: 'price', stream: 'binance:BTC/USDT', condition: 'above', price: '50000' };
const MOVE = {
  ...COMMON,
  id: 'a2',
  kind: 'move',
  stream: 'binance:BTC/USDT',
  direction: 'any',
  percent: '5',
  window: '1h',
  triggeredAt: 1_700_000_060_000,
  triggeredPrice: '52100',
  triggeredChange: '-5.21',
};
const PORTFOLIO = {
  ...COMMON,
  id: 'a3',
  kind: 'portfolio',
  condition: 'below',
  value: '10000',
  currency: 'USD',
  channels: [],
  note: 'rebalance',
};

/** Alerts that break the contract one way each: every one of them is refused, by the contract too. */
const MALFORMED: Array<[string, unknown]> = [
  ['no kind', { ...PRICE, kind: undefined }],
  ['an unknown kind', { ...PRICE, kind: 'volume' }],
  ['a price as a number', { ...PRICE, price: 50000 }],
  ['a price alert without its market', { ...PRICE, stream: undefined }],
  [
    'a move alert with a condition instead of a direction',
    { ...MOVE, direction: undefined, condition: 'above' },
  ],
  ['a window the contract has not', { ...MOVE, window: '2h' }],
  ['a move without its triggered change', { ...MOVE, triggeredChange: undefined }],
  ['a portfolio alert without its currency', { ...PORTFOLIO, currency: undefined }],
  ['a portfolio alert with a price, not a value', { ...PORTFOLIO, value: undefined, price: '10000' }],
  ['channels as one string', { ...PRICE, channels: 'ch1' }],
  ['channels that are not ids', { ...PRICE, channels: [1] }],
  ['no channels', { ...PRICE, channels: undefined }],
  ['a time as text', { ...PRICE, triggeredAt: '2026-12-04' }],
];

describe('the browser’s alerts client', () => {
  it('[P7] reads each kind of alert exactly as the contract describes it', async () => {
    for (const alert of [PRICE, MOVE, PORTFOLIO]) {
      expect(alertAnswer.safeParse(alert).success, alert.kind).toBe(true);
      answering({ alert });
      expect(await setAlertChannels(alert.id, []), alert.kind).toEqual({ ok: true, data: alert });
    }
  });

  it.each(MALFORMED)('[P7] refuses an alert with %s', async (_, alert) => {
    expect(alertAnswer.safeParse(alert).success).toBe(false);
    answering({ alert });
    expect(
      await createAlert({ kind: 'price', stream: 'binance:BTC/USDT', condition: 'above', price: '1' }),
    ).toMatchObject({
      ok: false,
      code: 'BAD_ANSWER',
    });
  });

  it('[P7] lists alerts of all kinds, and refuses a list with one that is not an alert', async () => {
    answering({ alerts: [PRICE, MOVE, PORTFOLIO] });
    expect(await listAlerts()).toEqual({ ok: true, data: [PRICE, MOVE, PORTFOLIO] });
    answering({ alerts: [PRICE, { ...MOVE, window: '2h' }] });
    expect(await listAlerts()).toMatchObject({ ok: false, code: 'BAD_ANSWER' });
  });

  it('[P7] sets an alert of each kind with its channels, and shows the server’s refusal verbatim', async () => {
    const seen = answering({ alert: MOVE }, 201);
    const input: AlertInput = {
      kind: 'move',
      stream: 'binance:BTC/USDT',
      direction: 'any',
      percent: '5',
      window: '1h',
      channels: [],
    };
    expect(await createAlert(input)).toEqual({ ok: true, data: MOVE });
    expect(seen).toEqual([{ url: '/api/v1/alerts', method: 'POST', body: input }]);

    answering({ error: { code: 'BAD_REQUEST', message: 'percent: must be at most 1000' } }, 400);
    expect(await createAlert({ ...input, percent: '5000' })).toEqual({
      ok: false,
      status: 400,
      code: 'BAD_REQUEST',
      message: 'percent: must be at most 1000',
    });
  });

  it('[P7] changes where an alert goes with PATCH, and takes the changed alert back', async () => {
    const changed = { ...PORTFOLIO, channels: ['ch1', 'ch2'] };
    const seen = answering({ alert: changed });
    expect(await setAlertChannels('a 3', ['ch1', 'ch2'])).toEqual({ ok: true, data: changed });
    expect(seen).toEqual([
      { url: '/api/v1/alerts/a%203', method: 'PATCH', body: { channels: ['ch1', 'ch2'] } },
    ]);
    answering({ alert: { ...changed, channels: null } });
    expect(await setAlertChannels('a3', [])).toMatchObject({ ok: false, code: 'BAD_ANSWER' });
  });

  it('[P7] deletes an alert by id', async () => {
    const seen = answering({ deleted: 'a1' });
    expect(await deleteAlert('a1')).toEqual({ ok: true, data: 'a1' });
    expect(seen[0]).toMatchObject({ url: '/api/v1/alerts/a1', method: 'DELETE' });
  });
});

describe('what the alerts take from other answers', () => {
  it('[N8] reads the id, kind and name of each channel, nothing of its settings', async () => {
    const channel = {
      id: 'ch1',
      kind: 'ntfy',
      name: 'Phone',
      settings: { url: 'https://ntfy.sh/topic' },
      hasSecret: false,
      createdAt: 1_700_000_000_000,
      lastOkAt: null,
      lastError: null,
      lastErrorAt: null,
      recent: [],
    };
    const seen = answering({ channels: [channel] });
    expect(await listChannelNames()).toEqual({
      ok: true,
      data: [{ id: 'ch1', kind: 'ntfy', name: 'Phone' }],
    });
    expect(seen[0]?.url).toBe('/api/v1/channels');
    for (const bad of [{ channels: [{ ...channel, name: null }] }, { channels: {} }, []]) {
      answering(bad);
      expect(await listChannelNames()).toMatchObject({ ok: false, code: 'BAD_ANSWER' });
    }
  });

  it('[P5] reads the user’s portfolio currency from the settings', async () => {
    const seen = answering({ quoteCurrency: 'EUR', pricing: {} });
    expect(await fetchOwnCurrency()).toEqual({ ok: true, data: 'EUR' });
    expect(seen[0]?.url).toBe('/api/v1/settings');
    answering({ pricing: {} });
    expect(await fetchOwnCurrency()).toMatchObject({ ok: false, code: 'BAD_ANSWER' });
  });
});
