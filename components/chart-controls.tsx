'use client';
/** The chart's timeframes and its candles/line switch; the choice is kept for the next visit. */
import { useEffect } from 'react';
import { useT } from '@/client/i18n/provider';
import { readChartChoice, saveChartChoice } from '@/client/chart-preference';
import { defaultStorage } from '@/client/socket/low-data-preference';
import { useDashboard, useDashboardStore } from '@/client/store/provider';
import { TIMEFRAMES, timeframeLabelKey } from '@/lib/timeframes';
import styles from './chart-panel.module.css';

export function ChartControls() {
  const store = useDashboardStore();
  const chart = useDashboard((s) => s.chart);
  const t = useT('chart');

  // Read once on mount (storage is the browser's); every change after it is saved.
  useEffect(() => {
    const saved = readChartChoice(defaultStorage());
    if (saved) store.getState().setChart(saved);
    return store.subscribe((state, previous) => {
      if (state.chart !== previous.chart) saveChartChoice(defaultStorage(), state.chart);
    });
  }, [store]);

  const choose = (choice: Partial<typeof chart>) => store.getState().setChart(choice);
  return (
    <div className={styles.controls}>
      <div role="group" aria-label={t('timeframeGroup')} className={styles.segments}>
        {TIMEFRAMES.map((tf) => (
          <button
            key={tf}
            type="button"
            aria-pressed={chart.mode === 'candles' && chart.timeframe === tf}
            className={styles.segment}
            onClick={() => choose({ mode: 'candles', timeframe: tf })}
          >
            {t(timeframeLabelKey(tf))}
          </button>
        ))}
      </div>
      <div role="group" aria-label={t('typeGroup')} className={styles.segments}>
        {(
          [
            ['candles', t('candles')],
            ['line', t('line')],
          ] as const
        ).map(([mode, label]) => (
          <button
            key={mode}
            type="button"
            aria-pressed={chart.mode === mode}
            className={styles.segment}
            onClick={() => choose({ mode })}
          >
            {label}
          </button>
        ))}
      </div>
    </div>
  );
}
