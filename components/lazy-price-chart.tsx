'use client';
/**
 * The tick line, loaded on demand: it is drawn with recharts, which the first screen (the candle chart) does
 * without, so a phone fetches the library only when the line is asked for or there are no candles.
 */
import dynamic from 'next/dynamic';
import styles from './chart-panel.module.css';

/** Said where the chart's code cannot be fetched (the network went away before it was ever loaded). */
function Unavailable() {
  return (
    <p className={styles.placeholder}>The tick line could not be loaded; it comes back with the network.</p>
  );
}

export const LazyPriceChart = dynamic(
  () =>
    import('./price-chart').then(
      (m) => m.PriceChart,
      () => Unavailable,
    ),
  {
    ssr: false,
    loading: () => <p className={styles.placeholder}>Loading chart…</p>,
  },
);
