'use client';
/** The income received in the period (staking rewards, interest, airdrops, other), a page of rows at a time. */
import { formatMoney, formatQuantity } from '@/components/portfolio-format';
import table from '@/components/ticker-table.module.css';
import type { IncomeLineAnswer } from '@/client/api/reports';
import { Decimal } from '@/lib/portfolio/decimal';
import { PagedTable } from './paged-table';
import type { Column } from './paged-table';
import { AmountsIn, singleCurrency } from './report-cells';
import { INCOME_LABELS, utcDay, utcTime } from './report-text';
import styles from './reports.module.css';

/** The value is the coins' market value when received, which is also their cost basis. */
export function IncomeTable({ income }: { income: readonly IncomeLineAnswer[] }) {
  const currency = singleCurrency(income);
  const columns: Column[] = [
    ['Date', false],
    ['Type', false],
    ['Asset', false],
    ['Quantity', true],
    ['Value', true],
    ...(currency === null ? [['Currency', false] as const] : []),
    ['Account', false],
  ];
  return (
    <>
      <div className={styles.toolbar}>
        <AmountsIn currency={currency} />
      </div>
      <PagedTable
        lines={income}
        columns={columns}
        caption="Income received, oldest first; dates in UTC."
        noun="receipt"
        label="Pages of income"
        row={(line) => (
          <tr key={line.transactionId}>
            <th scope="row" className={`${table.text} ${styles.pinned} ${styles.plain}`}>
              <time dateTime={line.time} title={utcTime(line.time)}>
                {utcDay(line.time)}
              </time>
            </th>
            <td>
              <span className={styles.incomeType}>{INCOME_LABELS[line.type]}</span>
            </td>
            <td className={styles.strong}>{line.asset}</td>
            <td className={table.num}>{formatQuantity(line.quantity)}</td>
            <td className={table.num}>{formatMoney(new Decimal(line.value), line.currency)}</td>
            {currency === null && <td>{line.currency}</td>}
            <td className={styles.account}>{line.account.name}</td>
          </tr>
        )}
      />
    </>
  );
}
