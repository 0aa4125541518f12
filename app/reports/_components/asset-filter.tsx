'use client';
/** "Asset: All assets / BTC (12) / …": which asset's gains the table lists, and what they come to. */
import { useId } from 'react';
import { useT } from '@/client/i18n/provider';
import fieldStyles from '@/components/auth-card.module.css';
import { Money } from '@/components/portfolio-summary';
import type { GainLineAnswer } from '@/client/api/reports';
import { Exact } from '@/client/exact';
import styles from './reports.module.css';

/** The assets of the lines, A to Z, each with its number of lines. */
function assetCounts(gains: readonly GainLineAnswer[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const g of gains) counts.set(g.asset, (counts.get(g.asset) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => (a < b ? -1 : 1));
}

/** The gain of some lines, per currency (an asset has one, but lines are never added across two). */
function gainsByCurrency(lines: readonly GainLineAnswer[]): Array<[string, Exact]> {
  const sums = new Map<string, Exact>();
  for (const g of lines) sums.set(g.currency, new Exact(g.gain).plus(sums.get(g.currency) ?? 0));
  return [...sums];
}

/** The select, shown when the lines are of more than one asset; `value` null is all of them. */
export function AssetFilter({
  gains,
  shown,
  value,
  onChange,
}: {
  gains: readonly GainLineAnswer[];
  /** The lines the table lists now. */
  shown: readonly GainLineAnswer[];
  value: string | null;
  onChange(asset: string | null): void;
}) {
  const t = useT('reports');
  const id = useId();
  const assets = assetCounts(gains);
  if (assets.length < 2) return null;
  return (
    <div className={styles.filter}>
      <label htmlFor={id}>{t('assetLabel')}</label>
      <select
        id={id}
        className={fieldStyles.input}
        value={value ?? ''}
        onChange={(event) => onChange(event.currentTarget.value || null)}
      >
        <option value="">{t('allAssets')}</option>
        {assets.map(([asset, count]) => (
          <option key={asset} value={asset}>
            {asset} ({count})
          </option>
        ))}
      </select>
      {value !== null &&
        gainsByCurrency(shown).map(([currency, gain]) => (
          <span key={currency} className={styles.subtotal}>
            {t('assetGain', { asset: value })} <Money value={gain} quote={currency} signed />
          </span>
        ))}
    </div>
  );
}
