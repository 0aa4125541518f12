'use client';
/**
 * The tick line, loaded on demand: it is drawn with recharts, which the first screen (the candle chart) does
 * without, so a phone fetches the library only when the line is asked for or there are no candles.
 */
import dynamic from 'next/dynamic';
import { useT } from '@/client/i18n/provider';
import styles from './chart-panel.module.css';

/** Said where the chart's code cannot be fetched (the network went away before it was ever loaded). */
function Unavailable() {
  const t = useT('chart');
  return <p className={styles.placeholder}>{t('lineUnavailable')}</p>;
}

/** Rendered by next/dynamic as a component while the chart's code is fetched. */
function Loading() {
  const t = useT('chart');
  return <p className={styles.placeholder}>{t('loadingChart')}</p>;
}

export const LazyPriceChart = dynamic(
  () =>
    import('./price-chart').then(
      (m) => m.PriceChart,
      () => Unavailable,
    ),
  {
    ssr: false,
    loading: Loading,
  },
);
