import { afterEach, describe, expect, it, vi } from 'vitest';
import { atTime } from '../../server/socket/at-time';

afterEach(() => {
  vi.useRealTimers();
});

describe('a timer for a moment months away (a token expiring in a year, A10)', () => {
  it('[A10] fires at its time even past the 24.8 days setTimeout can wait, and not before', () => {
    vi.useFakeTimers();
    const start = Date.now();
    const fired: number[] = [];
    atTime(start + 300 * 86_400_000, () => fired.push(Date.now() - start));
    vi.advanceTimersByTime(299 * 86_400_000);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(86_400_000);
    expect(fired).toEqual([300 * 86_400_000]);
  });

  it('[A10] never fires for a token without an expiry, and stops when cancelled', () => {
    vi.useFakeTimers();
    const fired: string[] = [];
    atTime(Number.POSITIVE_INFINITY, () => fired.push('never'));
    const cancelled = atTime(Date.now() + 1_000, () => fired.push('cancelled'));
    cancelled.cancel();
    vi.advanceTimersByTime(400 * 86_400_000);
    expect(fired).toEqual([]);
  });
});
