import { describe, expect, it } from 'vitest';
import { CHART_KEY, readChartChoice, saveChartChoice } from '../../client/chart-preference';

const memory = (initial: Record<string, string> = {}) => {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
};

describe('the chart’s remembered choice', () => {
  it('reads back what was saved', () => {
    const storage = memory();
    saveChartChoice(storage, { mode: 'line', timeframe: '4h' });
    expect(readChartChoice(storage)).toEqual({ mode: 'line', timeframe: '4h' });
  });

  it('ignores a stored value that is not a choice, and storage that throws', () => {
    for (const bad of ['{', '"15m"', '{"mode":"bars","timeframe":"1h"}', '{"mode":"line","timeframe":"2h"}'])
      expect(readChartChoice(memory({ [CHART_KEY]: bad }))).toBeNull();
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(readChartChoice(refusing)).toBeNull();
    expect(() => saveChartChoice(refusing, { mode: 'candles', timeframe: '1m' })).not.toThrow();
  });
});
