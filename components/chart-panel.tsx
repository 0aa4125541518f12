'use client';
/** The live chart of the selected stream; recharts loads in its own chunk after the table has painted. */
import dynamic from 'next/dynamic';
import { describeStream } from '@/client/format';
import { selectChartStream } from '@/client/store/dashboard-store';
import { useDashboard } from '@/client/store/provider';
import { ChartHeader } from './chart-header';
import styles from './chart-panel.module.css';

const PriceChart = dynamic(() => import('./price-chart').then((m) => m.PriceChart), {
  ssr: false,
  loading: () => <p className={styles.placeholder}>Loading chart…</p>,
});

/** Header with the stream's prices, and its chart; re-renders only when the selected stream changes. */
export function ChartPanel() {
  const stream = useDashboard(selectChartStream);
  return (
    <section className={styles.panel} aria-labelledby="chart-title">
      <ChartHeader stream={stream} titleId="chart-title" />
      <div className={styles.body}>
        {stream ? (
          <PriceChart stream={stream} />
        ) : (
          <p className={styles.placeholder}>Add a ticker to the watchlist to see its chart.</p>
        )}
      </div>
      {stream && (
        <p className="sr-only">
          Live price chart of {describeStream(stream).symbol}; the table below has the numbers.
        </p>
      )}
    </section>
  );
}
