'use client';
/** The watchlist as a dense ticker table; reads only the watchlist, each row reads its own ticker. */
import { useT } from '@/client/i18n/provider';
import type { StreamId } from '@/lib/protocol';
import { useDashboard } from '@/client/store/provider';
import { TickerRow } from './ticker-row';
import styles from './ticker-table.module.css';

interface TickerTableProps {
  onSelect(stream: StreamId): void;
  onRemove(stream: StreamId): Promise<boolean>;
}

/** A real `<table>`: one row per watched stream, in watchlist order. */
export function TickerTable({ onSelect, onRemove }: TickerTableProps) {
  const t = useT('dashboard');
  const watchlist = useDashboard((s) => s.watchlist);
  const loading = useDashboard((s) => s.connection.lastMessageAt === null);

  return (
    <div className={styles.scroller}>
      <table className={styles.table}>
        <caption className="sr-only">{t('tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.text}>
              {t('colSymbol')}
            </th>
            <th scope="col" className={`${styles.text} ${styles.lg}`}>
              {t('colExchange')}
            </th>
            <th scope="col" className={styles.num}>
              {t('colLast')}
            </th>
            <th scope="col" className={`${styles.num} ${styles.lg}`}>
              {t('colBid')}
            </th>
            <th scope="col" className={`${styles.num} ${styles.lg}`}>
              {t('colAsk')}
            </th>
            <th scope="col" className={styles.num}>
              {t('colChange')}
            </th>
            <th scope="col" className={`${styles.num} ${styles.md}`}>
              {t('colVolume')}
            </th>
            <th scope="col" className={`${styles.text} ${styles.md}`}>
              {t('colTrend')}
            </th>
            <th scope="col" className={`${styles.num} ${styles.md}`}>
              {t('colAge')}
            </th>
            <th scope="col" className={styles.action}>
              <span className="sr-only">{t('colActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {watchlist.map((stream) => (
            <TickerRow key={stream} stream={stream} onSelect={onSelect} onRemove={onRemove} />
          ))}
          {watchlist.length === 0 && (
            <tr>
              <td colSpan={10} className={styles.empty}>
                {loading ? t('loadingWatchlist') : t('emptyWatchlist')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
