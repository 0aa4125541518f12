import { describe, expect, it } from 'vitest';
import type { Watchlist } from '../../lib/protocol';
import type { Client, Stack } from '../support/stack';
import { api, autoClose, request, waitFor } from '../support/stack';

const { start, client } = autoClose();

async function ready(s: Stack): Promise<Client> {
  await waitFor(() => s.app.feeds.statuses()[0]?.markets !== 0, 10_000, 'markets');
  return client(s, { reconnection: true, reconnectionDelay: 100 });
}

describe('watchlist', () => {
  it('[W2] a new installation starts with BTC, ETH and SOL on the first exchange', async () => {
    const stack = await start();
    const c = await ready(stack);
    expect(await request(c, 'watchlist:get', {})).toEqual({
      ok: true,
      watchlist: { streams: ['binance:BTC/USDT', 'binance:ETH/USDT', 'binance:SOL/USDT'] },
    });
  });

  it('[W1] add and remove are broadcast to every open connection', async () => {
    const stack = await start();
    const a = await ready(stack);
    const b = await ready(stack);
    const heard: Watchlist[] = [];
    b.on('watchlist:changed', (w) => heard.push(w));
    const added = await request(a, 'watchlist:add', { stream: 'binance:DOGE/USDT' });
    expect(added.ok && added.watchlist.streams.at(-1)).toBe('binance:DOGE/USDT');
    await waitFor(() => heard.length === 1, 2_000, 'broadcast');
    expect(heard[0]?.streams).toContain('binance:DOGE/USDT');
    const removed = await request(a, 'watchlist:remove', { stream: 'binance:BTC/USDT' });
    expect(removed.ok && removed.watchlist.streams).toEqual([
      'binance:ETH/USDT',
      'binance:SOL/USDT',
      'binance:DOGE/USDT',
    ]);
    await waitFor(() => heard.length === 2, 2_000, 'second broadcast');
  });

  it('[W1] adding a stream twice or removing an absent one changes nothing', async () => {
    const stack = await start();
    const c = await ready(stack);
    const heard: Watchlist[] = [];
    c.on('watchlist:changed', (w) => heard.push(w));
    const again = await request(c, 'watchlist:add', { stream: 'binance:BTC/USDT' });
    const absent = await request(c, 'watchlist:remove', { stream: 'binance:XRP/USDT' });
    expect(again.ok && again.watchlist.streams).toHaveLength(3);
    expect(absent.ok && absent.watchlist.streams).toHaveLength(3);
    // A broadcast of either would have gone out before this later answer on the same connection.
    await request(c, 'watchlist:get', {});
    expect(heard).toHaveLength(0);
  });

  it('[W1] the watchlist survives a restart, and an emptied list stays empty', async () => {
    const stack = await start();
    const c = await ready(stack);
    await request(c, 'watchlist:add', { stream: 'binance:ADA/USDT' });
    for (const stream of ['binance:BTC/USDT', 'binance:ETH/USDT', 'binance:SOL/USDT']) {
      await request(c, 'watchlist:remove', { stream });
    }
    await stack.restart();
    await waitFor(() => c.connected, 10_000, 'reconnect');
    expect(await request(c, 'watchlist:get', {})).toEqual({
      ok: true,
      watchlist: { streams: ['binance:ADA/USDT'] },
    });
    await request(c, 'watchlist:remove', { stream: 'binance:ADA/USDT' });
    await stack.restart();
    await waitFor(() => c.connected, 10_000, 'reconnect');
    expect(await request(c, 'watchlist:get', {})).toEqual({ ok: true, watchlist: { streams: [] } });
  });

  it('[W1] watchlist streams are watched even with no subscriber, so their history fills', async () => {
    const stack = await start();
    await ready(stack);
    const history = async () => {
      const res = await api(stack, `/api/v1/history?stream=${encodeURIComponent('binance:SOL/USDT')}`);
      return ((await res.json()) as { points: unknown[] }).points.length;
    };
    // No client is subscribed to anything: only the watchlist makes the feed watch SOL/USDT.
    expect(stack.app.push.subscribedStreams()).toEqual([]);
    await waitFor(async () => (await history()) >= 2, 5_000, 'history points');
    expect(stack.app.market.get('binance:XRP/USDT')).toBeUndefined();
  });
});
