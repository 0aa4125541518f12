'use client';
/** The feed health bar: one chip per configured exchange feed. */
import { useT } from '@/client/i18n/provider';
import { useDashboard } from '@/client/store/provider';
import { FeedChip } from './feed-chip';
import styles from './status.module.css';

/** Nothing until the server has reported its feeds. */
export function FeedHealth() {
  const t = useT('dashboard');
  const feeds = useDashboard((s) => s.feeds);
  // Without a connection the states are only the last ones reported: say so rather than show "live".
  const current = useDashboard((s) => s.connection.state === 'live');
  const list = Object.values(feeds);
  if (list.length === 0) return null;
  return (
    <ul className={`${styles.feeds} ${current ? '' : styles.lastKnown}`} aria-label={t('feeds')}>
      {!current && <li className={styles.feedNote}>{t('feedsLastKnown')}</li>}
      {list.map((feed) => (
        <FeedChip key={feed.exchange} feed={feed} />
      ))}
    </ul>
  );
}
