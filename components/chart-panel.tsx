'use client';
/** The live chart of the selected stream: candles by default, the tick line (recharts, loaded on demand) on request. */
import { describeStream } from '@/client/format';
import { useT } from '@/client/i18n/provider';
import { selectChartStream } from '@/client/store/dashboard-store';
import { useDashboard } from '@/client/store/provider';
import { timeframeLabelKey } from '@/lib/timeframes';
import { CandlePane } from './candle-pane';
import { ChartControls } from './chart-controls';
import { ChartHeader } from './chart-header';
import styles from './chart-panel.module.css';
import { LazyPriceChart as PriceChart } from './lazy-price-chart';

/** Header with the stream's prices, and its chart; re-renders only when the stream or the chart's choice changes. */
export function ChartPanel() {
  const stream = useDashboard(selectChartStream);
  const chart = useDashboard((s) => s.chart);
  const t = useT('chart');
  return (
    <section className={styles.panel} aria-labelledby="chart-title">
      <ChartHeader stream={stream} titleId="chart-title" />
      <ChartControls />
      <div className={styles.body}>
        {stream && chart.mode === 'candles' ? (
          <CandlePane key={`${stream} ${chart.timeframe}`} stream={stream} timeframe={chart.timeframe} />
        ) : stream ? (
          <PriceChart stream={stream} />
        ) : (
          <p className={styles.placeholder}>{t('emptyWatchlist')}</p>
        )}
      </div>
      {stream && (
        <p className="sr-only">
          {chart.mode === 'candles'
            ? t('srCandles', {
                timeframe: t(timeframeLabelKey(chart.timeframe)),
                symbol: describeStream(stream).symbol,
              })
            : t('srLine', { symbol: describeStream(stream).symbol })}
        </p>
      )}
    </section>
  );
}
