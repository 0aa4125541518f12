import { describe, expect, it } from 'vitest';
import { delayUntilNext, effectiveFrequency, windowMs } from '../../../server/push/throttle';

describe('max frequency', () => {
  it('[M7] the server maximum applies when the client asks for nothing or for more', () => {
    expect(effectiveFrequency(undefined, 4)).toBe(4);
    expect(effectiveFrequency(50, 4)).toBe(4);
  });

  it('[M7] a request is rounded down to a step', () => {
    expect(effectiveFrequency(3, 4)).toBe(2);
    expect(effectiveFrequency(0.7, 4)).toBe(0.5);
    expect(effectiveFrequency(1, 4)).toBe(1);
  });

  it('[M7] requests below the lowest step get the lowest step', () => {
    expect(effectiveFrequency(0.01, 4)).toBe(0.1);
  });

  it('[M7] a server maximum between steps is honoured as is', () => {
    expect(effectiveFrequency(undefined, 3)).toBe(3);
    expect(effectiveFrequency(2.5, 3)).toBe(2);
  });

  it('[M6] the window is the interval between two messages', () => {
    expect(windowMs(4)).toBe(250);
    expect(windowMs(0.1)).toBe(10_000);
  });

  it('[M6] the first message goes at once, the next waits out the window', () => {
    expect(delayUntilNext(null, 250, 1_000)).toBe(0);
    expect(delayUntilNext(1_000, 250, 1_100)).toBe(150);
    expect(delayUntilNext(1_000, 250, 1_400)).toBe(0);
  });
});
