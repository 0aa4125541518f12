import { describe, expect, it } from 'vitest';
import type { MarketDiff } from '../../../lib/protocol';
import { autoClose, waitFor } from '../../support/stack';
import { quiesce } from '../../support/converge';
import { expectConverged, live, serverHistory, tabs } from './tab';

const DEFAULT_WATCHLIST = ['binance:BTC/USDT', 'binance:ETH/USDT', 'binance:SOL/USDT'];

const { start } = autoClose();
const open = tabs();

describe('dashboard connection: keeping the store equal to the server', () => {
  it('[C3][M1][M2][H1] connects: watchlist, then subscribe, then snapshot, only then live; history in one request', async () => {
    const stack = await start();
    await waitFor(
      async () => (await serverHistory(stack, DEFAULT_WATCHLIST[0]!)).length >= 2,
      10_000,
      'history',
    );
    let clock = 1_000;
    const tab = open(stack, { now: () => clock });

    await live(tab);
    expect(tab.states).toEqual(['connecting', 'live']);
    expect(tab.requests.map((r) => r.event)).toEqual(['watchlist:get', 'market:subscribe']);
    expect(tab.requests[1]?.payload).toEqual({ streams: DEFAULT_WATCHLIST });
    const state = tab.store.getState();
    expect(state.watchlist).toEqual(DEFAULT_WATCHLIST);
    expect(state.simulated).toBe(true);
    expect(state.feeds.binance).toMatchObject({ exchange: 'binance', simulated: true });
    expect(state.connection.lastMessageAt).toBe(1_000);

    // Every server message counts as heard, diffs included.
    clock = 2_000;
    await waitFor(() => tab.store.getState().connection.lastMessageAt === 2_000, 5_000, 'a diff heard');

    // The whole history of every watched stream, in one request.
    await waitFor(() => DEFAULT_WATCHLIST.every((s) => (tab.store.getState().series[s]?.length ?? 0) >= 2));
    expect(tab.fetches).toHaveLength(1);
    expect(tab.fetches[0]?.pathname).toBe('/api/v1/history');
    expect(tab.fetches[0]?.searchParams.get('streams')?.split(',')).toEqual(DEFAULT_WATCHLIST);
    expect(tab.fetches[0]?.searchParams.has('since')).toBe(false);

    await expectConverged(stack, [tab], DEFAULT_WATCHLIST);
  });

  it('[M9] after a server restart (a new epoch) the store equals the server again', async () => {
    const stack = await start();
    const tab = open(stack);
    await live(tab);
    const firstEpoch = tab.store.getState().market.epoch;
    await stack.restart();
    await live(tab, firstEpoch, 15_000);
    expect(tab.states).toEqual(['connecting', 'live', 'reconnecting', 'live']);
    // Each connect syncs again from the watchlist.
    expect(tab.sent('watchlist:get').length).toBeGreaterThanOrEqual(2);
    await waitFor(() => Object.keys(tab.store.getState().market.tickers).length === 3, 10_000, 'tickers');
    await expectConverged(stack, [tab], DEFAULT_WATCHLIST);
  });

  it("[R3][M9] while the exchange's markets are not loaded the sync retries, quietly, and is live after", async () => {
    const stack = await start();
    const tab = open(stack);
    await live(tab);
    // After the restart the server cannot load the exchange's markets until the errors stop.
    stack.demo.faults.httpErrors(503);
    await stack.restart();
    const unavailable = () =>
      tab
        .sent('market:subscribe')
        .filter((r) => (r.answer as { error?: { code: string } })?.error?.code === 'EXCHANGE_UNAVAILABLE');
    await waitFor(() => unavailable().length >= 2, 10_000, 'refused subscriptions');
    expect(tab.states.at(-1)).toBe('reconnecting');
    expect(tab.store.getState().notice).toBeNull();
    stack.demo.faults.clearHttpErrors();
    await waitFor(() => tab.states.at(-1) === 'live', 20_000, 'live');
    await expectConverged(stack, [tab], DEFAULT_WATCHLIST);
  });

  it('[M9] after a dropped transport the client resubscribes and the store equals the server', async () => {
    const stack = await start();
    const tab = open(stack);
    await live(tab);
    const subscribes = tab.sent('market:subscribe').length;
    tab.socket.io.engine.close();
    await waitFor(() => tab.states.includes('reconnecting'), 2_000, 'reconnecting');
    await waitFor(() => tab.states.at(-1) === 'live', 10_000, 'live again');
    expect(tab.sent('market:subscribe')).toHaveLength(subscribes + 1);
    const seq = tab.store.getState().market.seq;
    await waitFor(() => tab.store.getState().market.seq > seq + 2, 5_000, 'diffs after the reconnect');
    await expectConverged(stack, [tab], DEFAULT_WATCHLIST);
  });

  it('[M3] a diff lost on the way: exactly one resync, then equal to the server', async () => {
    const stack = await start();
    const tab = open(stack);
    await live(tab);
    await waitFor(() => tab.store.getState().market.seq >= 2, 5_000, 'diffs');
    // Lose the next diff as if the network had dropped it.
    const applyDiff = tab.store.getState().applyDiff;
    let lost: MarketDiff | null = null;
    tab.store.setState({
      applyDiff: (diff) => {
        if (lost) return applyDiff(diff);
        lost = diff;
        return { applied: false, reason: 'old-seq' };
      },
    });
    await waitFor(() => tab.sent('market:resync').length === 1, 5_000, 'a resync');
    await waitFor(() => tab.sent('market:resync')[0]?.answer !== undefined, 5_000, 'its answer');
    const seq = tab.store.getState().market.seq;
    await waitFor(() => tab.store.getState().market.seq >= seq + 3, 5_000, 'diffs after the resync');
    expect(tab.sent('market:resync')).toHaveLength(1);
    await expectConverged(stack, [tab], DEFAULT_WATCHLIST);
  });

  it('[M3] many bad diffs while a resync is in flight still send one resync', async () => {
    const stack = await start();
    const tab = open(stack);
    await live(tab);
    const { epoch, seq } = tab.store.getState().market;
    const deliver = (diff: MarketDiff) => tab.socket.listeners('market:diff').forEach((l) => l(diff));
    const bogus = { 'binance:BTC/USDT': { last: 1 } };
    deliver({ epoch: epoch!, seq: seq + 2, changes: bogus });
    deliver({ epoch: epoch!, seq: seq + 3, changes: bogus });
    deliver({ epoch: 'another-epoch', seq: 1, changes: bogus });
    await waitFor(() => tab.sent('market:resync')[0]?.answer !== undefined, 5_000, 'the answer');
    expect(tab.sent('market:resync')).toHaveLength(1);
    // Once answered, the next bad diff asks again.
    deliver({ epoch: 'another-epoch', seq: 2, changes: bogus });
    await waitFor(() => tab.sent('market:resync')[1]?.answer !== undefined, 5_000, 'a second answer');
    // None of the bad diffs stayed applied: the resyncs brought the server's state back.
    await expectConverged(stack, [tab], DEFAULT_WATCHLIST);
    expect(tab.sent('market:resync')).toHaveLength(2);
  });

  it('[M3] a diff right behind a snapshot answer (same network chunk) continues from that snapshot', async () => {
    const stack = await start();
    const tab = open(stack);
    await live(tab);
    await waitFor(() => tab.store.getState().market.seq >= 1, 5_000, 'a diff');
    const { epoch, seq } = tab.store.getState().market;
    const deliver = (diff: MarketDiff) => tab.socket.listeners('market:diff').forEach((l) => l(diff));
    // In Node (and over long-polling) one read can hold the answer and the next diff: both are handled
    // before any promise continuation runs.
    let continued: { seq: number; resyncs: number } | null = null;
    tab.afterAnswer = (request) => {
      const answer = request.answer as { ok: boolean; snapshot?: { epoch: string; seq: number } };
      if (request.event !== 'market:resync' || !answer.snapshot) return;
      tab.afterAnswer = null;
      deliver({ epoch: answer.snapshot.epoch, seq: answer.snapshot.seq + 1, changes: {} });
      continued = {
        seq: tab.store.getState().market.seq - answer.snapshot.seq,
        resyncs: tab.sent('market:resync').length,
      };
    };
    // The store falls a diff behind, so the resync's snapshot is newer than what it holds.
    tab.store.setState({ market: { ...tab.store.getState().market, seq: seq - 1 } });
    deliver({ epoch: epoch!, seq: seq + 1, changes: {} });
    await waitFor(() => continued !== null, 5_000, 'the resync answer');
    expect(continued).toEqual({ seq: 1, resyncs: 1 });
  });

  it('[H1] after a reconnect only the missing history is loaded (since = the newest point held)', async () => {
    const stack = await start();
    // A slow reconnect leaves seconds that only the server saw.
    const tab = open(stack, { socket: { reconnectionDelay: 3_500, randomizationFactor: 0 } });
    await live(tab);
    const btc = DEFAULT_WATCHLIST[0]!;
    await waitFor(() => tab.fetches.length === 1 && (tab.store.getState().series[btc]?.length ?? 0) >= 2);
    await waitFor(() => tab.store.getState().market.seq >= 2, 5_000, 'diffs');
    const series = tab.store.getState().series;
    const newestBefore = Math.min(...DEFAULT_WATCHLIST.map((s) => series[s]!.at(-1)![0]));
    tab.socket.io.engine.close();
    const droppedAt = Date.now();
    await waitFor(() => tab.states.at(-1) === 'live' && tab.states.length > 2, 10_000, 'live again');
    await waitFor(() => tab.fetches.length === 2, 5_000, 'the missing history');
    const since = Number(tab.fetches[1]?.searchParams.get('since'));
    expect(since).toBeGreaterThanOrEqual(newestBefore);
    expect(since).toBeLessThanOrEqual(droppedAt);
    expect(tab.fetches[1]?.searchParams.get('streams')?.split(',')).toEqual(DEFAULT_WATCHLIST);

    await quiesce(stack, [btc]);
    const held = tab.store.getState().series[btc]!;
    held.slice(1).forEach(([t], i) => expect(t).toBeGreaterThan(held[i]![0]));
    // The seconds of the gap (complete at the server before it was asked) are the server's own points.
    const gap = ([t]: [number, number]) => t > since && t <= droppedAt + 2_500;
    const server = (await serverHistory(stack, btc)).filter(gap);
    expect(server.length).toBeGreaterThanOrEqual(2);
    expect(held.filter(gap)).toEqual(server);
  });
});
