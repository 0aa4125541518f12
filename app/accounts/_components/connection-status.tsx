'use client';
/** An exchange account's connection in its row: key, state, when it synced and will sync, what it found, what is wrong. */
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { ConnectionSummary } from '@/client/api/connections';
import { useT } from '@/client/i18n/provider';
import { ERROR_KEYS, STATE_KEYS, exchangeTitle, progressText, resultText } from './connection-text';
import { RelativeTime } from './relative-time';
import { withNodes } from './with-nodes';
import fieldStyles from '@/components/auth-card.module.css';
import notice from '@/components/notice-banner.module.css';
import pageStyles from './accounts.module.css';
import styles from './connections.module.css';

// Each state's colours: the page's own message tones.
const STATE_TONES: Record<ConnectionSummary['state'], string | undefined> = {
  never: styles.never,
  syncing: notice.info,
  ok: fieldStyles.done,
  error: fieldStyles.error,
};

/** What the server last said of the connection, then `children`: the buttons that act on it. */
export function ConnectionStatus({
  connection: c,
  children,
}: {
  connection: ConnectionSummary;
  children: ReactNode;
}) {
  const t = useT('accounts');
  const syncing = c.state === 'syncing';
  const failed = c.state === 'error' && c.lastError !== null;
  return (
    <div className={styles.connection}>
      <p className={styles.head}>
        <span className={styles.exchange}>{exchangeTitle(c.exchange)}</span>
        <span className={styles.key}>
          {t('key')} <span aria-hidden="true">{c.keyHint}</span>
          <span className="sr-only"> {t('keyEnding', { digits: c.keyHint.replace(/^•+/, '') })}</span>
        </span>
        <span className={`${styles.badge} ${STATE_TONES[c.state]}`}>{t(STATE_KEYS[c.state])}</span>
        {syncing && <span className={styles.step}>{progressText(t, c.progress)}</span>}
      </p>
      {syncing && c.progress !== null && c.progress.total > 0 && (
        <progress
          className={styles.bar}
          value={c.progress.done}
          max={c.progress.total}
          aria-label={t('progressLabel', { progress: progressText(t, c.progress) })}
        />
      )}
      {c.warnings.map((warning) => (
        <p key={warning} className={`${notice.notice} ${styles.warning}`}>
          <span className={`${notice.icon} ${styles.warnIcon}`} aria-hidden="true">
            !
          </span>
          <span className={notice.text}>
            <span className="sr-only">{t('warning')} </span>
            {warning}
          </span>
        </p>
      ))}
      <p className={styles.line}>
        {c.lastSyncAt === null
          ? t('notSynced')
          : withNodes(t('lastSynced'), { time: <RelativeTime at={c.lastSyncAt} to="past" /> })}
        {failed && c.lastSuccessAt !== null && (
          <>
            {' · '}
            {withNodes(t('lastSuccess'), { time: <RelativeTime at={c.lastSuccessAt} to="past" /> })}
          </>
        )}
        {!syncing && (
          <>
            {' · '}
            {c.nextSyncAt === null
              ? t('syncsOnlyWhenAsked')
              : withNodes(t('nextSync'), { time: <RelativeTime at={c.nextSyncAt} to="future" /> })}
          </>
        )}
      </p>
      {failed && c.lastError && (
        <div className={`${notice.notice} ${notice.error} ${styles.failure}`}>
          <span className={notice.icon} aria-hidden="true">
            !
          </span>
          <div className={notice.text}>
            <p className={styles.failureTitle}>{t(ERROR_KEYS[c.lastError.code])}</p>
            <p>{c.lastError.message}</p>
          </div>
        </div>
      )}
      {c.lastResult && (
        <p className={styles.line}>
          {withNodes(t(failed ? 'lastSuccessfulResult' : 'lastResult'), {
            result: <span className={styles.result}>{resultText(t, c.lastResult)}</span>,
          })}
        </p>
      )}
      {c.lastResult !== null && c.lastResult.adjustments > 0 && (
        <p className={styles.note}>
          {withNodes(t('openingBalancesNote'), {
            link: (
              <Link
                href={`/transactions?account=${encodeURIComponent(c.account.id)}`}
                className={pageStyles.link}
              >
                {t('transactionsPage')}
              </Link>
            ),
          })}
        </p>
      )}
      {children}
    </div>
  );
}
