'use client';
/**
 * The tick line, loaded on demand: it is drawn with recharts, which the first screen (the candle chart) does
 * without, so a phone fetches the library only when the line is asked for or there are no candles.
 */
import dynamic from 'next/dynamic';
import styles from './chart-panel.module.css';

export const LazyPriceChart = dynamic(() => import('./price-chart').then((m) => m.PriceChart), {
  ssr: false,
  loading: () => <p className={styles.placeholder}>Loading chart…</p>,
});
