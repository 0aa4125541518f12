'use client';
/** The realized gains, one row per piece of a lot that a disposal drew, a page of rows at a time. */
import { useState } from 'react';
import { formatMoney, formatQuantity, formatSignedMoney, tone } from '@/components/portfolio-format';
import table from '@/components/ticker-table.module.css';
import type { GainLineAnswer } from '@/client/api/reports';
import { Decimal } from '@/lib/portfolio/decimal';
import { AssetFilter } from './asset-filter';
import { PagedTable } from './paged-table';
import type { Column } from './paged-table';
import { AmountsIn, DayCell, singleCurrency } from './report-cells';
import styles from './reports.module.css';

// The columns after Asset and, when the lines are in several currencies, Currency.
const COLUMNS: readonly Column[] = [
  ['Quantity', true],
  ['Acquired', false],
  ['Disposed', false],
  ['Proceeds', true],
  ['Cost basis', true],
  ['Gain', true],
  ['Days held', true],
  ['Term', false],
];

/** The lines of one asset or of all, with the asset's subtotal; a new choice starts at the first page. */
export function GainsTable({ gains }: { gains: readonly GainLineAnswer[] }) {
  const [asset, setAsset] = useState<string | null>(null);
  const lines = asset === null ? gains : gains.filter((g) => g.asset === asset);
  const currency = singleCurrency(gains);
  const columns: Column[] = [['Asset', false], ...(currency === null ? [CURRENCY] : []), ...COLUMNS];
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
        caption="Realized gains, one row per lot piece, oldest disposal first; dates in UTC."
        noun="line"
        label="Pages of gains"
        row={(g, i) => <GainRow key={i} line={g} withCurrency={currency === null} />}
      />
    </>
  );
}

const CURRENCY: Column = ['Currency', false];

// Keyed by position: a disposal may draw two pieces acquired by one transaction.
function GainRow({ line: g, withCurrency }: { line: GainLineAnswer; withCurrency: boolean }) {
  const gain = new Decimal(g.gain);
  return (
    <tr>
      <th scope="row" className={`${table.symbolCell} ${styles.pinned}`}>
        {g.asset}
        {/* A phone shows this column alone at first: the gain too, which its own cell says aloud. */}
        <span aria-hidden="true" className={`${table.sub} ${styles.phoneOnly} ${table[tone(gain)]}`}>
          {formatSignedMoney(gain, g.currency)}
        </span>
      </th>
      {withCurrency && <td>{g.currency}</td>}
      <td className={table.num}>{formatQuantity(g.quantity)}</td>
      <DayCell iso={g.acquiredAt} account={g.acquiredIn.name} />
      <DayCell iso={g.disposedAt} account={g.disposedFrom.name} />
      <td className={table.num}>{formatMoney(new Decimal(g.proceeds), g.currency)}</td>
      <td className={table.num}>{formatMoney(new Decimal(g.costBasis), g.currency)}</td>
      <td className={`${table.num} ${styles.strong} ${table[tone(gain)]}`}>
        {formatSignedMoney(gain, g.currency)}
      </td>
      <td className={table.num}>{g.heldDays.toLocaleString('en-US')}</td>
      <td>
        <span className={`${styles.term} ${styles[g.term]}`}>{g.term === 'long' ? 'Long' : 'Short'}</span>
      </td>
    </tr>
  );
}
