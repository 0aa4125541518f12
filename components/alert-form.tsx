'use client';
/**
 * The new-alert form, loaded only when asked for (alerts-panel.tsx): the kind (a price level, a move, the
 * portfolio's value), its fields, a note and the channels. The server judges every amount and says what is wrong.
 */
import Link from 'next/link';
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { ChannelName } from '@/client/api/channel-names';
import { createAlert } from '@/client/api/alerts';
import type { AlertInput } from '@/client/api/alerts';
import { fetchOwnCurrency } from '@/client/api/own-currency';
import { useT } from '@/client/i18n/provider';
import { useDashboardStore } from '@/client/store/provider';
import { ALERT_CONDITIONS, MAX_ALERT_NOTE_LENGTH, MOVE_DIRECTIONS, MOVE_WINDOWS } from '@/lib/alerts';
import { PORTFOLIO_CURRENCIES } from '@/lib/portfolio/conversion-path';
import type { AlertCondition, AlertKind, MoveDirection, MoveWindow } from '@/lib/protocol';
import { ChannelChecks } from './alert-channel-checks';
import { MarketSelect, PortfolioValueField, PriceField, SelectField, useWatchedMarket } from './alert-fields';
import { keepAlert } from './alert-answer';
import type { Report } from './alert-answer';
import { alertName } from './alert-words';
import { SubmitButton } from './auth-card';
import fieldStyles from './auth-card.module.css';
import styles from './alerts-panel.module.css';

/** What the panel hands the form. */
export interface AlertFormProps {
  /** The user's channels; null while unknown (the alert then goes to all of them, as the server does). */
  channels: readonly ChannelName[] | null;
  report: Report;
  /** Cancel, or an alert set. */
  onClose(): void;
}

const KINDS = [
  { kind: 'price', label: 'kindPrice' },
  { kind: 'move', label: 'kindMove' },
  { kind: 'portfolio', label: 'kindPortfolio' },
] as const satisfies ReadonlyArray<{ kind: AlertKind; label: string }>;

/** Keeps what is typed in each kind's fields while the user switches between kinds. */
export function AlertForm({ channels, report, onClose }: AlertFormProps) {
  const store = useDashboardStore();
  const t = useT('alerts');
  const id = useId();
  const [kind, setKind] = useState<AlertKind>('price');
  const [stream, setStream] = useWatchedMarket();
  const [condition, setCondition] = useState<AlertCondition>('above');
  const [price, setPrice] = useState('');
  const [direction, setDirection] = useState<MoveDirection>('any');
  const [percent, setPercent] = useState('');
  const [moveWindow, setMoveWindow] = useState<MoveWindow>('1h');
  const [value, setValue] = useState('');
  const [currency, setCurrency] = useState<string | null>(null);
  const ownCurrency = useOwnCurrency();
  const [note, setNote] = useState('');
  // The ones unchecked, not the checked: a channel added meanwhile is checked, as all are at first.
  const [unchecked, setUnchecked] = useState<ReadonlySet<string>>(() => new Set());
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);

  // Opened by a click: the focus goes into the form, on the kind chosen.
  useEffect(() => {
    first.current?.focus();
  }, []);

  const shownCurrency = currency ?? ownCurrency ?? '';
  const checked = new Set(channels?.filter((c) => !unchecked.has(c.id)).map((c) => c.id));

  const input = (): AlertInput | null => {
    const trimmed = note.trim();
    const common = {
      ...(trimmed && { note: trimmed }),
      // Channels not known (not loaded): left out, which the server takes as all of them, as the boxes would be.
      ...(channels && { channels: [...checked] }),
    };
    if (kind === 'portfolio')
      return {
        kind,
        condition,
        value: value.trim(),
        ...(shownCurrency && { currency: shownCurrency }),
        ...common,
      };
    if (stream === null) return null;
    if (kind === 'move')
      return { kind, stream, direction, percent: percent.trim(), window: moveWindow, ...common };
    return { kind, stream, condition, price: price.trim(), ...common };
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = input();
    if (busy || body === null) return;
    setBusy(true);
    const result = await createAlert(body);
    setBusy(false);
    if (!result.ok) {
      report({ error: result.message });
      return;
    }
    keepAlert(store, result.data);
    report({ done: t('setDone', { alert: alertName(result.data, t) }) });
    onClose();
  };

  const toggle = (channel: string, on: boolean) =>
    setUnchecked((was) => {
      const next = new Set(was);
      if (on) next.delete(channel);
      else next.add(channel);
      return next;
    });

  const conditionField = (
    <SelectField
      id={`${id}-condition`}
      label={t('conditionLabel')}
      value={condition}
      onChange={(v) => setCondition(v as AlertCondition)}
      options={ALERT_CONDITIONS.map((c) => ({ value: c, text: t(c) }))}
    />
  );
  const currencies = [
    ...(shownCurrency === '' ? [{ value: '', text: t('ownCurrency') }] : []),
    ...PORTFOLIO_CURRENCIES.map((c) => ({ value: c, text: c })),
    // Another server's currency, still shown as the user's own rather than silently replaced.
    ...(shownCurrency && !PORTFOLIO_CURRENCIES.some((c) => c === shownCurrency)
      ? [{ value: shownCurrency, text: shownCurrency }]
      : []),
  ];

  return (
    <form
      className={styles.form}
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => void submit(event)}
      // Escape leaves the form as Cancel does; a select's own Escape (closing its list) never reaches here.
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !busy) onClose();
      }}
    >
      <h3 id={`${id}-title`} className={styles.formTitle}>
        {t('formTitle')}
      </h3>
      <fieldset className={styles.kinds}>
        <legend className={styles.legend}>{t('kindLabel')}</legend>
        <div className={styles.segments}>
          {KINDS.map((k) => (
            <label key={k.kind} className={styles.segment}>
              <input
                ref={k.kind === kind ? first : undefined}
                type="radio"
                name={`${id}-kind`}
                value={k.kind}
                checked={k.kind === kind}
                onChange={() => setKind(k.kind)}
              />
              <span>{t(k.label)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className={styles.fields}>
        {kind !== 'portfolio' && (
          <div className={fieldStyles.field}>
            <label htmlFor={`${id}-market`} className={fieldStyles.label}>
              {t('marketLabel')}
            </label>
            <MarketSelect id={`${id}-market`} stream={stream} onChange={setStream} />
          </div>
        )}
        {kind === 'price' && (
          <>
            {conditionField}
            <PriceField id={`${id}-price`} store={store} stream={stream} value={price} onChange={setPrice} />
          </>
        )}
        {kind === 'move' && (
          <>
            <SelectField
              id={`${id}-direction`}
              label={t('directionLabel')}
              value={direction}
              onChange={(v) => setDirection(v as MoveDirection)}
              options={MOVE_DIRECTIONS.map((d) => ({ value: d, text: t(d) }))}
            />
            <div className={fieldStyles.field}>
              <label htmlFor={`${id}-percent`} className={fieldStyles.label}>
                {t('percentLabel')}
              </label>
              <input
                id={`${id}-percent`}
                className={fieldStyles.input}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                required
                aria-describedby={`${id}-percent-hint`}
                value={percent}
                onChange={(event) => setPercent(event.currentTarget.value)}
              />
              <p id={`${id}-percent-hint`} className={fieldStyles.hint}>
                {t('percentHint')}
              </p>
            </div>
            <SelectField
              id={`${id}-window`}
              label={t('windowLabel')}
              value={moveWindow}
              onChange={(v) => setMoveWindow(v as MoveWindow)}
              options={MOVE_WINDOWS.map((w) => ({ value: w, text: t(`window${w}`) }))}
            />
          </>
        )}
        {kind === 'portfolio' && (
          <>
            {conditionField}
            <PortfolioValueField
              id={`${id}-value`}
              store={store}
              currency={shownCurrency}
              value={value}
              onChange={setValue}
            />
            <SelectField
              id={`${id}-currency`}
              label={t('currencyLabel')}
              value={shownCurrency}
              onChange={setCurrency}
              options={currencies}
            />
          </>
        )}
      </div>
      <div className={fieldStyles.field}>
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
      {channels !== null && channels.length > 0 && (
        <ChannelChecks legend={t('channelsLegend')} channels={channels} checked={checked} onToggle={toggle} />
      )}
      {channels !== null && channels.length === 0 && (
        <p className={styles.noChannels}>
          <Link href="/notifications">{t('noChannels')}</Link>
        </p>
      )}
      <div className={styles.buttons}>
        <SubmitButton busy={busy} label={t('submit')} busyLabel={t('submitting')} />
        <button type="button" className={styles.cancel} onClick={onClose}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

/** The user's portfolio currency, the default of a portfolio alert's; null until known (or when it cannot be). */
function useOwnCurrency(): string | null {
  const [own, setOwn] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    void fetchOwnCurrency(controller.signal).then((result) => {
      if (result.ok) setOwn(result.data);
    });
    return () => controller.abort();
  }, []);
  return own;
}
