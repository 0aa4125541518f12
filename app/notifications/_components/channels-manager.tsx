'use client';
/** The channels list, the form that adds one, the one-time view of a webhook's signing secret, and test outcomes. */
import { useCallback, useEffect, useState } from 'react';
import { useT } from '@/client/i18n/provider';
import { listChannels } from '@/client/api/channels';
import type { AlertChannel } from '@/client/api/channels';
import type { ApiResult } from '@/client/api/auth';
import { FormAlert, formMessage } from '@/components/auth-card';
import type { FormMessage } from '@/components/auth-card';
import { PagePanel } from '@/components/page-shell';
import { ChannelRow } from './channel-row';
import type { TestRequest } from './channel-row';
import { NewChannelForm } from './new-channel-form';
import { SigningSecret } from './signing-secret';
import styles from './channels.module.css';

/** How often the list is read again while a test's outcome is awaited, and for how long at most. */
const POLL_MS = 1_500;
const AWAIT_MS = 60_000;

/** Whether a test's outcome may still change soon: not yet on the list, or queued and not yet tried. */
function awaited(channels: AlertChannel[], channelId: string, test: TestRequest, now: number): boolean {
  if (now - test.at > AWAIT_MS) return false;
  const delivery = channels.find((c) => c.id === channelId)?.recent.find((d) => d.id === test.deliveryId);
  return !delivery || (delivery.status === 'pending' && delivery.error === null);
}

export function ChannelsManager() {
  const t = useT('notifications');
  const [channels, setChannels] = useState<AlertChannel[] | null>(null);
  const [loadError, setLoadError] = useState<FormMessage | null>(null);
  const [signedOut, setSignedOut] = useState(false);
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const [notice, setNotice] = useState<FormMessage | null>(null);
  // The last test asked for on each channel, by channel id: its outcome shows on the row.
  const [tests, setTests] = useState<Record<string, TestRequest>>({});

  // Every read of the list ends here: the first, and those while a test's outcome is awaited.
  const apply = useCallback((result: ApiResult<AlertChannel[]>) => {
    if (result.ok) {
      setChannels(result.data);
      setLoadError(null);
    } else {
      setLoadError(formMessage(result.message));
      setSignedOut(result.status === 401);
    }
  }, []);
  const reload = useCallback(() => void listChannels().then(apply), [apply]);

  useEffect(() => {
    const controller = new AbortController();
    void listChannels(controller.signal).then((result) => {
      if (!controller.signal.aborted) apply(result);
    });
    return () => controller.abort();
  }, [apply]);

  // While a test is on its way, read the list again until its outcome is there.
  useEffect(() => {
    if (!channels) return;
    const now = Date.now();
    if (!Object.entries(tests).some(([id, test]) => awaited(channels, id, test, now))) return;
    const timer = setTimeout(reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [channels, tests, reload]);

  const onCreated = (made: { channel: AlertChannel; signingSecret?: string }) => {
    setChannels((list) => [...(list ?? []), made.channel]);
    setSecret(made.signingSecret ? { name: made.channel.name, secret: made.signingSecret } : null);
    setNotice(null);
  };
  const onDeleted = (channel: AlertChannel) => {
    setChannels((list) => (list ?? []).filter((one) => one.id !== channel.id));
    setNotice(formMessage(t('deleted', { name: channel.name })));
  };
  const onTested = (channel: AlertChannel, deliveryId: string) => {
    setTests((all) => ({ ...all, [channel.id]: { deliveryId, at: Date.now() } }));
    reload();
  };

  return (
    <>
      <p className={styles.intro}>{t('intro')}</p>
      <p className={styles.intro}>{t('allAlerts')}</p>
      <FormAlert message={loadError} />
      {signedOut && (
        <p>
          <a href="/login?next=%2Fnotifications" className={styles.link}>
            {t('signIn')}
          </a>
        </p>
      )}
      {channels === null && !loadError && <p className={styles.muted}>{t('loading')}</p>}
      {secret && <SigningSecret key={secret.secret} {...secret} onDone={() => setSecret(null)} />}
      {channels && (
        <div className={styles.columns}>
          <PagePanel title={t('listTitle')} titleId="channels-list-title" count={channels.length}>
            <FormAlert message={notice} tone="done" />
            {channels.length === 0 ? (
              <p className={styles.muted}>{t('none')}</p>
            ) : (
              <ul className={styles.list}>
                {channels.map((channel) => (
                  <ChannelRow
                    key={channel.id}
                    channel={channel}
                    test={tests[channel.id] ?? null}
                    onTested={onTested}
                    onDeleted={onDeleted}
                  />
                ))}
              </ul>
            )}
          </PagePanel>
          <NewChannelForm onCreated={onCreated} />
        </div>
      )}
    </>
  );
}
