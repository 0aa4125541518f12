'use client';
/** The selected stream's name, last price, 24 h change, high, low and volume, above its chart. */
import {
  describeStream,
  direction,
  exchangeName,
  formatCompact,
  formatPercent,
  formatPrice,
  priceDecimals,
} from '@/client/format';
import { useFormatLocale, useT } from '@/client/i18n/provider';
import type { StreamId } from '@/lib/protocol';
import { useDashboard } from '@/client/store/provider';
import styles from './chart-panel.module.css';
// The row's tone colours, so a stream's flag reads the same above its chart as in its row.
import tones from './ticker-table.module.css';
import { useStreamStatus } from './use-stream-status';

/** Re-renders with the stream's ticker; the chart below it does not depend on this. */
export function ChartHeader({ stream, titleId }: { stream: StreamId | null; titleId: string }) {
  const ticker = useDashboard((s) => (stream ? s.market.tickers[stream] : undefined));
  // Hooks run on every render: the status of no stream is asked of an empty id, which no feed has.
  const status = useStreamStatus(stream ?? ':');
  const t = useT('chart');
  const locale = useFormatLocale();
  if (!stream) {
    return (
      <header className={styles.head}>
        <h2 id={titleId} className={styles.symbol}>
          {t('title')}
        </h2>
      </header>
    );
  }
  const { exchange, symbol } = describeStream(stream);
  const decimals = priceDecimals(ticker);
  const change = direction(ticker?.percentage);
  const quote = symbol.split('/')[1]?.split(':')[0] ?? '';
  return (
    <header className={styles.head}>
      <div className={styles.title}>
        <h2 id={titleId} className={styles.symbol}>
          {symbol}
        </h2>
        <span className={styles.exchange}>{exchangeName(exchange)}</span>
        {status && (
          <span className={`${styles.flag} ${tones[status.tone]}`} title={status.title}>
            {status.label}
          </span>
        )}
      </div>
      <div className={styles.quote}>
        <span className={styles.price}>{formatPrice(ticker?.last, decimals, locale)}</span>
        <span className={`${styles.change} ${styles[change]}`}>
          {formatPercent(ticker?.percentage, locale)}
        </span>
      </div>
      <dl className={styles.stats}>
        <div>
          <dt>{t('high24h')}</dt>
          <dd>{formatPrice(ticker?.high, decimals, locale)}</dd>
        </div>
        <div>
          <dt>{t('low24h')}</dt>
          <dd>{formatPrice(ticker?.low, decimals, locale)}</dd>
        </div>
        <div>
          <dt>{t('volume24h')}</dt>
          <dd>
            {formatCompact(ticker?.quoteVolume, locale)} <span className={styles.unit}>{quote}</span>
          </dd>
        </div>
      </dl>
    </header>
  );
}
