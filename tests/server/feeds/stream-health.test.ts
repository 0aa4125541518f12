import { describe, expect, it } from 'vitest';
import { freshnessFor } from '../../../server/feeds/feed-defaults';
import { createStreamTracker } from '../../../server/feeds/stream-health';

const RUNNING = { running: true, trouble: null };
const BINANCE = freshnessFor('binance', 'watchTickers', 2_000, 30_000);
const KRAKEN = freshnessFor('kraken', 'watchTickers', 2_000, 15_000);

/** Steps a tracker through time, evaluating every 500 ms as the feed does: `each` before, `seen` after each check. */
function run(
  tracker: ReturnType<typeof createStreamTracker>,
  from: number,
  to: number,
  each: (t: number) => void = () => {},
  seen: (t: number) => void = () => {},
) {
  for (let t = from; t <= to; t += 500) {
    each(t);
    tracker.evaluate(t, RUNNING);
    seen(t);
  }
}

describe('stream freshness (docs/protocol.md F4-F7)', () => {
  it('[F4] a 1 s stream (Binance) is stale within 5 s of its last tick, and live again with the next', () => {
    const tracker = createStreamTracker(BINANCE);
    tracker.watch(['BTC/USDT'], 0);
    run(tracker, 0, 10_000, (t) => tracker.ticked('BTC/USDT', t, 'stream'));
    expect(tracker.health()).toEqual({});
    let staleAt: number | null = null;
    run(tracker, 10_500, 20_000, undefined, (t) => {
      if (staleAt === null && tracker.health()['BTC/USDT']?.state === 'stale') staleAt = t;
    });
    expect(staleAt).not.toBeNull();
    expect(staleAt! - 10_000).toBeLessThanOrEqual(5_000);
    expect(tracker.health()['BTC/USDT']).toMatchObject({ state: 'stale', via: 'stream' });
    expect(tracker.allStale()).toBe(true);
    tracker.ticked('BTC/USDT', 20_100, 'stream');
    expect(tracker.evaluate(20_100, RUNNING)).toBe(true);
    expect(tracker.health()).toEqual({});
  });

  it('[F5] a trade-driven stream on a connection that keeps talking is quiet, never stale, for 10 minutes', () => {
    const tracker = createStreamTracker(KRAKEN);
    tracker.watch(['BTC/USD'], 0);
    tracker.ticked('BTC/USD', 0, 'stream');
    const states = new Set<string>();
    // Heartbeats every second, no trade for ten minutes.
    run(
      tracker,
      0,
      600_000,
      (t) => t % 1000 === 0 && tracker.heard(t),
      () => states.add(tracker.health()['BTC/USD']?.state ?? 'live'),
    );
    expect(states).toEqual(new Set(['live', 'quiet']));
    expect(tracker.health()['BTC/USD']).toMatchObject({ state: 'quiet', since: 10_500 });
    expect(tracker.health()['BTC/USD']?.reason).toMatch(/no trade within 10 s; connection healthy/);
    expect(tracker.allStale()).toBe(false);
  });

  it('[F5] a trade-driven stream is stale within 4.5 s once its connection falls silent', () => {
    const tracker = createStreamTracker(KRAKEN);
    tracker.watch(['BTC/USD', 'ETH/USD'], 0);
    tracker.ticked('BTC/USD', 0, 'stream');
    tracker.ticked('ETH/USD', 0, 'stream');
    run(tracker, 0, 20_000, (t) => t % 1000 === 0 && tracker.heard(t));
    expect(tracker.health()['BTC/USD']?.state).toBe('quiet');
    let staleAt: number | null = null;
    run(tracker, 20_500, 30_000, undefined, (t) => {
      if (staleAt === null && tracker.health()['BTC/USD']?.state === 'stale') staleAt = t;
    });
    expect(staleAt! - 20_000).toBeLessThanOrEqual(4_500);
    expect(tracker.health()['BTC/USD']?.reason).toMatch(/nothing from the exchange within 4 s/);
    expect(tracker.allStale()).toBe(true);
  });

  it('[F6] a stream without a first price within 10 s is unpriced and polled; a polled price makes it live', () => {
    const tracker = createStreamTracker(BINANCE);
    tracker.watch(['BTC/USDT', 'SOL/USDT'], 0);
    run(tracker, 0, 9_500, (t) => tracker.ticked('BTC/USDT', t, 'stream'));
    expect(tracker.polled()).toEqual([]);
    run(tracker, 10_000, 10_000, (t) => tracker.ticked('BTC/USDT', t, 'stream'));
    expect(tracker.health()['SOL/USDT']).toMatchObject({ state: 'unpriced', via: 'poll', since: 10_000 });
    expect(tracker.health()['SOL/USDT']?.reason).toMatch(/no price from the exchange's stream within 10 s/);
    expect(tracker.polled()).toEqual(['SOL/USDT']);
    tracker.ticked('SOL/USDT', 11_000, 'poll');
    tracker.evaluate(11_000, RUNNING);
    expect(tracker.health()['SOL/USDT']).toMatchObject({ state: 'live', via: 'poll', reason: null });
    // A poll that stops answering leaves the value stale.
    run(tracker, 11_500, 20_000, (t) => tracker.ticked('BTC/USDT', t, 'stream'));
    expect(tracker.health()['SOL/USDT']?.state).toBe('stale');
  });

  it('[F6] the first-price clock runs only while the feed runs', () => {
    const tracker = createStreamTracker(BINANCE);
    tracker.watch(['BTC/USDT'], 0);
    for (let t = 0; t <= 30_000; t += 500) tracker.evaluate(t, { running: false, trouble: 'down' });
    expect(tracker.polled()).toEqual([]);
    run(tracker, 30_500, 40_000);
    expect(tracker.health()['BTC/USDT']?.state).toBe('unpriced');
  });

  it("[F7] a refusal by the exchange makes the stream unpriced at once, with the exchange's words", () => {
    const tracker = createStreamTracker(KRAKEN);
    tracker.watch(['FOO/USD'], 0);
    tracker.refused('FOO/USD', 'kraken refused the stream: Currency pair not supported', 0);
    expect(tracker.evaluate(500, RUNNING)).toBe(true);
    expect(tracker.health()['FOO/USD']).toEqual({
      state: 'unpriced',
      reason: 'kraken refused the stream: Currency pair not supported',
      since: 500,
      via: 'poll',
    });
    expect(tracker.polled()).toEqual(['FOO/USD']);
  });

  it('[F4] a stream of a feed that is redialling is stale with the reason, and unwatched streams are forgotten', () => {
    const tracker = createStreamTracker(BINANCE);
    tracker.watch(['BTC/USDT', 'ETH/USDT'], 0);
    tracker.ticked('BTC/USDT', 0, 'stream');
    tracker.ticked('ETH/USDT', 0, 'stream');
    tracker.evaluate(500, { running: false, trouble: 'connection reset' });
    expect(tracker.health()['BTC/USDT']).toMatchObject({ state: 'stale', reason: 'connection reset' });
    tracker.watch(['BTC/USDT'], 600);
    expect(tracker.evaluate(600, { running: false, trouble: 'connection reset' })).toBe(true);
    expect(Object.keys(tracker.health())).toEqual(['BTC/USDT']);
  });

  it('reports a change only when a state, a source or a reason changes, not at every check', () => {
    const tracker = createStreamTracker(KRAKEN);
    tracker.watch(['BTC/USD'], 0);
    tracker.ticked('BTC/USD', 0, 'stream');
    const changes: number[] = [];
    for (let t = 500; t <= 60_000; t += 500) {
      tracker.heard(t);
      if (tracker.evaluate(t, RUNNING)) changes.push(t);
    }
    expect(changes).toEqual([10_500]);
  });
});
