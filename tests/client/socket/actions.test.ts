import { afterEach, describe, expect, it, vi } from 'vitest';
import { OFFLINE_NOTICE } from '../../../client/store/notice';
import { PROTOCOL_VERSION } from '../../../lib/protocol';
import { LOW_DATA_KEY } from '../../../client/socket/low-data-preference';
import { autoClose, startStack, waitFor } from '../../support/stack';
import { expectConverged, live, noticeInEnglish, tabs } from './tab';

const DEFAULT_WATCHLIST = ['binance:BTC/USDT', 'binance:ETH/USDT', 'binance:SOL/USDT'];
const DOGE = 'binance:DOGE/USDT';

const { start } = autoClose();
const open = tabs();

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('dashboard connection: actions', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("[W1] two tabs: a stream added in one reaches the other tab's watchlist, market and history", async () => {
    const stack = await start();
    const a = open(stack);
    const b = open(stack);
    await Promise.all([live(a), live(b)]);

    expect(await a.connection.addStream(DOGE)).toBe(true);
    expect(a.store.getState().watchlist).toEqual([...DEFAULT_WATCHLIST, DOGE]);
    for (const tab of [a, b]) {
      await waitFor(() => tab.store.getState().watchlist.includes(DOGE), 5_000, 'the watchlist');
      await waitFor(() => tab.store.getState().market.tickers[DOGE] !== undefined, 5_000, 'DOGE prices');
      await waitFor(() => tab.fetches.some((u) => u.searchParams.get('streams') === DOGE), 5_000, 'history');
    }
    // The other tab subscribed to the added stream only.
    expect(b.sent('market:subscribe').at(-1)?.payload).toEqual({ streams: [DOGE] });

    b.connection.select(DOGE);
    expect(await b.connection.removeStream(DOGE)).toBe(true);
    await waitFor(() => !a.store.getState().watchlist.includes(DOGE), 5_000, 'the removal');
    await waitFor(() => a.store.getState().market.tickers[DOGE] === undefined, 5_000, 'DOGE dropped');
    expect(a.sent('market:unsubscribe').at(-1)?.payload).toEqual({ streams: [DOGE] });
    // The chart of the tab that removed its stream falls back to the first watched one.
    expect(b.store.getState().selected).toBeNull();

    await expectConverged(stack, [a, b], DEFAULT_WATCHLIST);
  });

  it('[M1] pinned streams (priced holdings) are subscribed besides the watchlist, after a restart too', async () => {
    const stack = await start();
    const tab = open(stack);
    await live(tab);
    tab.connection.pin([DOGE]);
    await waitFor(() => tab.store.getState().market.tickers[DOGE] !== undefined, 5_000, 'DOGE prices');
    expect(tab.store.getState().watchlist).toEqual(DEFAULT_WATCHLIST);
    expect(tab.sent('market:subscribe').at(-1)?.payload).toEqual({ streams: [DOGE] });

    await stack.restart();
    await waitFor(
      () => tab.sent('market:subscribe').length >= 3,
      10_000,
      'the subscription after the restart',
    );
    expect(tab.sent('market:subscribe').at(-1)?.payload).toEqual({ streams: [...DEFAULT_WATCHLIST, DOGE] });
    await expectConverged(stack, [tab], [...DEFAULT_WATCHLIST, DOGE]);

    tab.connection.pin([]);
    await waitFor(() => tab.store.getState().market.tickers[DOGE] === undefined, 5_000, 'DOGE dropped');
    expect(tab.sent('market:unsubscribe').at(-1)?.payload).toEqual({ streams: [DOGE] });
  });

  it('[R3] an unknown market is refused: false, a notice naming it, nothing changed', async () => {
    const stack = await start();
    let clock = 5;
    const tab = open(stack, { now: () => clock });
    await live(tab);
    const before = tab.store.getState();
    clock = 77;
    expect(await tab.connection.addStream('binance:FOO/USDT')).toBe(false);
    const after = tab.store.getState();
    expect(after.notice).toEqual({ kind: 'error', text: 'binance has no market "FOO/USDT".', at: 77 });
    expect(after.watchlist).toBe(before.watchlist);
    expect(after.market).toEqual(expect.objectContaining({ epoch: before.market.epoch }));
    expect(tab.sent('market:subscribe')).toHaveLength(1);
    expect(await tab.connection.addStream('kraken:BTC/USD')).toBe(false);
    expect(noticeInEnglish(tab.store.getState().notice)).toMatch(/kraken/);
    expect(await stack.app.watchlist.list(stack.userId)).toEqual(DEFAULT_WATCHLIST);
  });

  it('[M6][M7] low-data mode subscribes at 1 message a second and is remembered', async () => {
    const stack = await start({ tickMs: 20 });
    const storage = memoryStorage();
    const tab = open(stack, { storage });
    await live(tab);
    await tab.connection.setLowData(true);
    const ack = tab.sent('market:subscribe').at(-1);
    expect(ack?.payload).toEqual({ streams: [], maxFrequency: 1 });
    expect(ack?.answer).toMatchObject({ ok: true, subscription: { maxFrequency: 1 } });
    expect(tab.store.getState().lowData).toBe(true);
    expect(storage.items.get(LOW_DATA_KEY)).toBe('1');

    const arrivals: number[] = [];
    tab.socket.on('market:diff', () => arrivals.push(Date.now()));
    await waitFor(() => arrivals.length >= 4, 10_000, 'four diffs');
    // Arrival gaps shrink only by delivery jitter; at the default rate they would be 250 ms.
    arrivals.slice(1).forEach((at, i) => expect(at - arrivals[i]!).toBeGreaterThanOrEqual(1000 - 150));

    // A new tab of the same browser starts in low-data mode.
    const next = open(stack, { storage });
    await live(next);
    expect(next.store.getState().lowData).toBe(true);
    expect(next.sent('market:subscribe')[0]?.payload).toEqual({
      streams: DEFAULT_WATCHLIST,
      maxFrequency: 1,
    });

    await tab.connection.setLowData(false);
    expect(tab.sent('market:subscribe').at(-1)?.answer).toMatchObject({ subscription: { maxFrequency: 4 } });
    expect(storage.items.get(LOW_DATA_KEY)).toBe('0');
  });

  it('[C4] offline: no request while disconnected, a notice instead; offline once reconnection gives up', async () => {
    // Its own stack: the test closes it.
    const stack = await startStack();
    let stopped = false;
    try {
      const tab = open(stack, {
        socket: { reconnectionAttempts: 2, reconnectionDelay: 100, reconnectionDelayMax: 200 },
      });
      await live(tab);
      await stack.close();
      stopped = true;
      await waitFor(() => tab.states.includes('reconnecting'), 5_000, 'reconnecting');
      await waitFor(() => tab.states.at(-1) === 'offline', 5_000, 'offline');
      const sent = tab.requests.length;
      expect(await tab.connection.addStream(DOGE)).toBe(false);
      expect(await tab.connection.removeStream(DEFAULT_WATCHLIST[0]!)).toBe(false);
      expect(tab.store.getState().notice).toMatchObject(OFFLINE_NOTICE);
      expect(noticeInEnglish(tab.store.getState().notice)).toBe('offline: try again when connected');
      expect(tab.requests).toHaveLength(sent);
      expect(tab.store.getState().watchlist).toEqual(DEFAULT_WATCHLIST);
    } finally {
      if (!stopped) await stack.close();
    }
  });

  it('[C4] offline while the browser says so; its online event reconnects at once', async () => {
    const window = new EventTarget();
    const navigator = { onLine: true };
    vi.stubGlobal('window', window);
    vi.stubGlobal('navigator', navigator);
    const stack = await start();
    // socket.io alone would wait 8 s before trying again.
    const tab = open(stack, { socket: { reconnectionDelay: 8_000, randomizationFactor: 0 } });
    await live(tab);

    navigator.onLine = false;
    window.dispatchEvent(new Event('offline'));
    expect(tab.states.at(-1)).toBe('live');
    tab.socket.io.engine.close();
    await waitFor(() => tab.states.at(-1) === 'offline', 2_000, 'offline');
    expect(await tab.connection.addStream(DOGE)).toBe(false);

    const backAt = Date.now();
    navigator.onLine = true;
    window.dispatchEvent(new Event('online'));
    expect(tab.states.at(-1)).toBe('reconnecting');
    await waitFor(() => tab.states.at(-1) === 'live', 3_000, 'live again');
    expect(Date.now() - backAt).toBeLessThan(3_000);
    expect(tab.states).toEqual(['connecting', 'live', 'offline', 'reconnecting', 'live']);
  });

  it("[H1] select() picks the chart's stream and loads its whole history once", async () => {
    const stack = await start();
    const tab = open(stack);
    await live(tab);
    await waitFor(() => tab.fetches.length === 1, 5_000, 'the first history');
    tab.connection.select(DEFAULT_WATCHLIST[1]!);
    expect(tab.store.getState().selected).toBe(DEFAULT_WATCHLIST[1]);
    tab.connection.select(DOGE);
    await waitFor(() => tab.fetches.length >= 2, 5_000, 'DOGE history');
    // Already loaded with the watchlist, the first selection asked nothing: the next request is DOGE's.
    expect(tab.fetches.slice(1).map((u) => u.searchParams.get('streams'))).toEqual([DOGE]);
  });

  it('[R4] a client the server disconnected comes back after the longest backoff delay', async () => {
    const stack = await start();
    const tab = open(stack, { socket: { reconnectionDelay: 100, reconnectionDelayMax: 400 } });
    await live(tab);
    const epoch = tab.store.getState().market.epoch;
    const droppedAt = Date.now();
    stack.app.io.sockets.sockets.get(tab.socket.id!)?.disconnect(true);
    await waitFor(() => tab.states.at(-1) === 'reconnecting', 2_000, 'reconnecting');
    await live(tab, epoch, 5_000);
    // The timer starts when the client hears of the drop, after droppedAt; timers may fire a hair early.
    expect(Date.now() - droppedAt).toBeGreaterThanOrEqual(400 - 10);
    expect(tab.sent('watchlist:get')).toHaveLength(2);
  });

  it('[C3] a server speaking another protocol version is reported: reload the page', async () => {
    const stack = await start();
    const tab = open(stack);
    await live(tab);
    expect(tab.store.getState().notice).toBeNull();
    const hello = {
      protocol: 2,
      serverTime: 0,
      simulated: true,
      limits: { maxStreams: 100, maxFrequency: 4, defaultFrequency: 4 },
    };
    tab.socket.listeners('server:hello').forEach((l) => l(hello));
    expect(tab.store.getState().notice).toMatchObject({ kind: 'info', key: 'protocolMismatch' });
    expect(noticeInEnglish(tab.store.getState().notice)).toBe(
      `The server speaks protocol 2, this page ${PROTOCOL_VERSION}: reload the page.`,
    );
  });

  it('close() ends the connection and everything it started', async () => {
    const stack = await start();
    const tab = open(stack);
    await live(tab);
    expect(stack.app.io.engine.clientsCount).toBe(1);
    tab.connection.close();
    await waitFor(() => stack.app.io.engine.clientsCount === 0, 2_000, 'the server to see it go');
    const sent = tab.requests.length;
    expect(await tab.connection.addStream(DOGE)).toBe(false);
    await tab.connection.setLowData(true);
    expect(tab.requests).toHaveLength(sent);
    expect(tab.socket.active).toBe(false);
  });
});
