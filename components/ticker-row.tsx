'use client';
/** One watched market in the ticker table; re-renders only when its own ticker, series, feed or selection changes. */
import { memo, useState } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import {
  describeStream,
  direction,
  exchangeName,
  formatCompact,
  formatPercent,
  formatPrice,
  priceDecimals,
} from '@/client/format';
import { useFormatLocale, useT } from '@/client/i18n/provider';
import type { StreamId } from '@/lib/protocol';
import { useDashboard } from '@/client/store/provider';
import { selectChartStream } from '@/client/store/dashboard-store';
import { Age } from './age';
import { Sparkline } from './sparkline';
import styles from './ticker-table.module.css';
import { CrossIcon } from './cross-icon';
import { useStreamStatus } from './use-stream-status';

interface TickerRowProps {
  stream: StreamId;
  onSelect(stream: StreamId): void;
  /** Resolves true once the stream is gone from the watchlist. */
  onRemove(stream: StreamId): Promise<boolean>;
}

// The last price seen and which way it moved; `n` counts moves so each one restarts the flash animation.
interface Flash {
  last: number | null;
  dir: 'up' | 'down' | null;
  n: number;
}

/** A `<tr>` of one stream: click or Enter selects it for the chart. */
export const TickerRow = memo(function TickerRow({ stream, onSelect, onRemove }: TickerRowProps) {
  const t = useT('dashboard');
  const locale = useFormatLocale();
  const { exchange, symbol } = describeStream(stream);
  const ticker = useDashboard((s) => s.market.tickers[stream]);
  const points = useDashboard((s) => s.series[stream]);
  const selected = useDashboard((s) => selectChartStream(s) === stream);

  const last = ticker?.last ?? null;
  const [flash, setFlash] = useState<Flash>({ last, dir: null, n: 0 });
  if (flash.last !== last) {
    // Derived during render (React's "adjust state on a prop change"): no effect, no timer.
    const dir = flash.last !== null && last !== null ? (last > flash.last ? 'up' : 'down') : null;
    setFlash({ last, dir, n: flash.n + 1 });
  }

  const decimals = priceDecimals(ticker);
  const status = useStreamStatus(stream);
  const change = direction(ticker?.percentage);
  const quote = symbol.split('/')[1]?.split(':')[0] ?? '';

  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(stream);
    }
  };
  const remove = (event: MouseEvent<HTMLButtonElement>) => {
    event.stopPropagation();
    // The button vanishes with its row: hand the focus to a neighbour so keyboard users keep their place.
    const row = event.currentTarget.closest('tr');
    const neighbour = row?.nextElementSibling ?? row?.previousElementSibling;
    void onRemove(stream).then((removed) => {
      if (removed && neighbour instanceof HTMLElement && neighbour.isConnected) neighbour.focus();
    });
  };

  const className = [styles.row, selected && styles.selected, status?.dim && styles.dim]
    .filter(Boolean)
    .join(' ');
  return (
    <tr
      className={className}
      tabIndex={0}
      aria-current={selected ? 'true' : undefined}
      title={status?.title}
      onClick={() => onSelect(stream)}
      onKeyDown={onKeyDown}
    >
      <th scope="row" className={styles.symbolCell}>
        <span className={styles.symbol}>{symbol}</span>
        <span className={`${styles.sub} ${styles.subExchange}`}>{exchangeName(exchange)}</span>
        {status && <span className={`${styles.flag} ${styles[status.tone]}`}>{status.label}</span>}
      </th>
      <td className={`${styles.text} ${styles.lg}`}>{exchangeName(exchange)}</td>
      <td
        key={flash.n}
        className={`${styles.num} ${styles.last} ${flash.dir ? styles[flash.dir === 'up' ? 'flashUp' : 'flashDown'] : ''}`}
      >
        {formatPrice(last, decimals, locale)}
      </td>
      <td className={`${styles.num} ${styles.lg}`}>{formatPrice(ticker?.bid, decimals, locale)}</td>
      <td className={`${styles.num} ${styles.lg}`}>{formatPrice(ticker?.ask, decimals, locale)}</td>
      <td className={`${styles.num} ${styles[change]}`}>
        {change !== 'flat' && (
          <span aria-hidden="true" className={styles.arrow}>
            {change === 'up' ? '▲' : '▼'}
          </span>
        )}
        {formatPercent(ticker?.percentage, locale)}
      </td>
      <td
        className={`${styles.num} ${styles.md}`}
        title={
          ticker?.quoteVolume != null ? t('volumeTitle', { volume: ticker.quoteVolume, quote }) : undefined
        }
      >
        {formatCompact(ticker?.quoteVolume ?? ticker?.baseVolume, locale)}
      </td>
      <td className={`${styles.spark} ${styles.md}`}>
        <Sparkline points={points} />
      </td>
      <td className={`${styles.num} ${styles.age} ${styles.md}`}>
        <Age since={ticker?.receivedAt} clock="server" />
      </td>
      <td className={styles.action}>
        <button
          type="button"
          className={styles.remove}
          aria-label={t('removeLabel', { symbol, exchange: exchangeName(exchange) })}
          title={t('removeTitle', { stream })}
          onClick={remove}
        >
          <CrossIcon />
        </button>
      </td>
    </tr>
  );
});
