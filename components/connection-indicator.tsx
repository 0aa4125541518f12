'use client';
/** Always-visible state of the socket: live / reconnecting / offline, and the time since the last message. */
import { useDashboard } from '@/client/store/provider';
import type { ConnectionState } from '@/client/store/dashboard-store';
import { Age } from './age';
import styles from './status.module.css';

const LABELS: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

/** A dot, the state word (announced when it changes) and the age of the last message. */
export function ConnectionIndicator() {
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
          last message <Age since={lastMessageAt} clock="browser" suffix=" ago" />
        </>
      );
  }
  return (
    <div className={`${styles.connection} ${styles[state]}`} title="Connection to the Livefolio server">
      <span className={styles.dot} aria-hidden="true" />
      {/* Only the state word is a live region: the ticking age would be announced every second. */}
      <span role="status" className={styles.connectionState}>
        {LABELS[state]}
      </span>
      {detail && <span className={styles.connectionAge}>{detail}</span>}
    </div>
  );
}
