'use client';
/** Says that the prices and portfolio shown are the ones this browser kept, and how old they are. */
import { formatClock } from '@/client/format';
import { useFormatLocale, useT } from '@/client/i18n/provider';
import { useDashboard } from '@/client/store/provider';
import { AgeInText } from './age';
import styles from './notice-banner.module.css';

export function OfflineBanner() {
  const t = useT('dashboard');
  const locale = useFormatLocale();
  const since = useDashboard((s) => s.offlineSince);
  if (since === null) return null;
  return (
    <p role="status" className={`${styles.notice} ${styles.info}`} data-testid="offline-banner">
      <span className={styles.icon} aria-hidden="true">
        !
      </span>
      <span className={styles.text}>
        <AgeInText
          text={t('offlineBanner', { time: formatClock(since, false, locale) })}
          since={since}
          clock="browser"
          ago
        />
      </span>
    </p>
  );
}
