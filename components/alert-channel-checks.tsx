'use client';
/** A checkbox per alert channel, in a fieldset: where an alert goes besides the open tabs (form and list share it). */
import { useId } from 'react';
import type { ReactNode } from 'react';
import type { ChannelName } from '@/client/api/channel-names';
import { useT } from '@/client/i18n/provider';
import styles from './alerts-panel.module.css';

const KIND_WORDS = {
  webhook: 'kindWebhook',
  ntfy: 'kindNtfy',
  telegram: 'kindTelegram',
  email: 'kindEmail',
} as const;

const isKnownKind = (kind: string): kind is keyof typeof KIND_WORDS => Object.hasOwn(KIND_WORDS, kind);

/** "Webhook", "Telegram"…: the Notifications page's word for a channel's kind; an unknown kind as sent. */
export function useKindWord(): (kind: string) => string {
  const t = useT('notifications');
  return (kind) => (isKnownKind(kind) ? t(KIND_WORDS[kind]) : kind);
}

/** The channels checked are the ones the alert goes to; the open tabs always get it, and the line says so. */
export function ChannelChecks({
  legend,
  channels,
  checked,
  onToggle,
  children,
}: {
  legend: string;
  channels: readonly ChannelName[];
  checked: ReadonlySet<string>;
  onToggle(id: string, on: boolean): void;
  /** Buttons that belong to the choice (the list's Save and Cancel). */
  children?: ReactNode;
}) {
  const t = useT('alerts');
  const kindWord = useKindWord();
  const id = useId();
  return (
    <fieldset className={styles.channels} aria-describedby={`${id}-tabs`}>
      <legend className={styles.legend}>{legend}</legend>
      <div className={styles.checks}>
        {channels.map((channel) => (
          <label key={channel.id} className={styles.check}>
            <input
              type="checkbox"
              checked={checked.has(channel.id)}
              onChange={(event) => onToggle(channel.id, event.currentTarget.checked)}
            />
            <span>{channel.name}</span> <span className={styles.kind}>({kindWord(channel.kind)})</span>
          </label>
        ))}
      </div>
      <p id={`${id}-tabs`} className={styles.tabsToo}>
        {t('tabsToo')}
      </p>
      {children}
    </fieldset>
  );
}
