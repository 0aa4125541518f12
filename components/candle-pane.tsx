'use client';
/** The candle chart of the selected market, or the tick line with the reason when there are no candles. */
import { describeStream, exchangeName, priceDecimals } from '@/client/format';
import { useT } from '@/client/i18n/provider';
import { useDashboard } from '@/client/store/provider';
import type { StreamId } from '@/lib/protocol';
import { timeframeLabelKey } from '@/lib/timeframes';
import type { Timeframe } from '@/lib/timeframes';
import { CandleChart } from './candle-chart';
import { LazyPriceChart as PriceChart } from './lazy-price-chart';
import { useCandleHistory } from './use-candle-history';
import { useThrottled } from './use-throttled';
import styles from './chart-panel.module.css';

/** How often the chart redraws for the live candle. */
const LIVE_REDRAW_MS = 1000;

export function CandlePane({ stream, timeframe }: { stream: StreamId; timeframe: Timeframe }) {
  const { series: current, loadOlder } = useCandleHistory(stream, timeframe);
  // The live candle moves with every tick (up to 4 a second); redrawing a hundred candles once a second is enough.
  const throttled = useThrottled(current, LIVE_REDRAW_MS);
  // A page of history or a state change is drawn at once; only the live candle's moves wait.
  const series =
    current && throttled && current.rows === throttled.rows && current.state === throttled.state
      ? throttled
      : current;
  const decimals = useDashboard((s) => priceDecimals(s.market.tickers[stream]));
  const offline = useDashboard((s) => s.offlineSince !== null || s.connection.state === 'offline');
  const { symbol, exchange: id } = describeStream(stream);
  const exchange = exchangeName(id);
  const t = useT('chart');
  const tf = t(timeframeLabelKey(timeframe));

  if (!series || series.state === 'loading')
    return <p className={styles.placeholder}>{t('loadingCandles', { timeframe: tf })}</p>;
  // Offline with no candles held, there is nothing to draw until the network is back: no fallback to fetch.
  if (offline && series.state === 'error')
    return (
      <p className={styles.placeholder} role="status">
        {t('offlineCandles', { timeframe: tf })}
      </p>
    );
  if (series.state === 'error' || series.state === 'empty') {
    const text =
      series.state === 'empty'
        ? t('noCandles', { exchange, timeframe: tf, symbol })
        : t('candlesFailed', { timeframe: tf, exchange, reason: series.message ?? t('requestFailed') });
    return (
      <div className={styles.fallbackPane}>
        <p className={styles.fallback} role="status">
          {text}
        </p>
        <div className={styles.fallbackChart}>
          <PriceChart stream={stream} />
        </div>
      </div>
    );
  }
  return (
    <div className={styles.fallbackPane}>
      <CandleChart
        series={series}
        timeframe={timeframe}
        decimals={decimals}
        title={t('candleTitle', { symbol, timeframe: tf, exchange })}
        onOlder={loadOlder}
      />
    </div>
  );
}
