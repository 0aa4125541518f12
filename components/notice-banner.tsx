'use client';
/** Messages for the user (e.g. an unknown ticker refused by the server), in live regions screen readers announce. */
import { useT } from '@/client/i18n/provider';
import { noticeText } from '@/client/store/notice';
import { useDashboard, useDashboardStore } from '@/client/store/provider';
import styles from './notice-banner.module.css';

/** Two regions always in the page, so a message put into them is announced: errors assertively, the rest politely. */
export function NoticeBanner() {
  const notice = useDashboard((s) => s.notice);
  const store = useDashboardStore();
  const t = useT('dashboard');
  const alertText = useT('alerts');
  const dismiss = () => store.getState().notify(null);

  const message = notice && (
    // Keyed on the time, so the same text refused twice is announced twice.
    <p key={notice.at} className={`${styles.notice} ${styles[notice.kind]}`}>
      <span className={styles.icon} aria-hidden="true">
        {notice.kind === 'error' ? '!' : 'i'}
      </span>
      <span className={styles.text}>{noticeText(notice, t, alertText)}</span>
      <button type="button" className={styles.dismiss} onClick={dismiss} aria-label={t('dismissNotice')}>
        <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
          <path d="M2 2l8 8M10 2l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
      </button>
    </p>
  );
  return (
    <>
      <div role="alert" aria-atomic="true" className={styles.region}>
        {notice?.kind === 'error' && message}
      </div>
      <div role="status" aria-atomic="true" className={styles.region}>
        {notice?.kind === 'info' && message}
      </div>
    </>
  );
}
