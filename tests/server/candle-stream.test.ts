/** Candle streams over real socket.io connections, against the simulated Binance through ccxt (K1-K5). */
import { describe, expect, it } from 'vitest';
import { candleStreamId } from '../../lib/candle-stream';
import type { LiveCandle } from '../../lib/protocol';
import { candleOpen } from '../../lib/timeframes';
import { createCcxtExchange } from '../../server/feeds/ccxt-exchange';
import { autoClose, request, waitFor } from '../support/stack';
import type { Stack } from '../support/stack';
import { SyncedClient } from '../support/synced-client';

const { start, client } = autoClose();
const MARKET = 'binance:BTC/USDT';
const ONE_MINUTE = candleStreamId(MARKET, '1m');

/** The exchange's own one-minute candles around now, read through ccxt as any client would. */
async function exchangeCandles(stack: Stack, since: number) {
  const ex = await createCcxtExchange({ id: 'binance', url: stack.demo.url, simulated: true });
  try {
    return await ex.fetchOHLCV('BTC/USDT', '1m', since, 5);
  } finally {
    await ex.close();
  }
}

/** Waits until the client holds a live candle for the stream that passes `check`, and returns it. */
async function liveCandle(synced: SyncedClient, check: (c: LiveCandle) => boolean, what: string) {
  await waitFor(
    () => {
      const candle = synced.market.candles[ONE_MINUTE];
      return candle !== undefined && check(candle);
    },
    20_000,
    what,
  );
  return synced.market.candles[ONE_MINUTE] as LiveCandle;
}

describe('candle streams', () => {
  it('[K1][K2][K3] a subscription holds the live candle: the exchange’s open and volume, the ticks’ close, the last closed candle final', async () => {
    const stack = await start();
    const synced = new SyncedClient(await client(stack));
    const ack = await synced.subscribe([MARKET, ONE_MINUTE]);
    expect(ack.ok && ack.subscription.streams).toEqual([MARKET, ONE_MINUTE]);
    expect(ack.ok && ack.snapshot.candles).toBeDefined();

    const candle = await liveCandle(
      synced,
      (c) => c.volume !== null && c.closed !== null,
      'the exchange’s candles',
    );
    expect(candle.time).toBe(candleOpen('1m', candle.time));
    expect(Math.abs(candle.time - candleOpen('1m', Date.now()))).toBeLessThanOrEqual(60_000);
    const rows = await exchangeCandles(stack, candle.time - 60_000);
    // The closed candle is the exchange's own, value for value.
    expect(candle.closed).toEqual(rows.find((r) => r[0] === candle.time - 60_000));
    const open = rows.find((r) => r[0] === candle.time);
    expect(candle.open).toBe(open?.[1]);
    // The ticks carry the close: it ends equal to the market's last price in the same state.
    await waitFor(
      () => synced.market.candles[ONE_MINUTE]?.close === synced.market.tickers[MARKET]?.last,
      10_000,
      'the close to follow the ticker',
    );
    const now = synced.market.candles[ONE_MINUTE] as LiveCandle;
    expect(now.high).toBeGreaterThanOrEqual(Math.max(now.open, now.close));
    expect(now.low).toBeLessThanOrEqual(Math.min(now.open, now.close));
    // Every message continued one sequence, tickers and candles alike.
    const seqs = synced.diffs.map((d) => d.diff.seq);
    seqs.forEach((seq, i) => i > 0 && expect(seq).toBe((seqs[i - 1] as number) + 1));
    expect(synced.diffs.some((d) => d.diff.candles?.[ONE_MINUTE] !== undefined)).toBe(true);
  });

  it('[K2][M3] a resync gives the candle the client holds: snapshot and diffs end in the server’s state', async () => {
    const stack = await start();
    const synced = new SyncedClient(await client(stack));
    await synced.subscribe([ONE_MINUTE]);
    await liveCandle(synced, (c) => c.volume !== null, 'a live candle');
    const from = synced.diffs.length;
    await waitFor(() => synced.diffs.length >= from + 2, 10_000, 'more diffs');
    const held = synced.market;
    const answer = await request(synced.socket, 'market:resync', {});
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    // Diffs after the held seq may already be on their way: the snapshot is at or after it.
    expect(answer.snapshot.seq).toBeGreaterThanOrEqual(held.seq);
    if (answer.snapshot.seq === held.seq) expect(answer.snapshot.candles).toEqual(held.candles);
    expect(answer.snapshot.candles?.[ONE_MINUTE]?.time).toBeGreaterThanOrEqual(
      held.candles[ONE_MINUTE]?.time ?? 0,
    );
  });

  it('[K1][R3] a malformed candle stream, an unknown market or a timeframe not listed is refused and changes nothing', async () => {
    const stack = await start();
    const c = await client(stack);
    const first = await request(c, 'market:subscribe', { streams: [MARKET] });
    expect(first.ok).toBe(true);
    const refusals = [
      ['candles:binance:BTC/USDT:2m', 'BAD_REQUEST', /timeframe one of 1m, 5m, 15m, 1h, 4h, 1d, 1w/],
      ['candles:binance:BTC/USDT', 'BAD_REQUEST', /not a candle stream/],
      ['candles:binance:NOPE/USDT:1m', 'UNKNOWN_SYMBOL', /NOPE\/USDT/],
      ['candles:nowhere:BTC/USDT:1m', 'UNKNOWN_EXCHANGE', /nowhere/],
    ] as const;
    for (const [stream, code, message] of refusals) {
      const ack = await request(c, 'market:subscribe', { streams: [ONE_MINUTE, stream] });
      expect(ack.ok, stream).toBe(false);
      if (ack.ok) continue;
      expect(ack.error.code).toBe(code);
      expect(ack.error.message).toMatch(message);
    }
    const after = await request(c, 'market:resync', {});
    expect(after.ok && after.subscription.streams).toEqual([MARKET]);
    // A subscription of tickers only carries no candles at all.
    expect(after.ok && 'candles' in after.snapshot).toBe(false);
  });
});
