import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackoff } from '../../../server/feeds/backoff';
import { createConnectionGuard } from '../../../server/feeds/connection-guard';
import { testLogger } from './feed-harness';

function setup(watchdogMs = 1_000) {
  const events: string[] = [];
  const controller = new AbortController();
  let closes = 0;
  const guard = createConnectionGuard({
    log: testLogger(),
    watchdogMs,
    backoff: createBackoff({ initialMs: 100, maxMs: 1_000, random: () => 0.5 }),
    signal: controller.signal,
    close: async () => {
      closes += 1;
    },
    onAttempt: () => events.push('connecting'),
    onFailure: (state, message, delayMs) => events.push(`${state} ${delayMs} ${message}`),
  });
  return { guard, events, controller, closes: () => closes };
}

describe('createConnectionGuard', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports connecting once per generation', () => {
    const { guard, events } = setup();
    expect(guard.begin()).toBe(0);
    expect(guard.begin()).toBe(0);
    expect(events).toEqual(['connecting']);
  });

  it('the watchdog fires after watchdogMs without a tick, and each tick starts it over', () => {
    const { guard, events } = setup(1_000);
    guard.begin();
    vi.advanceTimersByTime(900);
    guard.alive();
    vi.advanceTimersByTime(900);
    expect(events).toEqual(['connecting']);
    vi.advanceTimersByTime(100);
    expect(events).toEqual(['connecting', 'stale 100 no valid tick within 1000 ms']);
    expect(guard.generation).toBe(1);
  });

  it('idle() disarms the watchdog', () => {
    const { guard, events } = setup(1_000);
    guard.begin();
    guard.idle();
    vi.advanceTimersByTime(5_000);
    expect(events).toEqual(['connecting']);
  });

  it('one failure per generation: the same drop seen by several loops is one reconnect', async () => {
    const { guard, events, closes } = setup();
    const at = guard.begin();
    guard.fail(at, 'down', 'drop');
    guard.fail(at, 'down', 'drop');
    guard.fail(at, 'down', 'drop');
    expect(events).toEqual(['connecting', 'down 100 drop']);
    expect(guard.generation).toBe(1);
    expect(closes()).toBe(1);
  });

  it('the gate opens after the socket closed and the backoff passed; delays grow, reset by a tick', async () => {
    const { guard, events } = setup();
    guard.fail(guard.begin(), 'down', 'a');
    let open = false;
    void guard.ready().then(() => {
      open = true;
    });
    await vi.advanceTimersByTimeAsync(99);
    expect(open).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(open).toBe(true);
    guard.fail(guard.begin(), 'down', 'b');
    guard.alive();
    guard.fail(guard.begin(), 'down', 'c');
    expect(events.filter((e) => e.startsWith('down'))).toEqual(['down 100 a', 'down 200 b', 'down 100 c']);
  });

  it('after abort nothing fires and failures are ignored', () => {
    const { guard, events, controller } = setup(1_000);
    const at = guard.begin();
    controller.abort();
    vi.advanceTimersByTime(5_000);
    guard.fail(at, 'down', 'late');
    expect(events).toEqual(['connecting']);
  });
});
