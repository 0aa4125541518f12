'use client';
/** A channel's last few sends, newest first: what was sent, and how it went. */
import { useT } from '@/client/i18n/provider';
import type { ChannelDelivery } from '@/client/api/channels';
import { deliveryText } from './channel-text';
import styles from './channels.module.css';

export function RecentSends({ recent, time }: { recent: ChannelDelivery[]; time(ms: number): string }) {
  const t = useT('notifications');
  if (recent.length === 0) return null;
  return (
    <details className={styles.recent}>
      <summary>{t('recentTitle')}</summary>
      <ul className={styles.recentList}>
        {recent.map((d) => (
          <li key={d.id} className={d.status === 'failed' ? styles.recentFailed : undefined}>
            <strong>{d.type === 'channel.test' ? t('typeTest') : t('typeAlert')}</strong>{' '}
            {deliveryText(t, d, time)}
          </li>
        ))}
      </ul>
    </details>
  );
}
