'use client';
/** The watchlist as a dense ticker table; reads only the watchlist, each row reads its own ticker. */
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
  const watchlist = useDashboard((s) => s.watchlist);
  const loading = useDashboard((s) => s.connection.lastMessageAt === null);

  return (
    <div className={styles.scroller}>
      <table className={styles.table}>
        <caption className="sr-only">
          Watched markets. Select a row to show its chart; prices update live.
        </caption>
        <thead>
          <tr>
            <th scope="col" className={styles.text}>
              Symbol
            </th>
            <th scope="col" className={`${styles.text} ${styles.lg}`}>
              Exchange
            </th>
            <th scope="col" className={styles.num}>
              Last
            </th>
            <th scope="col" className={`${styles.num} ${styles.lg}`}>
              Bid
            </th>
            <th scope="col" className={`${styles.num} ${styles.lg}`}>
              Ask
            </th>
            <th scope="col" className={styles.num}>
              24h %
            </th>
            <th scope="col" className={`${styles.num} ${styles.md}`}>
              24h Vol
            </th>
            <th scope="col" className={`${styles.text} ${styles.md}`}>
              Trend
            </th>
            <th scope="col" className={`${styles.num} ${styles.md}`}>
              Age
            </th>
            <th scope="col" className={styles.action}>
              <span className="sr-only">Actions</span>
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
                {loading ? 'Loading the watchlist…' : 'The watchlist is empty: add a ticker above.'}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
