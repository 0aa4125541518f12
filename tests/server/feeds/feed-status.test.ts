import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeedStatus } from '../../../lib/protocol';
import { createStatusReporter, INVALID_REPORT_MS } from '../../../server/feeds/feed-status';
import { testLogger } from './feed-harness';

const INITIAL: FeedStatus = {
  exchange: 'binance',
  state: 'connecting',
  simulated: true,
  mode: null,
  lastTickAt: null,
  reconnects: 0,
  invalidTicks: 0,
  lastError: null,
  markets: 0,
  streams: {},
};

function setup(muted = () => false) {
  const emitted: FeedStatus[] = [];
  const reporter = createStatusReporter(INITIAL, (s) => emitted.push(s), { log: testLogger(), muted });
  return { reporter, emitted };
}

describe('createStatusReporter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports every change of state, mode, reconnects, markets and lastError at once, as a copy', () => {
    const { reporter, emitted } = setup();
    reporter.update({ mode: 'watchTickers' });
    reporter.update({ markets: 42 });
    reporter.update({ state: 'live' });
    reporter.update({ reconnects: 1 });
    reporter.update({ lastError: { message: 'x', at: 1 } });
    reporter.update({ state: 'live' });
    expect(emitted.map((s) => [s.state, s.mode, s.markets, s.reconnects, s.lastError?.message])).toEqual([
      ['connecting', 'watchTickers', 0, 0, undefined],
      ['connecting', 'watchTickers', 42, 0, undefined],
      ['live', 'watchTickers', 42, 0, undefined],
      ['live', 'watchTickers', 42, 1, undefined],
      ['live', 'watchTickers', 42, 1, 'x'],
    ]);
    expect(emitted[0]).not.toBe(reporter.current());
  });

  it('never reports lastTickAt on its own', () => {
    const { reporter, emitted } = setup();
    reporter.update({ lastTickAt: 1 });
    reporter.update({ lastTickAt: 2 });
    vi.advanceTimersByTime(10_000);
    expect(emitted).toHaveLength(0);
    expect(reporter.current().lastTickAt).toBe(2);
  });

  it('reports invalidTicks at most once per INVALID_REPORT_MS, with the latest count', () => {
    const { reporter, emitted } = setup();
    reporter.update({ invalidTicks: 1 });
    expect(emitted.map((s) => s.invalidTicks)).toEqual([1]);
    for (let n = 2; n <= 50; n++) reporter.update({ invalidTicks: n });
    expect(emitted).toHaveLength(1);
    vi.advanceTimersByTime(INVALID_REPORT_MS);
    expect(emitted.map((s) => s.invalidTicks)).toEqual([1, 50]);
  });

  it('reports nothing once muted or disposed', () => {
    let muted = false;
    const { reporter, emitted } = setup(() => muted);
    reporter.update({ invalidTicks: 1 });
    reporter.update({ invalidTicks: 2 });
    reporter.dispose();
    vi.advanceTimersByTime(INVALID_REPORT_MS);
    muted = true;
    reporter.update({ state: 'down' });
    expect(emitted.map((s) => s.invalidTicks)).toEqual([1]);
  });
});
