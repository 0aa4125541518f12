import pino from 'pino';
import type { Server } from 'socket.io';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MarketDiff, MarketSnapshot, Ticker } from '../../../lib/protocol';
import { MarketState } from '../../../server/market/market-state';
import { PushEngine } from '../../../server/push/push-engine';
import type { PushOptions } from '../../../server/push/push-engine';

const STREAMS = ['binance:BTC/USDT', 'binance:ETH/USDT', 'binance:SOL/USDT'];
const PRECISION = { priceDecimals: 2, amountDecimals: 3 };

/** What one connection was sent, and the bytes it has not taken yet (what engine.io would be holding). */
class FakeSocket {
  /** Each diff with when it went and whether every change in it was the market's latest value then. */
  readonly diffs: Array<{ at: number; diff: MarketDiff; latest: boolean }> = [];
  readonly snapshots: MarketSnapshot[] = [];
  readonly rooms = new Set<string>();
  readonly conn = { writeBuffer: [] as Array<{ data: string }> };
  connected = true;

  constructor(readonly id: string) {}

  join(room: string) {
    this.rooms.add(room);
  }
  leave(room: string) {
    this.rooms.delete(room);
  }
  emit(event: string, payload: MarketSnapshot) {
    if (event === 'market:snapshot') this.snapshots.push(payload);
  }
  /** Stops reading: `bytes` stay queued until `drain`. */
  stall(bytes: number) {
    this.conn.writeBuffer = [{ data: 'x'.repeat(bytes) }];
  }
  drain() {
    this.conn.writeBuffer = [];
  }
}

/** Just the part of socket.io the engine uses: a local emit to a room reaches the sockets in it. */
function fakeServer(sockets: FakeSocket[]) {
  return {
    local: {
      to: (room: string) => ({
        emit: (_event: string, diff: MarketDiff) => {
          const latest = Object.entries(diff.changes).every(([stream, change]) =>
            Object.entries(change).every(
              ([field, value]) => market.get(stream)?.[field as keyof Ticker] === value,
            ),
          );
          for (const s of sockets) if (s.rooms.has(room)) s.diffs.push({ at: Date.now(), diff, latest });
        },
      }),
    },
  } as unknown as Server;
}

const gaps = (s: FakeSocket) => s.diffs.slice(1).map((d, i) => d.at - (s.diffs[i] as { at: number }).at);

let market: MarketState;
let engine: PushEngine;
let sockets: FakeSocket[];

/** Every stream moves every `everyMs`, as a busy exchange does. */
function tickEvery(everyMs: number) {
  let n = 0;
  setInterval(() => {
    n++;
    for (const stream of STREAMS) {
      const last = 100 + n + STREAMS.indexOf(stream) / 10;
      const fields = {
        last,
        bid: last - 0.01,
        ask: last,
        high: null,
        low: null,
        open: null,
        percentage: null,
      };
      market.apply(
        stream,
        { ...fields, baseVolume: null, quoteVolume: null, timestamp: Date.now() },
        Date.now(),
        PRECISION,
      );
    }
  }, everyMs);
}

function start(options: Partial<PushOptions>, count: number): FakeSocket[] {
  sockets = Array.from({ length: count }, (_, i) => new FakeSocket(`s${i}`));
  engine = new PushEngine(
    fakeServer(sockets),
    market,
    {
      maxFrequency: 4,
      slowClientBufferBytes: 16 * 1024,
      epochPrefix: 'test',
      now: () => Date.now(),
      timers: { setTimeout, clearTimeout, setInterval, clearInterval },
      ...options,
    },
    pino({ level: 'silent' }),
  );
  return sockets;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const subscribe = (s: FakeSocket, frequency?: number) => engine.subscribe(s as any, STREAMS, frequency);

beforeEach(() => {
  vi.useFakeTimers();
  market = new MarketState();
});
afterEach(() => {
  engine.close();
  vi.useRealTimers();
});

describe('push engine on a fake clock', () => {
  it('[M6] never more than maxFrequency diffs a second, all changes of a window in one message', () => {
    const [fast, slow] = start({}, 2) as [FakeSocket, FakeSocket];
    subscribe(fast);
    subscribe(slow, 1);
    tickEvery(20);
    vi.advanceTimersByTime(3_000);
    // 50 ticks a second of every stream: the first change goes at once, then one message per window.
    expect(fast.diffs).toHaveLength(12);
    expect(Math.min(...gaps(fast))).toBe(250);
    expect(slow.diffs).toHaveLength(3);
    expect(Math.min(...gaps(slow))).toBe(1000);
    for (const { diff, latest } of fast.diffs) {
      expect(Object.keys(diff.changes).sort()).toEqual([...STREAMS].sort());
      // Conflation: each message carries the latest value of its window.
      expect(latest).toBe(true);
    }
  });

  it('[M6] the first change after a quiet period goes at once', () => {
    const [client] = start({}, 1) as [FakeSocket];
    subscribe(client);
    tickEvery(2_000);
    vi.advanceTimersByTime(2_000);
    const changedAt = Date.now();
    // Node's shortest timer is 1 ms.
    vi.advanceTimersByTime(1);
    expect(client.diffs.map((d) => d.at - changedAt)).toEqual([expect.toSatisfy((ms: number) => ms <= 1)]);
  });

  it('[M8] a client that stops reading gets no diffs until it drains, then a snapshot; others keep their rate', () => {
    const [healthy, stalled] = start({ maxFrequency: 10, drainCheckMs: 100 }, 2) as [FakeSocket, FakeSocket];
    subscribe(healthy);
    subscribe(stalled);
    tickEvery(20);
    vi.advanceTimersByTime(500);
    const before = { healthy: healthy.diffs.length, stalled: stalled.diffs.length };
    expect(before.stalled).toBe(before.healthy);

    stalled.stall(16 * 1024 + 1);
    vi.advanceTimersByTime(2_000);
    // Held from the next window on: nothing more queued for it, the healthy one at the full 10 a second.
    expect(stalled.diffs.length).toBe(before.stalled);
    expect(healthy.diffs.length - before.healthy).toBe(20);
    expect(engine.stats()).toMatchObject({ heldClients: 1, diffsSkipped: 20 });

    // Draining to above a quarter of the cap is not enough.
    stalled.stall(4 * 1024 + 1);
    vi.advanceTimersByTime(500);
    expect(stalled.snapshots).toEqual([]);

    const resumedFrom = stalled.diffs.length;
    stalled.drain();
    vi.advanceTimersByTime(100);
    expect(stalled.snapshots).toHaveLength(1);
    const snapshot = stalled.snapshots[0] as MarketSnapshot;
    expect(engine.stats()).toMatchObject({ heldClients: 0, snapshotsAfterDrain: 1 });
    // The diffs continue after the snapshot.
    vi.advanceTimersByTime(300);
    const next = stalled.diffs.slice(resumedFrom).map((d) => d.diff.seq);
    expect(next[0]).toBe(snapshot.seq + 1);
    expect(next.length).toBeGreaterThanOrEqual(2);
  });
});
