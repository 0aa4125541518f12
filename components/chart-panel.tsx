'use client';
/** The live chart of the selected stream: candles by default, the tick line (recharts, loaded on demand) on request. */
import { describeStream } from '@/client/format';
import { selectChartStream } from '@/client/store/dashboard-store';
import { useDashboard } from '@/client/store/provider';
import { CandlePane } from './candle-pane';
import { ChartControls } from './chart-controls';
import { ChartHeader } from './chart-header';
import styles from './chart-panel.module.css';
import { LazyPriceChart as PriceChart } from './lazy-price-chart';

/** Header with the stream's prices, and its chart; re-renders only when the stream or the chart's choice changes. */
export function ChartPanel() {
  const stream = useDashboard(selectChartStream);
  const chart = useDashboard((s) => s.chart);
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
          <p className={styles.placeholder}>Add a ticker to the watchlist to see its chart.</p>
        )}
      </div>
      {stream && (
        <p className="sr-only">
          Live {chart.mode === 'candles' ? `${chart.timeframe} candle` : 'price'} chart of{' '}
          {describeStream(stream).symbol}; the table below has the numbers.
        </p>
      )}
    </section>
  );
}
