import { describe, expect, it } from 'vitest';
import { tickerConflator } from '../../../server/push/conflator';
import type { Ticker } from '../../../lib/protocol';
import { tickerAt } from '../../support/fixtures';

const ticker = tickerAt;

describe('Conflator', () => {
  it('[M6] many changes within a window become one batch with only the latest value of each stream', () => {
    const c = tickerConflator();
    const current = new Map<string, Ticker>();
    for (const last of [1, 2, 3, 4]) {
      current.set('x:A/B', ticker(last));
      c.markDirty('x:A/B');
    }
    current.set('x:C/D', ticker(7));
    c.markDirty('x:C/D');
    expect(c.take((s) => current.get(s))).toEqual({ 'x:A/B': ticker(4), 'x:C/D': ticker(7) });
  });

  it('[M4] the next batch carries only what differs from the previous batch', () => {
    const c = tickerConflator();
    const current = new Map([['x:A/B', ticker(1)]]);
    c.markDirty('x:A/B');
    c.take((s) => current.get(s));
    current.set('x:A/B', { ...ticker(1), bid: 0.5 });
    c.markDirty('x:A/B');
    expect(c.take((s) => current.get(s))).toEqual({ 'x:A/B': { bid: 0.5 } });
  });

  it('[M6] a value that moved and came back within the window is not sent', () => {
    const c = tickerConflator();
    const current = new Map([['x:A/B', ticker(1)]]);
    c.remember('x:A/B', ticker(1));
    current.set('x:A/B', ticker(2));
    c.markDirty('x:A/B');
    current.set('x:A/B', ticker(1));
    expect(c.take((s) => current.get(s))).toBeNull();
    expect(c.hasPending()).toBe(false);
  });

  it('[M4] a value that moved and came back with a newer time sends only the times, so receivers stay equal', () => {
    const c = tickerConflator();
    const current = new Map([['x:A/B', ticker(1, 100)]]);
    c.remember('x:A/B', ticker(1, 100));
    current.set('x:A/B', ticker(2, 200));
    c.markDirty('x:A/B');
    current.set('x:A/B', ticker(1, 300));
    expect(c.take((s) => current.get(s))).toEqual({ 'x:A/B': { timestamp: 300, receivedAt: 300 } });
    expect(c.sentState()['x:A/B']).toEqual(ticker(1, 300));
  });

  it('[M1] sentState is what every receiver holds after the last batch', () => {
    const c = tickerConflator();
    const current = new Map([['x:A/B', ticker(1)]]);
    c.markDirty('x:A/B');
    c.take((s) => current.get(s));
    current.set('x:A/B', ticker(2));
    c.markDirty('x:A/B');
    expect(c.sentState()).toEqual({ 'x:A/B': ticker(1) });
  });
});
