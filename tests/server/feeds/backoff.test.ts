import { describe, expect, it } from 'vitest';
import { createBackoff } from '../../../server/feeds/backoff';

const fixed = (value: number) => () => value;

describe('createBackoff', () => {
  it('doubles from initialMs (no jitter at random() = 0.5)', () => {
    const backoff = createBackoff({ initialMs: 100, maxMs: 100_000, random: fixed(0.5) });
    expect([1, 2, 3, 4, 5].map(() => backoff.next())).toEqual([100, 200, 400, 800, 1600]);
    expect(backoff.attempts).toBe(5);
  });

  it('caps at maxMs, also after very many attempts', () => {
    const backoff = createBackoff({ initialMs: 1_000, maxMs: 60_000, random: fixed(0.5) });
    const delays = Array.from({ length: 2_000 }, () => backoff.next());
    expect(delays.slice(5, 8)).toEqual([32_000, 60_000, 60_000]);
    expect(delays.every((d) => Number.isFinite(d) && d <= 60_000)).toBe(true);
  });

  it('spreads each delay by ±20 % by default, never above maxMs', () => {
    const low = createBackoff({ initialMs: 1_000, maxMs: 60_000, random: fixed(0) });
    const high = createBackoff({ initialMs: 1_000, maxMs: 60_000, random: fixed(0.999_999) });
    expect(low.next()).toBe(800);
    expect(high.next()).toBe(1_200);
    for (let i = 0; i < 10; i++) {
      low.next();
      high.next();
    }
    expect(low.next()).toBe(48_000);
    expect(high.next()).toBe(60_000);
  });

  it('uses the injected random for every delay', () => {
    const values = [0, 0.25, 0.75];
    const backoff = createBackoff({
      initialMs: 1_000,
      maxMs: 60_000,
      jitter: 0.5,
      random: () => values.shift() ?? 0.5,
    });
    // 1000 × (0.5 + 0), 2000 × (0.5 + 0.25), 4000 × (0.5 + 0.75)
    expect([backoff.next(), backoff.next(), backoff.next()]).toEqual([500, 1_500, 5_000]);
  });

  it('starts over after reset()', () => {
    const backoff = createBackoff({ initialMs: 50, maxMs: 1_000, random: fixed(0.5) });
    backoff.next();
    backoff.next();
    backoff.next();
    backoff.reset();
    expect(backoff.attempts).toBe(0);
    expect(backoff.next()).toBe(50);
  });
});
