import { describe, expect, it } from 'vitest';
import { levelMet, moveMet } from '../../server/alerts/conditions';

describe('levelMet', () => {
  it('[P7] compares a decimal string exactly with the threshold, the level itself included', () => {
    expect(levelMet('above', '50000', '50000')).toBe(true);
    expect(levelMet('above', '50000', '49999.99')).toBe(false);
    expect(levelMet('below', '0.1', '0.10')).toBe(true);
    // As numbers the two would be equal; as the decimals typed, the level is above the threshold.
    expect(levelMet('below', '0.3', '0.30000000000000001')).toBe(false);
    expect(levelMet('above', '0.3', '0.30000000000000001')).toBe(true);
  });

  it('[P7] a number that is no price meets nothing', () => {
    expect(levelMet('above', '1', Number.POSITIVE_INFINITY)).toBe(false);
    expect(levelMet('below', '1', Number.NaN)).toBe(false);
  });
});

describe('moveMet', () => {
  const move = (direction: 'up' | 'down' | 'any', percent: string) => ({ direction, percent });
  const range = { low: 100, high: 110 };

  it("[P7] up measures the last price against the window's low, at the threshold included", () => {
    expect(moveMet(move('up', '5'), 105, range)).toBe('5.00');
    expect(moveMet(move('up', '5'), 104.99, range)).toBeNull();
    expect(moveMet(move('up', '5'), 107, range)).toBe('7.00');
  });

  it("[P7] down measures the last price against the window's high, and says the move signed", () => {
    expect(moveMet(move('down', '5'), 104.5, range)).toBe('-5.00');
    expect(moveMet(move('down', '5'), 104.51, range)).toBeNull();
    // A rise is no fall, however large.
    expect(moveMet(move('down', '5'), 200, range)).toBeNull();
    expect(moveMet(move('up', '5'), 50, range)).toBeNull();
  });

  it('[P7] the threshold is met exactly as decimals, not as floating point', () => {
    // 0.10523 / 0.1 − 1 is 0.0522999… in floating point.
    expect(moveMet(move('up', '5.23'), 0.10523, { low: 0.1, high: 0.1 })).toBe('5.23');
  });

  it('[P7] any takes whichever is met, and the larger when both are', () => {
    expect(moveMet(move('any', '5'), 106, range)).toBe('6.00');
    expect(moveMet(move('any', '5'), 104, { low: 100, high: 106 })).toBeNull();
    expect(moveMet(move('any', '5'), 104.5, { low: 104, high: 110 })).toBe('-5.00');
    // Up 11.11 % from 90 and down 16.66 % from 120: the fall is the larger.
    expect(moveMet(move('any', '10'), 100, { low: 90, high: 120 })).toBe('-16.66');
    // Up 25 % from 80 and down 16.66 % from 120: the rise is.
    expect(moveMet(move('any', '10'), 100, { low: 80, high: 120 })).toBe('25.00');
  });

  it('[P7] the change is cut to two decimals toward zero, either way', () => {
    expect(moveMet(move('up', '1'), 3.2, { low: 3, high: 3 })).toBe('6.66');
    expect(moveMet(move('down', '1'), 2.8, { low: 3, high: 3 })).toBe('-6.66');
  });

  it('[P7] a range or a price that is no price meets nothing', () => {
    for (const bad of [
      { low: 0, high: 110 },
      { low: -1, high: 110 },
      { low: 100, high: 0 },
      { low: Number.NaN, high: 110 },
      { low: 100, high: Number.NaN },
    ])
      expect(moveMet(move('any', '1'), 50, bad)).toBeNull();
    expect(moveMet(move('any', '1'), Number.NaN, range)).toBeNull();
    expect(moveMet(move('any', '1'), Number.POSITIVE_INFINITY, range)).toBeNull();
  });
});
