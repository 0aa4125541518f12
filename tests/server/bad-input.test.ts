import { io as connectClient } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Stack } from '../support/stack';
import { connect, request, startStack, waitFor } from '../support/stack';
import { SyncedClient } from '../support/synced-client';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    env: {
      EVENT_RATE_LIMIT: '1000',
      CONNECTION_RATE_LIMIT: '1000',
      ALLOWED_ORIGINS: 'https://dash.example.org',
    },
  });
  await waitFor(() => stack.app.feeds.statuses()[0]?.markets !== 0, 10_000, 'markets');
});
afterAll(() => stack.close());

const GOOD = 'binance:BTC/USDT';

describe('bad input on the socket', () => {
  const cases: Array<[string, string, unknown, string]> = [
    ['a string payload', 'market:subscribe', 'binance:BTC/USDT', 'BAD_REQUEST'],
    ['null', 'market:subscribe', null, 'BAD_REQUEST'],
    ['streams as a string', 'market:subscribe', { streams: GOOD }, 'BAD_REQUEST'],
    ['a number as a stream', 'market:subscribe', { streams: [42] }, 'BAD_REQUEST'],
    ['an extra key', 'market:subscribe', { streams: [GOOD], admin: true }, 'BAD_REQUEST'],
    ['a negative maxFrequency', 'market:subscribe', { streams: [GOOD], maxFrequency: -1 }, 'BAD_REQUEST'],
    ['a maxFrequency of 1e308', 'market:subscribe', { streams: [GOOD], maxFrequency: 1e308 }, 'BAD_REQUEST'],
    ['a maxFrequency as a string', 'market:subscribe', { streams: [GOOD], maxFrequency: '4' }, 'BAD_REQUEST'],
    ['not a stream id', 'market:subscribe', { streams: ['BTC/USDT'] }, 'BAD_REQUEST'],
    ['a lowercase symbol', 'market:subscribe', { streams: ['binance:btc/usdt'] }, 'UNKNOWN_SYMBOL'],
    ['an unknown exchange', 'market:subscribe', { streams: ['kraken:BTC/USD'] }, 'UNKNOWN_EXCHANGE'],
    [
      'an unknown symbol among good ones',
      'market:subscribe',
      { streams: [GOOD, 'binance:NOPE/USDT'] },
      'UNKNOWN_SYMBOL',
    ],
    [
      'an over-long stream',
      'market:subscribe',
      { streams: [`binance:${'A'.repeat(500)}/USDT`] },
      'BAD_REQUEST',
    ],
    [
      'thousands of streams',
      'market:subscribe',
      { streams: Array.from({ length: 3000 }, (_, i) => `binance:C${i}/USDT`) },
      'TOO_MANY_STREAMS',
    ],
    ['resync with a payload', 'market:resync', { all: true }, 'BAD_REQUEST'],
    ['unsubscribe without streams', 'market:unsubscribe', {}, 'BAD_REQUEST'],
    [
      'watchlist add of an unknown market',
      'watchlist:add',
      { stream: 'binance:NOPE/USDT' },
      'UNKNOWN_SYMBOL',
    ],
    ['watchlist add of a number', 'watchlist:add', { stream: 7 }, 'BAD_REQUEST'],
    ['watchlist remove with an array', 'watchlist:remove', { stream: [GOOD] }, 'BAD_REQUEST'],
  ];

  it.each(cases)(
    '[R1][R3] %s is answered with an error ack and changes nothing',
    async (_name, event, payload, code) => {
      const socket = await connect(stack);
      const synced = new SyncedClient(socket);
      await synced.subscribe(['binance:ETH/USDT']);
      const watchlistBefore = await stack.app.watchlist.list(stack.userId);
      const ack = await request(socket, event as 'market:subscribe', payload);
      expect(ack).toMatchObject({ ok: false, error: { code } });
      expect(ack.ok ? '' : ack.error.message.length).toBeGreaterThan(5);
      // Nothing changed: the subscription is the same, the watchlist too, and the connection still streams.
      const resync = await request(socket, 'market:resync', {});
      expect(resync.ok && resync.subscription.streams).toEqual(['binance:ETH/USDT']);
      expect(await stack.app.watchlist.list(stack.userId)).toEqual(watchlistBefore);
      const seen = synced.diffs.length;
      await waitFor(() => synced.diffs.length > seen, 5_000, 'a diff after the bad request');
      expect(socket.connected).toBe(true);
      socket.disconnect();
    },
  );

  it('[R2] a request without an acknowledgement gets protocol:error and changes nothing', async () => {
    const socket = await connect(stack);
    const error = new Promise((r) => socket.once('protocol:error', r));
    // The typed client insists on an acknowledgement; a third-party client need not send one.
    (socket.emit as (event: string, payload: unknown) => void)('market:subscribe', { streams: [GOOD] });
    expect(await error).toMatchObject({ event: 'market:subscribe', code: 'BAD_REQUEST' });
    const resync = await request(socket, 'market:resync', {});
    expect(resync.ok && resync.subscription.streams).toEqual([]);
    socket.disconnect();
  });

  it('[R2] an unknown event is answered with an error, through its acknowledgement or protocol:error', async () => {
    const socket = await connect(stack);
    const raw = socket as unknown as {
      emit(event: string, ...args: unknown[]): void;
      timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> };
    };
    expect(await raw.timeout(2_000).emitWithAck('market:subscrbe', { streams: [GOOD] })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('market:subscrbe') },
    });
    const error = new Promise((r) => socket.once('protocol:error', r));
    raw.emit('portfolio:get', {});
    expect(await error).toMatchObject({ event: 'portfolio:get', code: 'BAD_REQUEST' });
    socket.disconnect();
  });

  it('[L6][R1] a refusal is worded in the language of the page that opened the socket', async () => {
    const german = await connect(stack, { extraHeaders: { 'accept-language': 'de' } });
    const english = await connect(stack);
    const subscribe = { streams: ['nope:BTC/USDT'] };
    expect(await request(german, 'market:subscribe', subscribe)).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_EXCHANGE', message: 'Die Börse „nope“ ist hier nicht eingerichtet.' },
    });
    expect(await request(english, 'market:subscribe', subscribe)).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_EXCHANGE', message: 'Exchange "nope" is not configured here.' },
    });
    const raw = german as unknown as {
      timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> };
    };
    expect(await raw.timeout(2_000).emitWithAck('market:subscrbe', {})).toMatchObject({
      error: { message: 'Unbekanntes Ereignis „market:subscrbe“; siehe docs/protocol.md.' },
    });
    german.disconnect();
    english.disconnect();
  });

  it.each([
    ['websocket', 'transport close'],
    ['polling', 'transport error'],
  ] as const)('[R5] a message over 64 KiB over %s closes that connection only', async (transport, reason) => {
    const other = await connect(stack);
    const socket = await connect(stack, { transports: [transport] });
    const closed = new Promise<string>((r) => socket.once('disconnect', r));
    socket.emit('market:subscribe', { streams: ['x'.repeat(70 * 1024)] } as never, () => {});
    expect(await closed).toBe(reason);
    const ack = await request(other, 'market:subscribe', { streams: [GOOD] });
    expect(ack.ok).toBe(true);
    other.disconnect();
  });
});

describe('handshake', () => {
  const tryConnect = (origin: string | undefined) =>
    new Promise<'connected' | 'refused'>((resolve) => {
      const socket: Client = connectClient(stack.url, {
        transports: ['websocket'],
        reconnection: false,
        extraHeaders: { cookie: stack.cookie, ...(origin ? { origin } : {}) },
      });
      socket.once('connect', () => {
        socket.disconnect();
        resolve('connected');
      });
      socket.once('connect_error', () => resolve('refused'));
    });

  it('[C1] refuses a WebSocket handshake from another site', async () => {
    expect(await tryConnect('https://evil.example.com')).toBe('refused');
  });

  it('[C1] lets in the same origin, an allowed origin, and clients that send none', async () => {
    expect(await tryConnect(stack.url)).toBe('connected');
    expect(await tryConnect('https://dash.example.org')).toBe('connected');
    expect(await tryConnect(undefined)).toBe('connected');
  });

  it('[C1] refuses a long-polling handshake from another site too', async () => {
    const res = await fetch(`${stack.url}/socket.io/?EIO=4&transport=polling`, {
      headers: { origin: 'https://evil.example.com', cookie: stack.cookie },
    });
    expect(res.status).toBe(403);
    const ok = await fetch(`${stack.url}/socket.io/?EIO=4&transport=polling`, {
      headers: { origin: stack.url, cookie: stack.cookie },
    });
    expect(ok.status).toBe(200);
  });
});

describe('rate limits', () => {
  it('[R4] requests past the limit are refused with a retry time, then the abuser is disconnected', async () => {
    const limited = await startStack({ env: { EVENT_RATE_LIMIT: '5' } });
    try {
      await waitFor(() => limited.app.feeds.statuses()[0]?.markets !== 0, 10_000, 'markets');
      const socket = await connect(limited);
      const disconnected = new Promise<string>((r) => socket.once('disconnect', r));
      const acks = await Promise.all(Array.from({ length: 10 }, () => request(socket, 'watchlist:get', {})));
      expect(acks.filter((a) => a.ok)).toHaveLength(5);
      const refused = acks.find((a) => !a.ok);
      expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
      expect(refused && !refused.ok && refused.error.retryAfterMs).toBeGreaterThan(0);
      for (let i = 0; i < 20; i++) socket.emit('watchlist:get', {}, () => {});
      expect(await disconnected).toBe('io server disconnect');
    } finally {
      await limited.close();
    }
  });

  it('[R4] a flood without acknowledgements or of unknown events is limited and disconnected too', async () => {
    const limited = await startStack({ env: { EVENT_RATE_LIMIT: '5' } });
    try {
      const socket = await connect(limited);
      const errors: Array<{ code: string }> = [];
      socket.on('protocol:error', (e) => errors.push(e));
      const disconnected = new Promise<string>((r) => socket.once('disconnect', r));
      const raw = socket as unknown as { emit(event: string, ...args: unknown[]): void };
      for (let i = 0; i < 40; i++) raw.emit(i % 2 ? 'watchlist:get' : 'spam', {});
      expect(await disconnected).toBe('io server disconnect');
      expect(errors.some((e) => e.code === 'RATE_LIMITED')).toBe(true);
    } finally {
      await limited.close();
    }
  });

  it('[C2] handshakes past the per-address limit are refused', async () => {
    const limited = await startStack({ env: { CONNECTION_RATE_LIMIT: '3' } });
    try {
      const outcomes: string[] = [];
      for (let i = 0; i < 5; i++) {
        outcomes.push(
          await connect(limited).then(
            (s) => (s.disconnect(), 'connected'),
            () => 'refused',
          ),
        );
      }
      expect(outcomes).toEqual(['connected', 'connected', 'connected', 'refused', 'refused']);
    } finally {
      await limited.close();
    }
  });
});
