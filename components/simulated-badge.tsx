'use client';
/** The unmissable "SIMULATED" mark shown whenever any feed comes from a built-in simulated exchange (protocol F2). */
import { useDashboard } from '@/client/store/provider';
import styles from './status.module.css';

const EXPLANATION =
  'These prices come from the built-in simulated exchanges (npm run demo). They are not real market prices.';

/** Nothing when every feed is real. */
export function SimulatedBadge() {
  const simulated = useDashboard((s) => s.simulated);
  if (!simulated) return null;
  return (
    <p className={styles.simulated} title={EXPLANATION}>
      <strong className={styles.simulatedBadge}>Simulated</strong>
      <span className={styles.simulatedText}>
        <span className={styles.simulatedWide}>Simulated exchanges · </span>prices are not real
      </span>
    </p>
  );
}
