'use client';
/** A row's "are you sure?": what will happen, the button that does it, and Cancel, which has the focus. */
import type { KeyboardEvent, ReactNode } from 'react';
import styles from './confirm-group.module.css';

interface ConfirmGroupProps {
  /** The question, the group's accessible name: "Delete Ledger?". */
  label: string;
  children: ReactNode;
  /** The button's words, idle and while the request runs: "Confirm delete", "Deleting…". */
  action: string;
  busyAction: string;
  /** The Cancel button's word, from the page's catalog. */
  cancel: string;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
  /** Escape cancels; a page may also send the focus back where it was. */
  onKeyDown?(event: KeyboardEvent<HTMLElement>): void;
}

/** The group; Cancel is focused first, so Enter on arrival changes nothing. */
export function ConfirmGroup(props: ConfirmGroupProps) {
  const { label, children, action, busyAction, cancel, busy, onConfirm, onCancel, onKeyDown } = props;
  const keyDown =
    onKeyDown ??
    ((event: KeyboardEvent<HTMLElement>) => {
      if (event.key === 'Escape') onCancel();
    });
  return (
    <div className={styles.confirm} role="group" aria-label={label} onKeyDown={keyDown}>
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
        {cancel}
      </button>
    </div>
  );
}
