'use client';
/** One channel: its kind, target and state (working, or the last failure and when), its recent sends, Send test, Delete. */
import { useState } from 'react';
import { dateTimeFormat } from '@/client/format';
import { useFormatLocale, useT } from '@/client/i18n/provider';
import { deleteChannel, testChannel } from '@/client/api/channels';
import type { AlertChannel } from '@/client/api/channels';
import { FormAlert, formMessage } from '@/components/auth-card';
import { ConfirmGroup } from '@/components/confirm-group';
import type { FormMessage } from '@/components/auth-card';
import { isFailing, KIND_KEYS, targetText, testOutcomeText } from './channel-text';
import { RecentSends } from './recent-sends';
import styles from './channels.module.css';

/** A test asked for on a channel: its delivery, and when it was asked for. */
export interface TestRequest {
  deliveryId: string;
  at: number;
}

const timeFormat = (locale: string) => dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

export function ChannelRow({
  channel,
  test,
  onTested,
  onDeleted,
}: {
  channel: AlertChannel;
  test: TestRequest | null;
  onTested(channel: AlertChannel, deliveryId: string): void;
  onDeleted(channel: AlertChannel): void;
}) {
  const t = useT('notifications');
  const locale = useFormatLocale();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState<'test' | 'delete' | null>(null);
  const [error, setError] = useState<FormMessage | null>(null);
  const time = (ms: number) => timeFormat(locale).format(new Date(ms));

  const failing = isFailing(channel);

  const sendTest = () => {
    setBusy('test');
    setError(null);
    void testChannel(channel.id).then((result) => {
      setBusy(null);
      if (result.ok) onTested(channel, result.data.id);
      else setError(formMessage(result.message));
    });
  };
  const remove = () => {
    setBusy('delete');
    setError(null);
    void deleteChannel(channel.id).then((result) => {
      setBusy(null);
      if (result.ok || result.status === 404) onDeleted(channel);
      else setError(formMessage(result.message));
    });
  };

  const tested = test ? channel.recent.find((d) => d.id === test.deliveryId) : undefined;
  return (
    <li className={styles.channel} aria-label={channel.name}>
      <div className={styles.summary}>
        <span className={styles.name}>{channel.name}</span>
        <span className={styles.kind}>{t(KIND_KEYS[channel.kind])}</span>
        <code className={styles.hint}>{targetText(t, channel)}</code>
      </div>
      {failing && channel.lastError ? (
        <p className={styles.failing}>
          <span>{t('statusError', { date: time(channel.lastErrorAt ?? 0) })}</span>{' '}
          <span>{channel.lastError.message}</span>
        </p>
      ) : (
        <p className={channel.lastOkAt === null ? styles.facts : styles.working}>
          {channel.lastOkAt === null ? t('statusNew') : t('statusOk', { date: time(channel.lastOkAt) })}
        </p>
      )}
      <RecentSends recent={channel.recent} time={time} />
      <div role="status" aria-atomic="true" className={styles.testOutcome}>
        {test && testOutcomeText(t, tested, time)}
      </div>
      <FormAlert message={error} />
      {confirming ? (
        <ConfirmGroup
          label={t('deleteQuestion', { name: channel.name })}
          action={t('deleteConfirm')}
          busyAction={t('deleteBusy')}
          cancel={t('cancel')}
          busy={busy === 'delete'}
          onConfirm={remove}
          onCancel={() => setConfirming(false)}
        >
          {t('deleteQuestion', { name: channel.name })}
        </ConfirmGroup>
      ) : (
        <div className={styles.actions}>
          <button
            type="button"
            className={styles.button}
            aria-label={t('sendTestNamed', { name: channel.name })}
            disabled={busy !== null}
            onClick={sendTest}
          >
            {busy === 'test' ? t('testBusy') : t('sendTest')}
          </button>
          <button
            type="button"
            className={`${styles.button} ${styles.danger}`}
            aria-label={t('deleteNamed', { name: channel.name })}
            onClick={() => setConfirming(true)}
          >
            {t('delete')}
          </button>
        </div>
      )}
    </li>
  );
}
