'use client';
/** The "Add channel" form: a kind, a name, and the fields that kind needs. */
import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { useT } from '@/client/i18n/provider';
import { formText } from '@/client/api/auth';
import { createChannel } from '@/client/api/channels';
import type { AlertChannel } from '@/client/api/channels';
import { FormAlert, FormField, SubmitButton, formMessage, useFormRequest } from '@/components/auth-card';
import type { FormMessage } from '@/components/auth-card';
import { PagePanel } from '@/components/page-shell';
import { CHANNEL_KINDS, MAX_CHANNEL_NAME_LENGTH } from '@/lib/api/channels';
import type { ChannelKind } from '@/lib/api/channels';
import { ChannelFields } from './channel-fields';
import { channelBody, KIND_KEYS, refusedField } from './channel-text';
import styles from './channels.module.css';

export function NewChannelForm({
  onCreated,
}: {
  onCreated(made: { channel: AlertChannel; signingSecret?: string }): void;
}) {
  const t = useT('notifications');
  const kindId = useId();
  const [kind, setKind] = useState<ChannelKind>('webhook');
  const [done, setDone] = useState<FormMessage | null>(null);
  const { busy, error, onSubmit } = useFormRequest(async (form) => {
    setDone(null);
    const result = await createChannel(channelBody((name) => formText(form, name), kind));
    if (!result.ok) return { error: result.message, field: refusedField(result.message, kind) };
    onCreated(result.data);
    form.reset();
    setDone(formMessage(t('created', { name: result.data.channel.name })));
    return { ok: true };
  });

  const select = (id: string, label: string, control: ReactNode) => (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.legend}>
        {label}
      </label>
      {control}
    </div>
  );

  return (
    <PagePanel title={t('newTitle')} titleId="new-channel-title">
      <form className={styles.form} onSubmit={onSubmit}>
        {select(
          kindId,
          t('kindLabel'),
          <select
            id={kindId}
            name="kind"
            className={styles.select}
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as ChannelKind)}
          >
            {CHANNEL_KINDS.map((one) => (
              <option key={one} value={one}>
                {t(KIND_KEYS[one])}
              </option>
            ))}
          </select>,
        )}
        <FormField
          label={t('nameLabel')}
          name="name"
          type="text"
          hint={t('nameHint')}
          autoComplete="off"
          required
          maxLength={MAX_CHANNEL_NAME_LENGTH}
        />
        <ChannelFields kind={kind} select={select} />
        <div className={styles.messages}>
          <FormAlert message={error} />
          <FormAlert message={done} tone="done" />
        </div>
        <SubmitButton busy={busy} label={t('createButton')} busyLabel={t('createBusy')} />
      </form>
    </PagePanel>
  );
}
