'use client';
/** Always-visible state of the socket: live / reconnecting / offline, and the time since the last message. */
import { useT } from '@/client/i18n/provider';
import { useDashboard } from '@/client/store/provider';
import type { ConnectionState } from '@/client/store/dashboard-store';
import type { Catalog } from '@/lib/i18n/messages/en';
import { Age, AgeInText } from './age';
import styles from './status.module.css';

const LABELS: Record<ConnectionState, keyof Catalog['dashboard']> = {
  connecting: 'connecting',
  live: 'live',
  reconnecting: 'reconnecting',
  offline: 'offline',
};

/** A dot, the state word (announced when it changes) and the age of the last message. */
export function ConnectionIndicator() {
  const t = useT('dashboard');
  const state = useDashboard((s) => s.connection.state);
  const lastMessageAt = useDashboard((s) => s.connection.lastMessageAt);

  let detail = null;
  if (lastMessageAt !== null) {
    detail =
      state === 'live' ? (
        <>
          {' · '}
          <Age since={lastMessageAt} clock="browser" />
        </>
      ) : (
        <>
          {' '}
          <AgeInText text={t('lastMessage')} since={lastMessageAt} clock="browser" ago />
        </>
      );
  }
  return (
    <div className={`${styles.connection} ${styles[state]}`} title={t('connectionTitle')}>
      <span className={styles.dot} aria-hidden="true" />
      {/* Only the state word is a live region: the ticking age would be announced every second. */}
      <span role="status" className={styles.connectionState}>
        {t(LABELS[state])}
      </span>
      {detail && <span className={styles.connectionAge}>{detail}</span>}
    </div>
  );
}
