'use client';
/** Says that the prices and portfolio shown are the ones this browser kept, and how old they are. */
import { formatClock } from '@/client/format';
import { useDashboard } from '@/client/store/provider';
import { Age } from './age';
import styles from './notice-banner.module.css';

export function OfflineBanner() {
  const since = useDashboard((s) => s.offlineSince);
  if (since === null) return null;
  return (
    <p role="status" className={`${styles.notice} ${styles.info}`} data-testid="offline-banner">
      <span className={styles.icon} aria-hidden="true">
        !
      </span>
      <span className={styles.text}>
        Offline: prices and portfolio as of {formatClock(since, false)} (
        <Age since={since} clock="browser" suffix=" ago" />
        ). They update when the connection is back.
      </span>
    </p>
  );
}
