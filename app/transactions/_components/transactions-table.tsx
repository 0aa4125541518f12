'use client';
/** The transactions, newest first, as a table; each row has Edit and a Delete that asks for confirmation in the row. */
import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { formatQuantity } from '@/components/portfolio-format';
import table from '@/components/ticker-table.module.css';
import { MISSING, exchangeName } from '@/client/format';
import type { TransactionRecord } from '@/client/api/portfolio';
import type { AccountSummary } from '@/client/api/portfolio-accounts';
import { TYPE_LABELS, describeTransaction, formatLocalDateTime } from './transaction-text';
import styles from './transactions.module.css';
import { rowButton, useFocusLater } from '@/components/use-focus-later';

interface TransactionsTableProps {
  transactions: readonly TransactionRecord[];
  /** The user's accounts, to name each transaction's; empty while they load. */
  accounts: readonly AccountSummary[];
  /** The row being edited, marked as current. */
  editingId: string | null;
  onEdit(transaction: TransactionRecord): void;
  /** Resolves true once deleted; a refusal is the caller's to show. */
  onDelete(transaction: TransactionRecord): Promise<boolean>;
}

// Column headers and their alignment: numbers to the right.
const COLUMNS: ReadonlyArray<readonly [string, 'text' | 'num']> = [
  ['Date', 'text'],
  ['Account', 'text'],
  ['Type', 'text'],
  ['Asset', 'text'],
  ['Quantity', 'num'],
  ['Price', 'num'],
  ['Quote', 'text'],
  ['Fee', 'num'],
  ['Exchange', 'text'],
  ['Note', 'text'],
];

/** A real `<table>` in a horizontal scroller (the watchlist's look), so a phone scrolls the table, not the page. */
export function TransactionsTable({
  transactions,
  accounts,
  editingId,
  onEdit,
  onDelete,
}: TransactionsTableProps) {
  const names = new Map(accounts.map((a) => [a.id, a.name]));
  const nameOf = (id: string | undefined) => (id === undefined ? MISSING : (names.get(id) ?? MISSING));
  const [confirming, setConfirming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const focusLater = useFocusLater();

  // The confirmation's buttons vanish with it: the focus goes back to the row's Delete button.
  const close = (id: string) => {
    setConfirming(null);
    focusLater(rowButton('delete', id));
  };
  const confirm = (t: TransactionRecord) => {
    setDeleting(t.id);
    void onDelete(t).then((deleted) => {
      setDeleting(null);
      if (deleted) setConfirming(null);
      else close(t.id);
    });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && confirming) close(confirming);
  };

  return (
    <div className={table.scroller}>
      <table className={table.table}>
        <caption className="sr-only">
          Your transactions, newest first, times in this browser&apos;s time zone.
        </caption>
        <thead>
          <tr>
            {COLUMNS.map(([name, align]) => (
              <th key={name} scope="col" className={table[align]}>
                {name}
              </th>
            ))}
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {transactions.map((t) => {
            const name = describeTransaction(t);
            const current = t.id === editingId;
            return (
              <tr
                key={t.id}
                className={current ? table.selected : undefined}
                aria-current={current || undefined}
              >
                <th scope="row" className={table.symbolCell}>
                  <time dateTime={t.time}>{formatLocalDateTime(t.timeMs)}</time>
                </th>
                <td className={styles.account}>
                  {nameOf(t.account)}
                  {t.toAccount !== undefined && <> → {nameOf(t.toAccount)}</>}
                </td>
                <td>
                  <span className={`${styles.type} ${styles[t.type]}`}>{TYPE_LABELS[t.type]}</span>
                  {t.costUnknown && (
                    <span
                      className={styles.costUnknown}
                      title="An opening balance from an exchange sync: the exchange did not say what it cost. Edit it to state the price paid."
                    >
                      Cost unknown
                    </span>
                  )}
                </td>
                <td className={styles.asset}>{t.asset}</td>
                <td className={table.num}>{formatQuantity(t.quantity)}</td>
                <td className={table.num}>{formatQuantity(t.price)}</td>
                <td>{t.quoteCurrency}</td>
                <td className={table.num}>
                  {formatQuantity(t.fee)} <span className={table.muted}>{t.feeCurrency}</span>
                </td>
                <td>{t.exchange ? exchangeName(t.exchange) : MISSING}</td>
                <td className={styles.note} title={t.note}>
                  {t.note || MISSING}
                </td>
                <td className={styles.actions}>
                  {confirming === t.id ? (
                    <span
                      className={styles.confirm}
                      role="group"
                      aria-label={`Delete ${name}?`}
                      onKeyDown={onKeyDown}
                    >
                      <span aria-hidden="true">Delete?</span>
                      <button
                        type="button"
                        className={`${styles.button} ${styles.danger}`}
                        aria-label={`Confirm delete ${name}`}
                        disabled={deleting === t.id}
                        onClick={() => confirm(t)}
                      >
                        {deleting === t.id ? 'Deleting…' : 'Confirm delete'}
                      </button>
                      <button
                        type="button"
                        className={styles.button}
                        aria-label={`Cancel delete ${name}`}
                        autoFocus
                        onClick={() => close(t.id)}
                      >
                        Cancel
                      </button>
                    </span>
                  ) : (
                    <>
                      <button
                        type="button"
                        className={styles.button}
                        aria-label={`Edit ${name}`}
                        data-action="edit"
                        data-id={t.id}
                        onClick={() => onEdit(t)}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className={`${styles.button} ${styles.danger}`}
                        aria-label={`Delete ${name}`}
                        data-action="delete"
                        data-id={t.id}
                        onClick={() => setConfirming(t.id)}
                      >
                        Delete
                      </button>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
