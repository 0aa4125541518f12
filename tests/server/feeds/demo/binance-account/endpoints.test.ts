import { describe, expect, it } from 'vitest';
import { DEMO_BINANCE_KEY } from '../../../../../server/feeds/demo/binance-account/index';
import type { AccountTrade } from '../../../../../server/feeds/demo/binance-account/index';
import { useDemo } from '../helpers';
import { signedGet } from './signed-client';

const { demo } = useDemo(8);

const DAY = 86_400_000;

const myTrades = async (params: Record<string, string | number>) => {
  const answer = await signedGet(demo().url, '/api/v3/myTrades', { symbol: 'ETHBTC', ...params });
  return {
    ...answer,
    ids: Array.isArray(answer.body) ? answer.body.map((t: { id: number }) => t.id) : answer.body,
  };
};
const idsOf = (trades: readonly AccountTrade[]) => trades.map((t) => t.id);

describe('GET /api/v3/myTrades, by the documented rules', () => {
  it('without times: the most recent `limit` fills, oldest first; with a start: the oldest from it', async () => {
    const trades = demo().account.trades('ETH/BTC');
    expect(trades.length).toBeGreaterThan(12);
    expect((await myTrades({ limit: 5 })).ids).toEqual(idsOf(trades.slice(-5)));
    expect((await myTrades({})).ids).toEqual(idsOf(trades));
    expect((await myTrades({ startTime: trades[10]?.time ?? 0, limit: 3 })).ids).toEqual(
      idsOf(trades.slice(10, 13)),
    );
    expect((await myTrades({ endTime: trades[10]?.time ?? 0, limit: 3 })).ids).toEqual(
      idsOf(trades.slice(8, 11)),
    );
    expect((await myTrades({ fromId: trades[5]?.id ?? 0, limit: 2 })).ids).toEqual(idsOf(trades.slice(5, 7)));
  });

  it('answers fills in the documented shape', async () => {
    const [last] = demo().account.trades('ETH/BTC').slice(-1);
    const { body } = await myTrades({ limit: 1 });
    expect(body).toEqual([
      {
        symbol: 'ETHBTC',
        id: last?.id,
        orderId: last?.orderId,
        orderListId: -1,
        price: Number(last?.price).toFixed(8),
        qty: Number(last?.qty).toFixed(8),
        quoteQty: expect.stringMatching(/^\d+\.\d{8}$/),
        commission: expect.stringMatching(/^\d+\.\d{8}$/),
        commissionAsset: last?.commissionAsset,
        time: last?.time,
        isBuyer: last?.side === 'buy',
        isMaker: last?.isMaker,
        isBestMatch: true,
      },
    ]);
  });

  it('finds the fills of one order by orderId', async () => {
    const trades = demo().account.trades();
    const split = trades.find((t, i) => trades.findIndex((u) => u.orderId === t.orderId) !== i);
    expect(split).toBeDefined();
    const answer = await signedGet(demo().url, '/api/v3/myTrades', {
      symbol: split?.symbol.replace('/', '') ?? '',
      orderId: split?.orderId ?? 0,
    });
    expect((answer.body as { orderId: number }[]).map((t) => t.orderId)).toEqual([
      split?.orderId,
      split?.orderId,
    ]);
  });

  it('refuses windows over 24 h, undocumented combinations, bad limits and symbols', async () => {
    const now = Date.now();
    expect((await myTrades({ startTime: now - DAY - 1, endTime: now })).body).toEqual({
      code: -1127,
      msg: 'More than 24 hours between startTime and endTime.',
    });
    expect((await myTrades({ startTime: now - DAY, endTime: now })).status).toBe(200);
    expect((await myTrades({ startTime: now - DAY, fromId: 1 })).body).toMatchObject({ code: -1128 });
    expect((await myTrades({ limit: 1001 })).body).toMatchObject({ code: -1130 });
    expect((await myTrades({ limit: 0 })).body).toMatchObject({ code: -1130 });
    expect((await myTrades({ fromId: -3 })).body).toMatchObject({ code: -1100 });
    expect((await myTrades({ symbol: 'ETH/BTC' })).body).toMatchObject({
      code: -1121,
      msg: 'Invalid symbol.',
    });
    const missing = await signedGet(demo().url, '/api/v3/myTrades');
    expect(missing.body).toMatchObject({ code: -1102 });
  });
});

describe('the wallet history endpoints, by the documented 90-day rules', () => {
  const deposits = (params: Record<string, string | number>) =>
    signedGet(demo().url, '/sapi/v1/capital/deposit/hisrec', params);

  it('deposits: the last 90 days by default, newest first, paged by offset and limit', async () => {
    const recent = demo()
      .account.deposits()
      .filter((d) => d.insertTime >= Date.now() - 90 * DAY)
      .sort((a, b) => b.insertTime - a.insertTime);
    expect(recent.length).toBeGreaterThanOrEqual(2);
    const answer = await deposits({});
    expect((answer.body as { id: string }[]).map((d) => d.id)).toEqual(recent.map((d) => d.id));
    expect(answer.headers.get('x-sapi-used-ip-weight-1m')).toMatch(/^\d+$/);
    const second = await deposits({ offset: 1, limit: 1 });
    expect((second.body as { id: string }[]).map((d) => d.id)).toEqual([recent[1]?.id]);
    const usdt = (await deposits({ coin: 'USDT' })).body as { coin: string }[];
    expect(usdt.every((d) => d.coin === 'USDT')).toBe(true);
    expect((await deposits({ includeSource: 'true' })).body).toEqual(
      expect.arrayContaining([expect.objectContaining({ sourceAddress: expect.any(String) })]),
    );
  });

  it('deposits: a start more than 90 days before the end (or before now) is refused', async () => {
    const now = Date.now();
    expect((await deposits({ startTime: now - 200 * DAY })).body).toEqual({
      code: -1127,
      msg: 'More than 2160 hours between startTime and endTime.',
    });
    expect((await deposits({ startTime: now - 200 * DAY, endTime: now - 110 * DAY })).status).toBe(200);
    expect((await deposits({ limit: 1001 })).body).toMatchObject({ code: -1130 });
    expect((await deposits({ status: 'done' })).body).toMatchObject({ code: -1100 });
    expect((await deposits({ includeSource: 'yes' })).body).toMatchObject({ code: -1100 });
    expect((await deposits({ offset: -1 })).body).toMatchObject({ code: -1100 });
  });

  it('withdrawals: a withdrawOrderId narrows the window to 7 days; idList holds at most 50 ids', async () => {
    const history = (params: Record<string, string | number>) =>
      signedGet(demo().url, '/sapi/v1/capital/withdraw/history', params);
    const [withdrawal] = demo().account.withdrawals();
    const all = (await history({ startTime: (withdrawal?.applyTime ?? 0) - DAY })).body;
    expect(all).toEqual([
      expect.objectContaining({
        id: withdrawal?.id,
        applyTime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
      }),
    ]);
    const now = Date.now();
    expect(
      (await history({ withdrawOrderId: 'x', startTime: now - 8 * DAY, endTime: now })).body,
    ).toMatchObject({
      code: -1127,
    });
    expect((await history({ withdrawOrderId: 'x' })).body).toEqual([]);
    const ids = Array.from({ length: 51 }, (_, i) => `id${i}`).join(',');
    expect((await history({ idList: ids })).body).toMatchObject({ code: -1130 });
  });

  it('answers another method on a signed path as Binance does (-5000), unread', async () => {
    const res = await fetch(`${demo().url}/api/v3/account`, {
      method: 'POST',
      headers: { 'X-MBX-APIKEY': DEMO_BINANCE_KEY },
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: -5000, msg: 'Path /api/v3/account, Method POST is invalid' });
  });
});

describe('GET /sapi/v1/asset/assetDividend, by the documented rules', () => {
  type Row = { id: number; amount: string; asset: string; divTime: number; enInfo: string; tranId: number };
  const dividends = (params: Record<string, string | number>) =>
    signedGet(demo().url, '/sapi/v1/asset/assetDividend', params);
  const rowsOf = (body: unknown) => (body as { rows: Row[] }).rows;

  it('answers the newest 20 rows of the last 180 days by default, with the total, in the documented shape', async () => {
    const recent = demo()
      .account.dividends()
      .filter((d) => d.divTime >= Date.now() - 180 * DAY)
      .sort((a, b) => b.divTime - a.divTime);
    expect(recent.length).toBeGreaterThan(100);
    const before = await dividends({ limit: 1 });
    const answer = await dividends({});
    expect(rowsOf(answer.body).map((r) => r.id)).toEqual(recent.slice(0, 20).map((d) => d.id));
    expect((answer.body as { total: number }).total).toBe(recent.length);
    expect(rowsOf(answer.body)[0]).toEqual({
      id: recent[0]?.id,
      amount: expect.stringMatching(/^\d+\.\d{8}$/),
      asset: recent[0]?.asset,
      divTime: recent[0]?.divTime,
      enInfo: recent[0]?.enInfo,
      tranId: recent[0]?.tranId,
      direction: 1,
    });
    // Weight 10 a request, as documented.
    const used = (r: typeof answer) => Number(r.headers.get('x-sapi-used-ip-weight-1m'));
    expect(used(answer) - used(before)).toBe(10);
  });

  it('narrows by asset and window; pages by moving endTime back, as there is no offset', async () => {
    const sol = rowsOf((await dividends({ asset: 'SOL', limit: 500 })).body);
    expect(sol.length).toBeGreaterThan(10);
    expect(sol.every((r) => r.asset === 'SOL' && r.enInfo === 'SOL Staking Rewards')).toBe(true);
    const first = rowsOf((await dividends({ limit: 5 })).body);
    const next = rowsOf((await dividends({ limit: 5, endTime: (first.at(-1)?.divTime ?? 0) - 1 })).body);
    const all = rowsOf((await dividends({ limit: 10 })).body);
    expect([...first, ...next].map((r) => r.id)).toEqual(all.map((r) => r.id));
    const airdrop = demo()
      .account.dividends()
      .find((d) => d.enInfo === 'OP Airdrop');
    const around = rowsOf(
      (
        await dividends({
          startTime: (airdrop?.divTime ?? 0) - 1000,
          endTime: (airdrop?.divTime ?? 0) + 1000,
        })
      ).body,
    );
    expect(around).toEqual([expect.objectContaining({ asset: 'OP', amount: '150.00000000' })]);
  });

  it('refuses a window over 180 days, a limit over 500 and a parameter it does not read', async () => {
    const now = Date.now();
    expect((await dividends({ startTime: now - 181 * DAY, endTime: now })).body).toEqual({
      code: -1127,
      msg: 'More than 4320 hours between startTime and endTime.',
    });
    expect((await dividends({ limit: 501 })).body).toMatchObject({ code: -1130 });
    expect((await dividends({ limit: 0 })).body).toMatchObject({ code: -1130 });
    expect((await dividends({ offset: 20 })).body).toMatchObject({ code: -1104 });
    expect((await dividends({ startTime: 'yesterday' })).body).toMatchObject({ code: -1100 });
  });
});
