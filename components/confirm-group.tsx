'use client';
/** A row's "are you sure?": what will happen, the button that does it, and Cancel, which has the focus. */
import type { KeyboardEvent, ReactNode } from 'react';
import { useT } from '@/client/i18n/provider';
import styles from './accounts.module.css';

interface ConfirmGroupProps {
  /** The question, the group's accessible name: "Delete Ledger?". */
  label: string;
  children: ReactNode;
  /** The button's words, idle and while the request runs: "Confirm delete", "Deleting…". */
  action: string;
  busyAction: string;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
  onKeyDown(event: KeyboardEvent<HTMLElement>): void;
}

/** The group; Cancel is focused first, so Enter on arrival changes nothing. */
export function ConfirmGroup(props: ConfirmGroupProps) {
  const { label, children, action, busyAction, busy, onConfirm, onCancel, onKeyDown } = props;
  const t = useT('accounts');
  return (
    <div className={styles.confirm} role="group" aria-label={label} onKeyDown={onKeyDown}>
      <span>{children}</span>
      <button
        type="button"
        className={`${styles.button} ${styles.danger}`}
        disabled={busy}
        onClick={onConfirm}
      >
        {busy ? busyAction : action}
      </button>
      <button type="button" className={styles.button} autoFocus onClick={onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}
