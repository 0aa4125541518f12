'use client';
/** The user's alerts, newest first: what each watches, its state, where it goes (changeable), and delete. */
import { memo, useMemo, useRef, useState } from 'react';
import type { MouseEvent } from 'react';
import type { ChannelName } from '@/client/api/channel-names';
import { deleteAlert } from '@/client/api/alerts';
import { describeStream, exchangeName, formatClock } from '@/client/format';
import { useFormatLocale, useT } from '@/client/i18n/provider';
import { useDashboard, useDashboardStore } from '@/client/store/provider';
import type { Alert } from '@/lib/protocol';
import type { Translate } from '@/lib/i18n/messages/en';
import type { Report } from './alert-answer';
import type { ChannelEditorProps } from './alert-channel-editor';
import { lazyAlertPart } from './alert-lazy-part';
import { alertName, MOVE_WORDS } from './alert-words';
import styles from './alerts-panel.module.css';
import panelStyles from './portfolio-panel.module.css';
import { formatQuantity } from './portfolio-format';
import tableStyles from './ticker-table.module.css';
import { CrossIcon } from './cross-icon';

type T = Translate<'alerts'>;

// Changing an alert's channels is rare: its code comes when a Channels button is pointed at, focused or pressed.
const loadEditor = () => import('./alert-channel-editor');

const LazyChannelEditor = lazyAlertPart<ChannelEditorProps>(() => loadEditor().then((m) => m.ChannelEditor), {
  className: styles.editor ?? '',
  buttonClass: styles.small ?? '',
});

type EditorState = 'closed' | 'loading' | 'open';

/** Re-renders when the alerts or the channels change; `channels` is null until known. */
export const AlertList = memo(function AlertList({
  report,
  channels,
}: {
  report: Report;
  channels: readonly ChannelName[] | null;
}) {
  const alerts = useDashboard((s) => s.alerts);
  const t = useT('alerts');
  const newestFirst = useMemo(() => (alerts ? [...alerts].reverse() : null), [alerts]);

  if (newestFirst === null) return <p className={panelStyles.placeholder}>{t('loading')}</p>;
  if (newestFirst.length === 0) return <p className={panelStyles.placeholder}>{t('empty')}</p>;
  return (
    <ul className={styles.list}>
      {newestFirst.map((alert) => (
        <AlertItem key={alert.id} alert={alert} channels={channels} report={report} />
      ))}
    </ul>
  );
});

const AlertItem = memo(function AlertItem({
  alert,
  channels,
  report,
}: {
  alert: Alert;
  channels: readonly ChannelName[] | null;
  report: Report;
}) {
  const store = useDashboardStore();
  const t = useT('alerts');
  const locale = useFormatLocale();
  const [deleting, setDeleting] = useState(false);
  const [editor, setEditor] = useState<EditorState>('closed');
  const channelsButton = useRef<HTMLButtonElement>(null);
  const name = alertName(alert, t);
  const editId = `alert-channels-${alert.id}`;

  const toggleEditor = () => {
    if (editor !== 'closed') {
      setEditor('closed');
      return;
    }
    setEditor('loading');
    loadEditor().then(
      () => setEditor((state) => (state === 'loading' ? 'open' : state)),
      () => {
        // Offline before it was ever fetched: said, and the button tries again when pressed again.
        setEditor('closed');
        report({ error: t('formUnavailable') });
      },
    );
  };
  const closeEditor = () => {
    setEditor('closed');
    // The button stays in the row: the focus goes back to it, where the keyboard user left.
    channelsButton.current?.focus();
  };
  const preload = () => void loadEditor().catch(() => undefined);

  const remove = async (event: MouseEvent<HTMLButtonElement>) => {
    // The button vanishes with its row: hand the focus to a neighbour's so keyboard users keep their place.
    const item = event.currentTarget.closest('li');
    const neighbour = (item?.nextElementSibling ?? item?.previousElementSibling)?.querySelector<HTMLElement>(
      '[data-action="delete"]',
    );
    setDeleting(true);
    const result = await deleteAlert(alert.id);
    setDeleting(false);
    if (!result.ok) {
      report({ error: result.message });
      return;
    }
    const current = store.getState().alerts;
    if (current) store.getState().setAlerts(current.filter((a) => a.id !== alert.id));
    report({ done: t('deletedDone', { alert: name }) });
    if (neighbour?.isConnected) neighbour.focus();
  };

  return (
    <li className={styles.item}>
      <div className={styles.what}>
        <AlertWhat alert={alert} t={t} locale={locale} />
        <AlertState alert={alert} t={t} locale={locale} />
      </div>
      {alert.note && <p className={styles.noteText}>{alert.note}</p>}
      {channels && <p className={styles.sentTo}>{sentTo(alert, channels, t)}</p>}
      <div className={styles.actions}>
        {channels && channels.length > 0 && (
          <button
            ref={channelsButton}
            type="button"
            className={styles.small}
            aria-label={t('channelsButtonLabel', { alert: name })}
            aria-expanded={editor === 'open'}
            aria-controls={editor === 'open' ? editId : undefined}
            aria-busy={editor === 'loading'}
            onPointerEnter={preload}
            onFocus={preload}
            onClick={toggleEditor}
          >
            {t('channelsButton')}
          </button>
        )}
        <button
          type="button"
          className={`${tableStyles.remove} ${styles.delete}`}
          data-action="delete"
          aria-label={t('deleteLabel', { alert: name })}
          title={t('deleteTitle')}
          disabled={deleting}
          onClick={(event) => void remove(event)}
        >
          <CrossIcon />
        </button>
      </div>
      {editor === 'open' && channels && (
        <LazyChannelEditor
          id={editId}
          alert={alert}
          name={name}
          channels={channels}
          report={report}
          onClose={closeEditor}
        />
      )}
    </li>
  );
});

/** "BTC/USDT · Binance  Above 50,000", "… ±5 % in 1 hour", "Portfolio  Below 10,000 USD"; numbers in the locale. */
function AlertWhat({ alert, t, locale }: { alert: Alert; t: T; locale: string }) {
  if (alert.kind === 'portfolio')
    return (
      <>
        <span className={styles.market}>{t('portfolio')}</span>
        <span>
          {t(alert.condition)} {formatQuantity(alert.value, locale)} {alert.currency}
        </span>
      </>
    );
  const { exchange, symbol } = describeStream(alert.stream);
  const what =
    alert.kind === 'move'
      ? t(MOVE_WORDS[alert.direction], {
          percent: formatQuantity(alert.percent, locale),
          window: t(`window${alert.window}`),
        })
      : `${t(alert.condition)} ${formatQuantity(alert.price, locale)}`;
  return (
    <>
      <span className={styles.market}>
        {symbol} <span className={styles.exchange}>· {exchangeName(exchange)}</span>
      </span>
      <span>{what}</span>
    </>
  );
}

function AlertState({ alert, t, locale }: { alert: Alert; t: T; locale: string }) {
  if (alert.triggeredAt === null)
    return <span className={`${styles.state} ${styles.waiting}`}>{t('waiting')}</span>;
  let price = alert.triggeredPrice === null ? '—' : formatQuantity(alert.triggeredPrice, locale);
  if (alert.kind === 'portfolio') price = `${price} ${alert.currency}`;
  const change = alert.kind === 'move' ? alert.triggeredChange : null;
  const text =
    change === null
      ? t('triggered', { price })
      : t('triggeredMove', {
          price,
          change: signed(formatQuantity(change.replace(/^-/, ''), locale), change),
        });
  // The message leaves {time} for the element, so each language puts the moment where it reads.
  const [before = '', after = ''] = text.split('{time}');
  return (
    <span className={`${styles.state} ${styles.triggered}`}>
      {before}
      <time dateTime={new Date(alert.triggeredAt).toISOString()}>
        {formatWhen(alert.triggeredAt, locale)}
      </time>
      {after}
    </span>
  );
}

// A real minus sign, and a plus, so the direction reads without colour.
const signed = (digits: string, change: string) => `${change.startsWith('-') ? '−' : '+'}${digits}`;

/** "Sent to Ops hook, Phone", or "Open tabs only"; a channel deleted since is simply not named. */
function sentTo(alert: Alert, channels: readonly ChannelName[], t: T): string {
  const names = channels.filter((c) => alert.channels.includes(c.id)).map((c) => c.name);
  return names.length === 0 ? t('tabsOnly') : t('sentTo', { channels: names.join(', ') });
}

// A firing today shows its time; an older one its date too.
function formatWhen(ms: number, locale: string): string {
  const date = new Date(ms);
  if (date.toDateString() === new Date().toDateString()) return formatClock(ms, true, locale);
  // The date in ISO order, which reads the same in every language; the clock is the locale's.
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${formatClock(ms, false, locale)}`;
}
