import { describe, expect, it } from 'vitest';
import { createDashboardStore } from '../../../client/store/dashboard-store';
import { autoClose, waitFor } from '../../support/stack';
import { live, tabs } from './tab';

const WATCHED = ['binance:BTC/USDT', 'binance:ETH/USDT', 'binance:SOL/USDT'];

const { start } = autoClose();
const open = tabs();

describe('dashboard connection: the chart’s candle stream', () => {
  it('[K1][K2] subscribes the chart market’s candle stream with the watchlist, and its live candle reaches the chart', async () => {
    const stack = await start();
    const store = createDashboardStore({ chart: { mode: 'candles', timeframe: '1m' } });
    const tab = open(stack, { store });
    await live(tab);
    const id = 'candles:binance:BTC/USDT:1m';
    expect(tab.sent('market:subscribe')[0]?.payload).toEqual({ streams: [...WATCHED, id] });
    store.getState().openCandles(id);
    await waitFor(() => store.getState().candles[id]?.provisional.length === 1, 10_000, 'the live candle');
    const [time, , high, low, close] = store.getState().candles[id]?.provisional[0] ?? [];
    expect(time).toBe(Math.floor(Date.now() / 60_000) * 60_000);
    expect(low).toBeLessThanOrEqual(close ?? NaN);
    expect(high).toBeGreaterThanOrEqual(close ?? NaN);
  });

  it('[K1] follows the timeframe and the selected market, and drops the candles when the chart draws the line', async () => {
    const stack = await start();
    const store = createDashboardStore({ chart: { mode: 'candles', timeframe: '1m' } });
    const tab = open(stack, { store });
    await live(tab);
    const last = () => tab.sent('market:subscribe').at(-1)?.payload;
    store.getState().setChart({ timeframe: '1h' });
    await waitFor(
      () => JSON.stringify(last()) === JSON.stringify({ streams: ['candles:binance:BTC/USDT:1h'] }),
    );
    // Sent once the subscription's answer is in: waited for, not looked at right after the subscribe.
    await waitFor(
      () =>
        JSON.stringify(tab.sent('market:unsubscribe').at(-1)?.payload) ===
        JSON.stringify({ streams: ['candles:binance:BTC/USDT:1m'] }),
    );
    tab.connection.select('binance:ETH/USDT');
    await waitFor(
      () => JSON.stringify(last()) === JSON.stringify({ streams: ['candles:binance:ETH/USDT:1h'] }),
    );
    store.getState().setChart({ mode: 'line' });
    await waitFor(
      () =>
        JSON.stringify(tab.sent('market:unsubscribe').at(-1)?.payload) ===
        JSON.stringify({ streams: ['candles:binance:ETH/USDT:1h'] }),
    );
  });
});
