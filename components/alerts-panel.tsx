'use client';
/** The "Price alerts" panel: set an alert on a watched market, see each one waiting or triggered, delete it. */
import { memo, useCallback, useEffect, useId, useMemo, useReducer, useState } from 'react';
import type { FormEvent, MouseEvent } from 'react';
import { ALERT_CONDITIONS, MAX_ALERT_NOTE_LENGTH } from '@/lib/alerts';
import type { AlertCondition, PriceAlert, StreamId } from '@/lib/protocol';
import { createAlert, deleteAlert, listAlerts } from '@/client/api/alerts';
import { describeStream, exchangeName, formatClock, formatPrice, decimalsOf } from '@/client/format';
import { useFormatLocale, useT } from '@/client/i18n/provider';
import { useDashboard, useDashboardStore } from '@/client/store/provider';
import type { DashboardStore } from '@/client/store/dashboard-store';
import type { Translate } from '@/lib/i18n/messages/en';
import { FormAlert, formMessage, SubmitButton } from './auth-card';
import type { FormMessage } from './auth-card';
import fieldStyles from './auth-card.module.css';
import styles from './alerts-panel.module.css';
import panelStyles from './portfolio-panel.module.css';
import { formatQuantity } from './portfolio-format';
import tableStyles from './ticker-table.module.css';
import { CrossIcon } from './cross-icon';
import { useBrowserNotifications } from './use-browser-notifications';

type T = Translate<'alerts'>;

/** A condition in a sentence ("… above 50000"); on its own ("Above") its key is the condition itself. */
const CONDITION_WORDS: Record<AlertCondition, 'aboveWord' | 'belowWord'> = {
  above: 'aboveWord',
  below: 'belowWord',
};

/** The panel re-renders for its messages only: the form follows one market's price, the list the alerts. */
export function AlertsPanel() {
  const store = useDashboardStore();
  const t = useT('alerts');
  const [error, setError] = useState<FormMessage | null>(null);
  const [done, setDone] = useState<FormMessage | null>(null);
  const { loadError, retry } = useAlertList(store);
  const permission = useBrowserNotifications(store, t);
  const report = useCallback((outcome: { error: string } | { done: string }) => {
    setError('error' in outcome ? formMessage(outcome.error) : null);
    setDone('done' in outcome ? formMessage(outcome.done) : null);
  }, []);

  return (
    <section className={panelStyles.panel} aria-labelledby="alerts-title">
      <header className={panelStyles.head}>
        <h2 id="alerts-title" className={panelStyles.title}>
          {t('title')}
        </h2>
        {permission.state === 'default' && (
          <div className={panelStyles.controls}>
            <button type="button" className={panelStyles.retry} onClick={permission.request}>
              {t('enableNotifications')}
            </button>
          </div>
        )}
      </header>
      <AlertForm report={report} />
      <div className={styles.feedback}>
        <FormAlert message={error ?? (loadError === null ? null : { text: loadError, at: 0 })} />
        <FormAlert message={done} tone="done" />
        {loadError && (
          <button type="button" className={panelStyles.retry} onClick={retry}>
            {t('retry')}
          </button>
        )}
      </div>
      <AlertList report={report} />
    </section>
  );
}

type Report = (outcome: { error: string } | { done: string }) => void;

// The hint follows the market, but a form need not repaint at the ticker's pace: it costs a layout each time.
const HINT_REFRESH_MS = 2_000;

/** The stream's last price: at once when it first arrives, then at most every HINT_REFRESH_MS. */
function useSampledLast(store: DashboardStore, stream: StreamId | null): number | null {
  const [last, setLast] = useState<number | null>(null);
  useEffect(() => {
    const shown: { value: number | null; at: number } = { value: null, at: 0 };
    const sync = () => {
      const value = stream === null ? null : (store.getState().market.tickers[stream]?.last ?? null);
      const now = Date.now();
      if (value === shown.value) return;
      if (shown.value !== null && value !== null && now - shown.at < HINT_REFRESH_MS) return;
      shown.value = value;
      shown.at = now;
      setLast(value);
    };
    sync();
    return store.subscribe(sync);
  }, [store, stream]);
  return last;
}

/** Market, condition, price (the market's last price as placeholder) and note; the server judges the price. */
const AlertForm = memo(function AlertForm({ report }: { report: Report }) {
  const store = useDashboardStore();
  const watchlist = useDashboard((s) => s.watchlist);
  const [chosen, setChosen] = useState<StreamId | null>(null);
  // A market removed from the watchlist falls back to the first one, like the chart.
  const stream = chosen !== null && watchlist.includes(chosen) ? chosen : (watchlist[0] ?? null);
  const last = useSampledLast(store, stream);
  const [condition, setCondition] = useState<AlertCondition>('above');
  const [price, setPrice] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();
  const t = useT('alerts');
  const locale = useFormatLocale();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || stream === null) return;
    setBusy(true);
    const trimmed = note.trim();
    const result = await createAlert({
      stream,
      condition,
      price: price.trim(),
      ...(trimmed && { note: trimmed }),
    });
    setBusy(false);
    if (!result.ok) {
      report({ error: result.message });
      return;
    }
    const { alerts, setAlerts } = store.getState();
    // The socket's alerts:changed may come before or after this answer, or not at all while it is down.
    if (alerts && !alerts.some((a) => a.id === result.data.id)) setAlerts([...alerts, result.data]);
    setPrice('');
    setNote('');
    report({ done: t('setDone', { alert: alertName(result.data, t) }) });
  };

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)}>
      <div className={`${fieldStyles.field} ${styles.marketField}`}>
        <label htmlFor={`${id}-market`} className={fieldStyles.label}>
          {t('marketLabel')}
        </label>
        <select
          id={`${id}-market`}
          className={fieldStyles.input}
          value={stream ?? ''}
          disabled={stream === null}
          onChange={(event) => setChosen(event.currentTarget.value)}
        >
          {stream === null && <option value="">{t('noMarkets')}</option>}
          {watchlist.map((s) => (
            <option key={s} value={s}>
              {marketName(s)}
            </option>
          ))}
        </select>
      </div>
      <div className={fieldStyles.field}>
        <label htmlFor={`${id}-condition`} className={fieldStyles.label}>
          {t('conditionLabel')}
        </label>
        <select
          id={`${id}-condition`}
          className={fieldStyles.input}
          value={condition}
          onChange={(event) => setCondition(event.currentTarget.value as AlertCondition)}
        >
          {ALERT_CONDITIONS.map((value) => (
            <option key={value} value={value}>
              {t(value)}
            </option>
          ))}
        </select>
      </div>
      <div className={fieldStyles.field}>
        <div className={styles.labelRow}>
          <label htmlFor={`${id}-price`} className={fieldStyles.label}>
            {t('priceLabel')}
          </label>
          {last !== null && (
            <span id={`${id}-last`} className={fieldStyles.hint}>
              {t('lastHint', { price: formatPrice(last, decimalsOf(last), locale) })}
            </span>
          )}
        </div>
        <input
          id={`${id}-price`}
          className={fieldStyles.input}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          required
          placeholder={last === null ? undefined : String(last)}
          aria-describedby={last === null ? undefined : `${id}-last`}
          value={price}
          onChange={(event) => setPrice(event.currentTarget.value)}
        />
      </div>
      <div className={`${fieldStyles.field} ${styles.noteField}`}>
        <label htmlFor={`${id}-note`} className={fieldStyles.label}>
          {t('noteLabel')} <span className={fieldStyles.hint}>{t('optional')}</span>
        </label>
        <input
          id={`${id}-note`}
          className={fieldStyles.input}
          type="text"
          autoComplete="off"
          maxLength={MAX_ALERT_NOTE_LENGTH}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
      </div>
      <div className={styles.submit}>
        <SubmitButton busy={busy} label={t('submit')} busyLabel={t('submitting')} />
      </div>
    </form>
  );
});

/** Newest first; re-renders only when the alerts change. */
const AlertList = memo(function AlertList({ report }: { report: Report }) {
  const alerts = useDashboard((s) => s.alerts);
  const store = useDashboardStore();
  const [deleting, setDeleting] = useState<string | null>(null);
  const t = useT('alerts');
  const locale = useFormatLocale();
  const newestFirst = useMemo(() => (alerts ? [...alerts].reverse() : null), [alerts]);

  const remove = async (alert: PriceAlert, event: MouseEvent<HTMLButtonElement>) => {
    // The button vanishes with its row: hand the focus to a neighbour's so keyboard users keep their place.
    const item = event.currentTarget.closest('li');
    const neighbour = (item?.nextElementSibling ?? item?.previousElementSibling)?.querySelector('button');
    setDeleting(alert.id);
    const result = await deleteAlert(alert.id);
    setDeleting(null);
    if (!result.ok) {
      report({ error: result.message });
      return;
    }
    const current = store.getState().alerts;
    if (current) store.getState().setAlerts(current.filter((a) => a.id !== alert.id));
    report({ done: t('deletedDone', { alert: alertName(alert, t) }) });
    if (neighbour?.isConnected) neighbour.focus();
  };

  if (newestFirst === null) return <p className={panelStyles.placeholder}>{t('loading')}</p>;
  if (newestFirst.length === 0) return <p className={panelStyles.placeholder}>{t('empty')}</p>;
  return (
    <ul className={styles.list}>
      {newestFirst.map((alert) => {
        const { exchange, symbol } = describeStream(alert.stream);
        return (
          <li key={alert.id} className={styles.item}>
            <div className={styles.what}>
              <span className={styles.market}>
                {symbol} <span className={styles.exchange}>· {exchangeName(exchange)}</span>
              </span>
              <span>
                {t(alert.condition)} {formatQuantity(alert.price, locale)}
              </span>
              <AlertState alert={alert} t={t} locale={locale} />
            </div>
            {alert.note && <p className={styles.noteText}>{alert.note}</p>}
            <button
              type="button"
              className={`${tableStyles.remove} ${styles.delete}`}
              aria-label={t('deleteLabel', {
                symbol,
                condition: t(CONDITION_WORDS[alert.condition]),
                price: alert.price,
              })}
              title={t('deleteTitle')}
              disabled={deleting === alert.id}
              onClick={(event) => void remove(alert, event)}
            >
              <CrossIcon />
            </button>
          </li>
        );
      })}
    </ul>
  );
});

function AlertState({ alert, t, locale }: { alert: PriceAlert; t: T; locale: string }) {
  if (alert.triggeredAt === null)
    return <span className={`${styles.state} ${styles.waiting}`}>{t('waiting')}</span>;
  const price = alert.triggeredPrice === null ? '—' : formatQuantity(alert.triggeredPrice, locale);
  // The message leaves {time} for the element, so each language puts the moment where it reads.
  const [before = '', after = ''] = t('triggered', { price }).split('{time}');
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

function marketName(stream: StreamId): string {
  const { exchange, symbol } = describeStream(stream);
  return exchange ? `${symbol} · ${exchangeName(exchange)}` : symbol;
}

function alertName(alert: PriceAlert, t: T): string {
  return t('alertName', {
    market: marketName(alert.stream),
    condition: t(CONDITION_WORDS[alert.condition]),
    price: alert.price,
  });
}

// A firing today shows its time; an older one its date too.
function formatWhen(ms: number, locale: string): string {
  const date = new Date(ms);
  if (date.toDateString() === new Date().toDateString()) return formatClock(ms, true, locale);
  // The date in ISO order, which reads the same in every language; the clock is the locale's.
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${formatClock(ms, false, locale)}`;
}
