'use client';
/** The "Low data" switch: asks the server for at most one market message per second. */
import { useState } from 'react';
import type { ChangeEvent } from 'react';
import { useT } from '@/client/i18n/provider';
import type { DashboardConnection } from '@/client/socket/dashboard-connection';
import { useDashboard, useDashboardStore } from '@/client/store/provider';
import styles from './status.module.css';

/** A real checkbox with the switch role and a visible label. */
export function LowDataSwitch({ connection }: { connection: DashboardConnection | null }) {
  const t = useT('dashboard');
  const lowData = useDashboard((s) => s.lowData);
  const store = useDashboardStore();
  // The choice shows at once; the store follows when the server has applied the rate, and a refusal
  // (the store unchanged) puts the switch back.
  const [pending, setPending] = useState<boolean | null>(null);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const wanted = event.currentTarget.checked;
    if (!connection) {
      store.getState().setLowData(wanted);
      return;
    }
    setPending(wanted);
    void connection.setLowData(wanted).finally(() => setPending(null));
  };
  return (
    <label className={styles.switch} title={t('lowDataTitle')}>
      <input type="checkbox" role="switch" checked={pending ?? lowData} onChange={onChange} />
      <span className={styles.track} aria-hidden="true">
        <span className={styles.thumb} />
      </span>
      <span>{t('lowData')}</span>
    </label>
  );
}
