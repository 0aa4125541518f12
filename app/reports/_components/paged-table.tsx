'use client';
/** A long list as a table drawn a page at a time: a report can hold thousands of lines. */
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useT } from '@/client/i18n/provider';
import table from '@/components/ticker-table.module.css';
import type { Catalog } from '@/lib/i18n/messages/en';
import { rowCount } from './report-text';
import type { RowNoun } from './report-text';
import styles from './reports.module.css';

/** Rows drawn at once: enough to scan, few enough that a page of them renders in a frame or two. */
export const PAGE_SIZE = 100;

/** A column's header (its message) and whether it holds numbers (aligned right). */
export type Column = readonly [header: keyof Catalog['reports'], numeric: boolean];

/**
 * A real `<table>` in a horizontal scroller, its first column pinned while a phone scrolls the rest, and the
 * pager under it. It starts at the first page; key it to start again with other lines.
 */
export function PagedTable<T>({
  lines,
  columns,
  caption,
  noun,
  label,
  row,
}: {
  lines: readonly T[];
  columns: readonly Column[];
  /** Said to screen readers: what the rows are, their order, the time zone. */
  caption: string;
  /** What a row is, for the pager's count: "312 lines". */
  noun: RowNoun;
  /** Names the pager's navigation: "Pages of gains". */
  label: string;
  /** A `<tr>` whose first cell is its `<th scope="row">`, pinned. */
  row(line: T, index: number): ReactNode;
}) {
  const t = useT('reports');
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(lines.length / PAGE_SIZE));
  const shown = lines.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  return (
    <>
      <div className={table.scroller}>
        <table className={table.table}>
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              {columns.map(([header, numeric], i) => (
                <th
                  key={header}
                  scope="col"
                  className={`${numeric ? table.num : table.text} ${i === 0 ? styles.pinned : ''}`}
                >
                  {t(header)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{shown.map(row)}</tbody>
        </table>
      </div>
      <Pager page={page} pages={pages} total={lines.length} noun={noun} label={label} onPage={setPage} />
    </>
  );
}

/**
 * "Lines 101–200 of 312", then Previous and Next. The buttons are only marked unavailable at either end (not
 * disabled), so the focus stays on the one just pressed.
 */
function Pager({
  page,
  pages,
  total,
  noun,
  label,
  onPage,
}: {
  page: number;
  pages: number;
  total: number;
  noun: RowNoun;
  label: string;
  onPage(page: number): void;
}) {
  const t = useT('reports');
  const first = page * PAGE_SIZE + 1;
  const last = Math.min(total, (page + 1) * PAGE_SIZE);
  const range = rowCount(t, noun, total, pages === 1 ? undefined : { first, last });
  const step = (to: number) => () => {
    if (to >= 0 && to < pages) onPage(to);
  };
  return (
    <nav className={styles.pager} aria-label={label}>
      <p className={styles.range} role="status">
        {range}
      </p>
      {pages > 1 && (
        <div className={styles.pageButtons}>
          <button type="button" className={styles.button} aria-disabled={page === 0} onClick={step(page - 1)}>
            {t('previousPage')}
          </button>
          <span className={styles.pageOf}>
            {t('pageOf', { page: String(page + 1), pages: String(pages) })}
          </span>
          <button
            type="button"
            className={styles.button}
            aria-disabled={page === pages - 1}
            onClick={step(page + 1)}
          >
            {t('nextPage')}
          </button>
        </div>
      )}
    </nav>
  );
}
