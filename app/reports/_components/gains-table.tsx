'use client';
/** The realized gains, one row per piece of a lot that a disposal drew, a page of rows at a time. */
import { useState } from 'react';
import { useFormatLocale, useT } from '@/client/i18n/provider';
import { formatMoney, formatQuantity, formatSignedMoney, tone } from '@/components/portfolio-format';
import table from '@/components/ticker-table.module.css';
import type { GainLineAnswer } from '@/client/api/reports';
import { Exact } from '@/client/exact';
import { AssetFilter } from './asset-filter';
import { PagedTable } from './paged-table';
import type { Column } from './paged-table';
import { AmountsIn, DayCell, singleCurrency } from './report-cells';
import styles from './reports.module.css';

// The columns after Asset and, when the lines are in several currencies, Currency.
const COLUMNS: readonly Column[] = [
  ['colQuantity', true],
  ['colAcquired', false],
  ['colDisposed', false],
  ['colProceeds', true],
  ['colCostBasis', true],
  ['colGain', true],
  ['colDaysHeld', true],
  ['colTerm', false],
];

/** The lines of one asset or of all, with the asset's subtotal; a new choice starts at the first page. */
export function GainsTable({ gains }: { gains: readonly GainLineAnswer[] }) {
  const t = useT('reports');
  const [asset, setAsset] = useState<string | null>(null);
  const lines = asset === null ? gains : gains.filter((g) => g.asset === asset);
  const currency = singleCurrency(gains);
  const columns: Column[] = [['colAsset', false], ...(currency === null ? [CURRENCY] : []), ...COLUMNS];
  return (
    <>
      <div className={styles.toolbar}>
        <AssetFilter gains={gains} shown={lines} value={asset} onChange={setAsset} />
        <AmountsIn currency={currency} />
      </div>
      <PagedTable
        key={asset}
        lines={lines}
        columns={columns}
        caption={t('gainsCaption')}
        noun="line"
        label={t('gainsPages')}
        row={(g, i) => <GainRow key={i} line={g} withCurrency={currency === null} />}
      />
    </>
  );
}

const CURRENCY: Column = ['colCurrency', false];

// Keyed by position: a disposal may draw two pieces acquired by one transaction.
function GainRow({ line: g, withCurrency }: { line: GainLineAnswer; withCurrency: boolean }) {
  const t = useT('reports');
  const locale = useFormatLocale();
  const gain = new Exact(g.gain);
  return (
    <tr>
      <th scope="row" className={`${table.symbolCell} ${styles.pinned}`}>
        {g.asset}
        {/* A phone shows this column alone at first: the gain too, which its own cell says aloud. */}
        <span aria-hidden="true" className={`${table.sub} ${styles.phoneOnly} ${table[tone(gain)]}`}>
          {formatSignedMoney(gain, g.currency, locale)}
        </span>
      </th>
      {withCurrency && <td>{g.currency}</td>}
      <td className={table.num}>{formatQuantity(g.quantity, locale)}</td>
      <DayCell iso={g.acquiredAt} account={g.acquiredIn.name} />
      <DayCell iso={g.disposedAt} account={g.disposedFrom.name} />
      <td className={table.num}>{formatMoney(new Exact(g.proceeds), g.currency, locale)}</td>
      <td className={table.num}>{formatMoney(new Exact(g.costBasis), g.currency, locale)}</td>
      <td className={`${table.num} ${styles.strong} ${table[tone(gain)]}`}>
        {formatSignedMoney(gain, g.currency, locale)}
      </td>
      <td className={table.num}>{formatQuantity(String(g.heldDays), locale)}</td>
      <td>
        <span className={`${styles.term} ${styles[g.term]}`}>
          {t(g.term === 'long' ? 'termLong' : 'termShort')}
        </span>
      </td>
    </tr>
  );
}
