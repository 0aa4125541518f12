'use client';
/** The candle chart of the selected market, or the tick line with the reason when there are no candles. */
import { describeStream, exchangeName, priceDecimals } from '@/client/format';
import { useDashboard } from '@/client/store/provider';
import type { StreamId } from '@/lib/protocol';
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

  if (!series || series.state === 'loading')
    return <p className={styles.placeholder}>Loading {timeframe} candles…</p>;
  // Offline with no candles held, there is nothing to draw until the network is back: no fallback to fetch.
  if (offline && series.state === 'error')
    return (
      <p className={styles.placeholder} role="status">
        Offline: the {timeframe} candles come back with the connection.
      </p>
    );
  if (series.state === 'error' || series.state === 'empty') {
    const why =
      series.state === 'empty'
        ? `${exchange} has no ${timeframe} candles for ${symbol}`
        : `No ${timeframe} candles from ${exchange}: ${series.message ?? 'the request failed'}`;
    return (
      <div className={styles.fallbackPane}>
        <p className={styles.fallback} role="status">
          {why}. Showing the live tick line instead.
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
        title={`${symbol} ${timeframe} candles on ${exchange}`}
        onOlder={loadOlder}
      />
    </div>
  );
}
