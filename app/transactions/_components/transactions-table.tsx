'use client';
/** The transactions, newest first, as a table; each row has Edit and a Delete that asks for confirmation in the row. */
import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { formatQuantity } from '@/components/portfolio-format';
import table from '@/components/ticker-table.module.css';
import { MISSING, exchangeName } from '@/client/format';
import type { TransactionRecord } from '@/client/api/transactions';
import type { AccountSummary } from '@/client/api/portfolio-accounts';
import { useFormatLocale, useT } from '@/client/i18n/provider';
import { describeTransaction, formatLocalDateTime, typeLabel } from './transaction-text';
import type { TransactionsKey } from './transaction-text';
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
const COLUMNS: ReadonlyArray<readonly [TransactionsKey, 'text' | 'num']> = [
  ['columnDate', 'text'],
  ['columnAccount', 'text'],
  ['columnType', 'text'],
  ['columnAsset', 'text'],
  ['columnQuantity', 'num'],
  ['columnPrice', 'num'],
  ['columnQuote', 'text'],
  ['columnFee', 'num'],
  ['columnExchange', 'text'],
  ['columnNote', 'text'],
];

/** A real `<table>` in a horizontal scroller (the watchlist's look), so a phone scrolls the table, not the page. */
export function TransactionsTable({
  transactions,
  accounts,
  editingId,
  onEdit,
  onDelete,
}: TransactionsTableProps) {
  const t = useT('transactions');
  const locale = useFormatLocale();
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
  const confirm = (tx: TransactionRecord) => {
    setDeleting(tx.id);
    void onDelete(tx).then((deleted) => {
      setDeleting(null);
      if (deleted) setConfirming(null);
      else close(tx.id);
    });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && confirming) close(confirming);
  };

  return (
    <div className={table.scroller}>
      <table className={table.table}>
        <caption className="sr-only">{t('caption')}</caption>
        <thead>
          <tr>
            {COLUMNS.map(([key, align]) => (
              <th key={key} scope="col" className={table[align]}>
                {t(key)}
              </th>
            ))}
            <th scope="col">
              <span className="sr-only">{t('columnActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {transactions.map((tx) => {
            const name = describeTransaction(tx, t);
            const current = tx.id === editingId;
            return (
              <tr
                key={tx.id}
                className={current ? table.selected : undefined}
                aria-current={current || undefined}
              >
                <th scope="row" className={table.symbolCell}>
                  <time dateTime={tx.time}>{formatLocalDateTime(tx.timeMs)}</time>
                </th>
                <td className={styles.account}>
                  {nameOf(tx.account)}
                  {tx.toAccount !== undefined && <> → {nameOf(tx.toAccount)}</>}
                </td>
                <td>
                  <span className={`${styles.type} ${styles[tx.type]}`}>{typeLabel(tx.type, t)}</span>
                  {tx.costUnknown && (
                    <span className={styles.costUnknown} title={t('costUnknownTitle')}>
                      {t('costUnknown')}
                    </span>
                  )}
                </td>
                <td className={styles.asset}>{tx.asset}</td>
                <td className={table.num}>{formatQuantity(tx.quantity, locale)}</td>
                <td className={table.num}>{formatQuantity(tx.price, locale)}</td>
                <td>{tx.quoteCurrency}</td>
                <td className={table.num}>
                  {formatQuantity(tx.fee, locale)} <span className={table.muted}>{tx.feeCurrency}</span>
                </td>
                <td>{tx.exchange ? exchangeName(tx.exchange) : MISSING}</td>
                <td className={styles.note} title={tx.note}>
                  {tx.note || MISSING}
                </td>
                <td className={styles.actions}>
                  {confirming === tx.id ? (
                    <span
                      className={styles.confirm}
                      role="group"
                      aria-label={t('confirmGroupLabel', { name })}
                      onKeyDown={onKeyDown}
                    >
                      <span aria-hidden="true">{t('confirmQuestion')}</span>
                      <button
                        type="button"
                        className={`${styles.button} ${styles.danger}`}
                        aria-label={t('confirmDeleteLabel', { name })}
                        disabled={deleting === tx.id}
                        onClick={() => confirm(tx)}
                      >
                        {t(deleting === tx.id ? 'deleting' : 'confirmDelete')}
                      </button>
                      <button
                        type="button"
                        className={styles.button}
                        aria-label={t('cancelDeleteLabel', { name })}
                        autoFocus
                        onClick={() => close(tx.id)}
                      >
                        {t('cancelDelete')}
                      </button>
                    </span>
                  ) : (
                    <>
                      <button
                        type="button"
                        className={styles.button}
                        aria-label={t('editLabel', { name })}
                        data-action="edit"
                        data-id={tx.id}
                        onClick={() => onEdit(tx)}
                      >
                        {t('edit')}
                      </button>
                      <button
                        type="button"
                        className={`${styles.button} ${styles.danger}`}
                        aria-label={t('deleteLabel', { name })}
                        data-action="delete"
                        data-id={tx.id}
                        onClick={() => setConfirming(tx.id)}
                      >
                        {t('delete')}
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
