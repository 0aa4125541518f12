'use client';
/** Pieces both report tables use: the currency their amounts are in, and a UTC day with its account. */
import { useT } from '@/client/i18n/provider';
import table from '@/components/ticker-table.module.css';
import { utcDay, utcTime } from './report-text';
import styles from './reports.module.css';

/** The one currency of every line, or null when the lines are in several (each row then names its own). */
export function singleCurrency(lines: ReadonlyArray<{ currency: string }>): string | null {
  const currencies = new Set(lines.map((line) => line.currency));
  return currencies.size === 1 ? ([...currencies][0] ?? null) : null;
}

/** Says once what the amounts are in, rather than on every cell. */
export function AmountsIn({ currency }: { currency: string | null }) {
  const t = useT('reports');
  return currency === null ? null : <p className={styles.amountsIn}>{t('amountsIn', { currency })}</p>;
}

/** A day in UTC, the whole time on hover, and the account under it. */
export function DayCell({ iso, account }: { iso: string; account: string }) {
  return (
    <td>
      <time dateTime={iso} title={utcTime(iso)}>
        {utcDay(iso)}
      </time>
      <span className={`${table.sub} ${styles.account}`}>{account}</span>
    </td>
  );
}
