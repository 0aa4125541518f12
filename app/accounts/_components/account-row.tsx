'use client';
/**
 * One account in the list: its name (a link to its transactions), kind and size, and an exchange account's
 * connection; Rename in place; Delete, confirmed.
 */
import { useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import Link from 'next/link';
import { FormAlert, formMessage } from '@/components/auth-card';
import type { FormMessage } from '@/components/auth-card';
import { rowButton, useFocusLater } from '@/components/use-focus-later';
import { renameAccount } from '@/client/api/portfolio-accounts';
import type { AccountSummary } from '@/client/api/portfolio-accounts';
import type { ConnectionSummary } from '@/client/api/connections';
import { useT } from '@/client/i18n/provider';
import type { Catalog } from '@/lib/i18n/messages/en';
import { MAX_ACCOUNT_NAME, deleteQuestionText, transactionsText } from './account-text';
import { ConfirmGroup } from '@/components/confirm-group';
import { ConnectionActions } from './connection-actions';
import { ConnectionStatus } from './connection-status';
import fieldStyles from '@/components/auth-card.module.css';
import styles from './accounts.module.css';

const KIND_KEYS: Record<AccountSummary['kind'], keyof Catalog['accounts'] & string> = {
  manual: 'kindManual',
  exchange: 'kindExchange',
};

interface AccountRowProps {
  account: AccountSummary;
  /** The exchange connection that keeps the account in sync, if any. */
  connection?: ConnectionSummary;
  /** The user's only account: it cannot be deleted (every transaction needs an account). */
  isLast: boolean;
  onRenamed(account: AccountSummary): void;
  /** Resolves true once deleted; a refusal is the caller's to show. */
  onDelete(account: AccountSummary): Promise<boolean>;
  onConnectionChanged(connection: ConnectionSummary): void;
  onDisconnected(connection: ConnectionSummary): void;
}

/** The row; at most one of renaming and confirming a delete at a time. */
export function AccountRow(props: AccountRowProps) {
  const { account, connection, isLast, onRenamed, onDelete, onConnectionChanged, onDisconnected } = props;
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm'>('view');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormMessage | null>(null);
  const focusLater = useFocusLater();
  const t = useT('accounts');
  const back = (action: string) => {
    setMode('view');
    setError(null);
    focusLater(rowButton(action, account.id));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') back(mode === 'rename' ? 'rename' : 'delete');
  };
  const onRename = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '').trim();
    if (name === account.name) return back('rename');
    setBusy(true);
    void renameAccount(account.id, name).then((result) => {
      setBusy(false);
      if (!result.ok) return setError(formMessage(result.message));
      onRenamed(result.data);
      back('rename');
    });
  };
  const confirmDelete = () => {
    setBusy(true);
    void onDelete(account).then((deleted) => {
      setBusy(false);
      if (!deleted) back('delete');
    });
  };

  return (
    <li className={styles.account}>
      {mode === 'rename' ? (
        <form className={styles.rename} onSubmit={onRename} onKeyDown={onKeyDown}>
          <label className="sr-only" htmlFor={`rename-${account.id}`}>
            {t('renameFieldLabel', { name: account.name })}
          </label>
          <input
            id={`rename-${account.id}`}
            name="name"
            className={`${fieldStyles.input} ${styles.renameInput}`}
            defaultValue={account.name}
            maxLength={MAX_ACCOUNT_NAME}
            required
            autoFocus
            autoComplete="off"
          />
          <button type="submit" className={styles.button} disabled={busy}>
            {busy ? t('saving') : t('save')}
          </button>
          <button type="button" className={styles.button} onClick={() => back('rename')}>
            {t('cancel')}
          </button>
        </form>
      ) : (
        <div className={styles.summary}>
          <Link href={`/transactions?account=${encodeURIComponent(account.id)}`} className={styles.name}>
            {account.name}
          </Link>
          <span className={styles.kind}>{t(KIND_KEYS[account.kind])}</span>
          <span className={styles.muted}>{transactionsText(t, account.transactions)}</span>
        </div>
      )}
      {connection && (
        <ConnectionStatus connection={connection}>
          <ConnectionActions
            connection={connection}
            onChanged={onConnectionChanged}
            onDisconnected={onDisconnected}
          />
        </ConnectionStatus>
      )}
      <FormAlert message={error} />
      {mode === 'confirm' ? (
        <ConfirmGroup
          label={t('deleteQuestion', { name: account.name })}
          action={t('confirmDelete')}
          busyAction={t('deleting')}
          cancel={t('cancel')}
          busy={busy}
          onConfirm={confirmDelete}
          onCancel={() => back('delete')}
          onKeyDown={onKeyDown}
        >
          {deleteQuestionText(t, account.name, account.transactions)}
          {connection && ` ${t('deleteConnectionToo')}`}
        </ConfirmGroup>
      ) : (
        mode === 'view' && (
          <div className={styles.actions}>
            <button
              type="button"
              className={styles.button}
              aria-label={t('renameLabel', { name: account.name })}
              data-action="rename"
              data-id={account.id}
              onClick={() => setMode('rename')}
            >
              {t('rename')}
            </button>
            <button
              type="button"
              className={`${styles.button} ${styles.danger}`}
              aria-label={t('deleteLabel', { name: account.name })}
              title={isLast ? t('lastAccountTitle') : undefined}
              disabled={isLast}
              data-action="delete"
              data-id={account.id}
              onClick={() => setMode('confirm')}
            >
              {t('delete')}
            </button>
          </div>
        )
      )}
    </li>
  );
}
