'use client';
/** The fields of one kind of channel, named as the API names them so that a refusal can point at its field. */
import { useId } from 'react';
import type { ReactNode } from 'react';
import { useT } from '@/client/i18n/provider';
import type { ChannelKind } from '@/lib/api/channels';
import { FormField } from '@/components/auth-card';
import styles from './channels.module.css';

const PRIORITIES = [1, 2, 3, 4, 5] as const;

export function ChannelFields({
  kind,
  select,
}: {
  kind: ChannelKind;
  /** A labelled select, laid out as the form's others. */
  select(id: string, label: string, control: ReactNode): ReactNode;
}) {
  const t = useT('notifications');
  const priorityId = useId();
  const securityId = useId();
  const text = { type: 'text', autoComplete: 'off', autoCapitalize: 'none', spellCheck: false } as const;
  const secret = { type: 'password', autoComplete: 'new-password' } as const;

  switch (kind) {
    case 'webhook':
      return (
        <FormField
          key="webhook-url"
          label={t('webhookUrl')}
          name="url"
          type="url"
          hint={t('webhookUrlHint')}
          required
        />
      );
    case 'ntfy':
      return (
        <>
          <FormField
            key="ntfy-url"
            label={t('ntfyUrl')}
            name="url"
            type="url"
            hint={t('ntfyUrlHint')}
            required
          />
          <FormField
            label={t('ntfyToken')}
            name="secret"
            hint={`${t('ntfyTokenHint')} ${t('secretKept')}`}
            {...secret}
          />
          {select(
            priorityId,
            t('ntfyPriority'),
            <select id={priorityId} name="priority" className={styles.select} defaultValue="">
              <option value="">{t('priorityDefault')}</option>
              {PRIORITIES.map((p) => (
                <option key={p} value={String(p)}>
                  {t(`priority${p}`)}
                </option>
              ))}
            </select>,
          )}
        </>
      );
    case 'telegram':
      return (
        <>
          <FormField
            label={t('telegramToken')}
            name="secret"
            hint={`${t('telegramTokenHint')} ${t('secretKept')}`}
            required
            {...secret}
          />
          <FormField
            label={t('telegramChat')}
            name="chatId"
            hint={t('telegramChatHint')}
            required
            {...text}
          />
        </>
      );
    case 'email':
      return (
        <>
          <FormField label={t('emailHost')} name="host" required {...text} />
          <div className={styles.pair}>
            <FormField
              label={t('emailPort')}
              name="port"
              type="number"
              inputMode="numeric"
              min={1}
              max={65535}
              defaultValue={465}
              required
            />
            {select(
              securityId,
              t('emailSecurity'),
              <select id={securityId} name="security" className={styles.select} defaultValue="tls">
                <option value="tls">{t('securityTls')}</option>
                <option value="starttls">{t('securityStarttls')}</option>
                <option value="none">{t('securityNone')}</option>
              </select>,
            )}
          </div>
          <FormField label={t('emailUser')} name="user" {...text} />
          <FormField label={t('emailPassword')} name="secret" hint={t('secretKept')} {...secret} />
          <FormField label={t('emailFrom')} name="from" type="email" autoComplete="off" required />
          <FormField label={t('emailTo')} name="to" type="email" autoComplete="email" required />
        </>
      );
  }
}
