'use client';
/**
 * The new-alert form's fields that are more than an input: a labelled select, the market, and the price and the
 * portfolio value with the live figure as their hint.
 */
import { useEffect, useState } from 'react';
import { Exact } from '@/client/exact';
import { decimalsOf, formatPrice } from '@/client/format';
import { useFormatLocale, useT } from '@/client/i18n/provider';
import { useDashboard } from '@/client/store/provider';
import type { DashboardState, DashboardStore } from '@/client/store/dashboard-store';
import type { StreamId } from '@/lib/protocol';
import { marketName } from './alert-words';
import { formatMoney } from './portfolio-format';
import fieldStyles from './auth-card.module.css';
import styles from './alerts-panel.module.css';

/** A labelled select of `options`, each a value and its words. */
export function SelectField({
  id,
  label,
  value,
  onChange,
  options,
}: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  options: ReadonlyArray<{ value: string; text: string }>;
}) {
  return (
    <div className={fieldStyles.field}>
      <label htmlFor={id} className={fieldStyles.label}>
        {label}
      </label>
      <select
        id={id}
        className={fieldStyles.input}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The chosen watched market; one removed from the watchlist falls back to the first one, like the chart. */
export function useWatchedMarket(): [StreamId | null, (stream: StreamId) => void] {
  const watchlist = useDashboard((s) => s.watchlist);
  const [chosen, setChosen] = useState<StreamId | null>(null);
  const stream = chosen !== null && watchlist.includes(chosen) ? chosen : (watchlist[0] ?? null);
  return [stream, setChosen];
}

/** The watched markets by name ("BTC/USDT · Binance"); disabled, saying so, while there are none. */
export function MarketSelect({
  id,
  stream,
  onChange,
}: {
  id: string;
  stream: StreamId | null;
  onChange(stream: StreamId): void;
}) {
  const watchlist = useDashboard((s) => s.watchlist);
  const t = useT('alerts');
  return (
    <select
      id={id}
      className={fieldStyles.input}
      value={stream ?? ''}
      disabled={stream === null}
      onChange={(event) => onChange(event.currentTarget.value)}
    >
      {stream === null && <option value="">{t('noMarkets')}</option>}
      {watchlist.map((s) => (
        <option key={s} value={s}>
          {marketName(s)}
        </option>
      ))}
    </select>
  );
}

/** A decimal field with a live figure beside its label (and as its placeholder, when given one). */
function HintedDecimalField({
  id,
  label,
  hint,
  placeholder,
  value,
  onChange,
}: {
  id: string;
  label: string;
  hint: string | null;
  placeholder?: string | undefined;
  value: string;
  onChange(value: string): void;
}) {
  return (
    <div className={fieldStyles.field}>
      <div className={styles.labelRow}>
        <label htmlFor={id} className={fieldStyles.label}>
          {label}
        </label>
        {hint !== null && (
          <span id={`${id}-hint`} className={fieldStyles.hint}>
            {hint}
          </span>
        )}
      </div>
      <input
        id={id}
        className={fieldStyles.input}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        required
        placeholder={placeholder}
        aria-describedby={hint === null ? undefined : `${id}-hint`}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    </div>
  );
}

interface LiveFieldProps {
  id: string;
  store: DashboardStore;
  value: string;
  onChange(value: string): void;
}

/** The price, with the market's last price as placeholder and hint; only this field follows the ticker. */
export function PriceField({ stream, store, ...field }: LiveFieldProps & { stream: StreamId | null }) {
  const t = useT('alerts');
  const locale = useFormatLocale();
  const last = useSampled(store, lastPriceOf, stream);
  return (
    <HintedDecimalField
      {...field}
      label={t('priceLabel')}
      hint={last === null ? null : t('lastHint', { price: formatPrice(last, decimalsOf(last), locale) })}
      placeholder={last === null ? undefined : String(last)}
    />
  );
}

/** The portfolio value to cross, with the portfolio's live value as its hint when it is in `currency`. */
export function PortfolioValueField({ currency, store, ...field }: LiveFieldProps & { currency: string }) {
  const t = useT('alerts');
  const locale = useFormatLocale();
  const now = useSampled(store, portfolioValueIn, currency);
  const money = now === null ? null : `${formatMoney(new Exact(now), currency, locale)} ${currency}`;
  return (
    <HintedDecimalField
      {...field}
      label={t('valueLabel')}
      hint={money === null ? null : t('valueHint', { value: money })}
    />
  );
}

// The hint follows the market, but a form need not repaint at the ticker's pace: it costs a layout each time.
const HINT_REFRESH_MS = 2_000;

/** A live figure of the store, `select(state, arg)`: at once when it first arrives, then at most every HINT_REFRESH_MS. */
function useSampled<A, T extends string | number>(
  store: DashboardStore,
  select: (state: DashboardState, arg: A) => T | null,
  arg: A,
): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    const shown: { value: T | null; at: number } = { value: null, at: 0 };
    const sync = () => {
      const next = select(store.getState(), arg);
      const now = Date.now();
      if (next === shown.value) return;
      if (shown.value !== null && next !== null && now - shown.at < HINT_REFRESH_MS) return;
      shown.value = next;
      shown.at = now;
      setValue(next);
    };
    sync();
    return store.subscribe(sync);
  }, [store, select, arg]);
  return value;
}

const lastPriceOf = (state: DashboardState, stream: StreamId | null) =>
  stream === null ? null : (state.market.tickers[stream]?.last ?? null);

const portfolioValueIn = ({ portfolioValue }: DashboardState, currency: string) =>
  portfolioValue && portfolioValue.currency === currency ? portfolioValue.value : null;
