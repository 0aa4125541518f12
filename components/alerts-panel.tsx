'use client';
/**
 * The "Alerts" panel: the user's alerts (on a price, a move or the portfolio's value) with their states and
 * channels, and a New alert button that opens the form inline. The form's code is fetched only when it is asked
 * for (hovering or focusing the button starts it), so the dashboard's first load stays within its budget.
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { listAlerts } from '@/client/api/alerts';
import { listChannelNames } from '@/client/api/channel-names';
import type { ChannelName } from '@/client/api/channel-names';
import { useT } from '@/client/i18n/provider';
import { useDashboardStore } from '@/client/store/provider';
import type { DashboardStore } from '@/client/store/dashboard-store';
import type { AlertFormProps } from './alert-form';
import { lazyAlertPart } from './alert-lazy-part';
import { AlertList } from './alert-list';
import { FormAlert, formMessage } from './auth-card';
import type { FormMessage } from './auth-card';
import styles from './alerts-panel.module.css';
import panelStyles from './portfolio-panel.module.css';
import { useBrowserNotifications } from './use-browser-notifications';

// Starts fetching the form's code; the bundler keeps the one request, so calling it again costs nothing.
const loadForm = () => import('./alert-form');

const LazyAlertForm = lazyAlertPart<AlertFormProps>(() => loadForm().then((m) => m.AlertForm), {
  className: '',
  buttonClass: panelStyles.retry ?? '',
});

type FormState = 'closed' | 'loading' | 'open';

/** The panel re-renders for its messages, the form's opening and the channels only; the list for the alerts. */
export function AlertsPanel() {
  const store = useDashboardStore();
  const t = useT('alerts');
  const [error, setError] = useState<FormMessage | null>(null);
  const [done, setDone] = useState<FormMessage | null>(null);
  const [form, setForm] = useState<FormState>('closed');
  const newButton = useRef<HTMLButtonElement>(null);
  const { loadError, retry } = useAlertList(store);
  const { channels, reloadChannels } = useChannelNames(store);
  const permission = useBrowserNotifications(store, t);
  const report = useCallback((outcome: { error: string } | { done: string }) => {
    setError('error' in outcome ? formMessage(outcome.error) : null);
    setDone('done' in outcome ? formMessage(outcome.done) : null);
  }, []);

  const open = () => {
    if (form !== 'closed') return;
    setForm('loading');
    // What the last form or row said is over; the form's own outcome comes next.
    setError(null);
    setDone(null);
    // Channels may have been added on the Notifications page since the dashboard loaded them.
    reloadChannels();
    loadForm().then(
      () => setForm((state) => (state === 'loading' ? 'open' : state)),
      () => {
        // Offline before the form was ever fetched: said, and the button tries again when pressed again.
        setForm('closed');
        report({ error: t('formUnavailable') });
      },
    );
  };
  const close = useCallback(() => {
    setForm('closed');
    // The button comes back in the next render: focus it then, so keyboard users keep their place.
    requestAnimationFrame(() => newButton.current?.focus());
  }, []);

  return (
    <section className={panelStyles.panel} aria-labelledby="alerts-title">
      <header className={panelStyles.head}>
        <h2 id="alerts-title" className={panelStyles.title}>
          {t('title')}
        </h2>
        <div className={panelStyles.controls}>
          {permission.state === 'default' && (
            <button type="button" className={panelStyles.retry} onClick={permission.request}>
              {t('enableNotifications')}
            </button>
          )}
          {form !== 'open' && (
            <button
              ref={newButton}
              type="button"
              className={styles.newAlert}
              aria-busy={form === 'loading'}
              onPointerEnter={() => void loadForm().catch(() => undefined)}
              onFocus={() => void loadForm().catch(() => undefined)}
              onClick={open}
            >
              {form === 'loading' ? t('loadingForm') : t('newAlert')}
            </button>
          )}
        </div>
      </header>
      {form === 'open' && <LazyAlertForm channels={channels} report={report} onClose={close} />}
      <div className={styles.feedback}>
        <FormAlert message={error ?? (loadError === null ? null : { text: loadError, at: 0 })} />
        <FormAlert message={done} tone="done" />
        {loadError && (
          <button type="button" className={panelStyles.retry} onClick={retry}>
            {t('retry')}
          </button>
        )}
      </div>
      <AlertList report={report} channels={channels} />
    </section>
  );
}

/** Loads the list on mount and after each reconnect (alerts:changed sent meanwhile were lost); the socket does the rest. */
function useAlertList(store: DashboardStore): { loadError: string | null; retry(): void } {
  const [loadError, setLoadError] = useState<string | null>(null);
  const [attempt, retry] = useReducer((n: number) => n + 1, 0);

  useEffect(() => {
    const controller = new AbortController();
    const load = async () => {
      const before = store.getState().alerts;
      const result = await listAlerts(controller.signal);
      if (controller.signal.aborted) return;
      setLoadError(result.ok ? null : result.message);
      // An alerts:changed that came while the request ran is newer than its answer.
      if (result.ok && store.getState().alerts === before) store.getState().setAlerts(result.data);
    };
    void load();
    const unsubscribe = store.subscribe((s, prev) => {
      const back = s.connection.state === 'live' && prev.connection.state === 'reconnecting';
      if (back) void load();
    });
    return () => {
      controller.abort();
      unsubscribe();
    };
  }, [store, attempt]);

  return { loadError, retry };
}

/**
 * The names of the user's channels, null until known, read again when an alert names one this tab does not know
 * (added on the Notifications page or in another tab since). A failure leaves the last names known (or none): the
 * alerts still work without them, the list just does not name where each goes.
 */
function useChannelNames(store: DashboardStore): { channels: ChannelName[] | null; reloadChannels(): void } {
  const [channels, setChannels] = useState<ChannelName[] | null>(null);
  const [attempt, reloadChannels] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const controller = new AbortController();
    void listChannelNames(controller.signal).then((result) => {
      if (result.ok) setChannels(result.data);
    });
    return () => controller.abort();
  }, [attempt]);
  // Asked once per unknown id: a channel deleted meanwhile must not make every change read them again.
  const asked = useRef(new Set<string>());
  useEffect(() => {
    if (channels === null) return;
    const known = new Set(channels.map((c) => c.id));
    const check = () => {
      const unknown = (store.getState().alerts ?? [])
        .flatMap((a) => a.channels)
        .filter((id) => !known.has(id) && !asked.current.has(id));
      if (unknown.length === 0) return;
      for (const id of unknown) asked.current.add(id);
      reloadChannels();
    };
    check();
    return store.subscribe((s, prev) => {
      if (s.alerts !== prev.alerts) check();
    });
  }, [store, channels]);
  return { channels, reloadChannels };
}
