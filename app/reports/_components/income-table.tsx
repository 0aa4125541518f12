'use client';
/** The income received in the period (staking rewards, interest, airdrops, other), a page of rows at a time. */
import { useFormatLocale, useT } from '@/client/i18n/provider';
import { formatMoney, formatQuantity } from '@/components/portfolio-format';
import table from '@/components/ticker-table.module.css';
import type { IncomeLineAnswer } from '@/client/api/reports';
import { Exact } from '@/client/exact';
import { PagedTable } from './paged-table';
import type { Column } from './paged-table';
import { AmountsIn, singleCurrency } from './report-cells';
import { INCOME_KEYS, utcDay, utcTime } from './report-text';
import styles from './reports.module.css';

/** The value is the coins' market value when received, which is also their cost basis. */
export function IncomeTable({ income }: { income: readonly IncomeLineAnswer[] }) {
  const t = useT('reports');
  const locale = useFormatLocale();
  const currency = singleCurrency(income);
  const columns: Column[] = [
    ['colDate', false],
    ['colType', false],
    ['colAsset', false],
    ['colQuantity', true],
    ['colValue', true],
    ...(currency === null ? [['colCurrency', false] as const] : []),
    ['colAccount', false],
  ];
  return (
    <>
      <div className={styles.toolbar}>
        <AmountsIn currency={currency} />
      </div>
      <PagedTable
        lines={income}
        columns={columns}
        caption={t('incomeCaption')}
        noun="receipt"
        label={t('incomePages')}
        row={(line) => (
          <tr key={line.transactionId}>
            <th scope="row" className={`${table.text} ${styles.pinned} ${styles.plain}`}>
              <time dateTime={line.time} title={utcTime(line.time)}>
                {utcDay(line.time)}
              </time>
            </th>
            <td>
              <span className={styles.incomeType}>{t(INCOME_KEYS[line.type])}</span>
            </td>
            <td className={styles.strong}>{line.asset}</td>
            <td className={table.num}>{formatQuantity(line.quantity, locale)}</td>
            <td className={table.num}>{formatMoney(new Exact(line.value), line.currency, locale)}</td>
            {currency === null && <td>{line.currency}</td>}
            <td className={styles.account}>{line.account.name}</td>
          </tr>
        )}
      />
    </>
  );
}
