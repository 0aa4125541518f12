'use client';
/** Changes where one alert goes (PATCH): loaded with the list's first Channels button pressed, like the form. */
import { useEffect, useRef, useState } from 'react';
import type { ChannelName } from '@/client/api/channel-names';
import { setAlertChannels } from '@/client/api/alerts';
import { useT } from '@/client/i18n/provider';
import { useDashboardStore } from '@/client/store/provider';
import type { Alert } from '@/lib/protocol';
import { keepAlert } from './alert-answer';
import type { Report } from './alert-answer';
import { ChannelChecks } from './alert-channel-checks';
import styles from './alerts-panel.module.css';

/** What a list row hands the editor. */
export interface ChannelEditorProps {
  id: string;
  alert: Alert;
  /** The alert in words (alertName), for the legend and the message. */
  name: string;
  channels: readonly ChannelName[];
  report: Report;
  /** Cancel, or the channels saved. */
  onClose(): void;
}

/** The checkboxes start as the alert's channels; Save sends them all, Cancel leaves them. */
export function ChannelEditor({ id, alert, name, channels, report, onClose }: ChannelEditorProps) {
  const store = useDashboardStore();
  const t = useT('alerts');
  const [checked, setChecked] = useState<ReadonlySet<string>>(() => new Set(alert.channels));
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  // Opened by a click: the focus goes to the first box.
  useEffect(() => {
    box.current?.querySelector('input')?.focus();
  }, []);

  const toggle = (channel: string, on: boolean) =>
    setChecked((was) => {
      const next = new Set(was);
      if (on) next.add(channel);
      else next.delete(channel);
      return next;
    });

  const save = async () => {
    setBusy(true);
    // Only channels still listed: the id of one deleted since would be refused.
    const ids = channels.filter((c) => checked.has(c.id)).map((c) => c.id);
    const result = await setAlertChannels(alert.id, ids);
    setBusy(false);
    if (!result.ok) {
      report({ error: result.message });
      return;
    }
    keepAlert(store, result.data);
    report({ done: t('channelsDone', { alert: name }) });
    onClose();
  };

  return (
    <div id={id} ref={box} className={styles.editor}>
      <ChannelChecks
        legend={t('channelsEditLegend', { alert: name })}
        channels={channels}
        checked={checked}
        onToggle={toggle}
      >
        <div className={styles.buttons}>
          <button type="button" className={styles.small} disabled={busy} onClick={() => void save()}>
            {busy ? t('saving') : t('save')}
          </button>
          <button type="button" className={styles.small} onClick={onClose}>
            {t('cancel')}
          </button>
        </div>
      </ChannelChecks>
    </div>
  );
}
