'use client';
/** The unmissable "SIMULATED" mark shown whenever any feed comes from a built-in simulated exchange (protocol F2). */
import { useT } from '@/client/i18n/provider';
import { useDashboard } from '@/client/store/provider';
import styles from './status.module.css';

/** Nothing when every feed is real. */
export function SimulatedBadge() {
  const t = useT('dashboard');
  const simulated = useDashboard((s) => s.simulated);
  if (!simulated) return null;
  return (
    <p className={styles.simulated} title={t('simulatedTitle')}>
      <strong className={styles.simulatedBadge}>{t('simulated')}</strong>
      <span className={styles.simulatedText}>
        <span className={styles.simulatedWide}>{t('simulatedExchanges')} · </span>
        {t('simulatedNotReal')}
      </span>
    </p>
  );
}
