'use client';
/** The transactions page's state: the list from the server, the row being edited, and deletes with their outcome. */
import { useEffect, useState } from 'react';
import { FormAlert, formMessage } from '@/components/auth-card';
import type { FormMessage } from '@/components/auth-card';
import { PagePanel } from '@/components/page-shell';
import { deleteTransaction, listTransactions } from '@/client/api/transactions';
import type { TransactionRecord } from '@/client/api/transactions';
import { listAccounts } from '@/client/api/portfolio-accounts';
import type { AccountSummary } from '@/client/api/portfolio-accounts';
import { useT } from '@/client/i18n/provider';
import { AccountFilter, accountInUrl, setAccountInUrl } from './account-filter';
import { CsvTools } from './csv-tools';
import { TransactionForm } from './transaction-form';
import { describeTransaction, newestFirst } from './transaction-text';
import { TransactionsTable } from './transactions-table';
import { rowButton, useFocusLater } from '@/components/use-focus-later';
import styles from './transactions.module.css';

/** Loads the list once; adds, edits and deletes update it from the server's answers without loading it again. */
export function TransactionsManager() {
  const t = useT('transactions');
  const [transactions, setTransactions] = useState<TransactionRecord[] | null>(null);
  const [loadError, setLoadError] = useState<FormMessage | null>(null);
  const [signedOut, setSignedOut] = useState(false);
  const [editing, setEditing] = useState<TransactionRecord | null>(null);
  const [refusal, setRefusal] = useState<FormMessage | null>(null);
  const [deleted, setDeleted] = useState<FormMessage | null>(null);
  const focusLater = useFocusLater();

  const [generation, setGeneration] = useState(0);
  // Null until loaded: the form tells "loading" from "one account".
  const [accounts, setAccounts] = useState<AccountSummary[] | null>(null);
  // The account shown, from the page's address (`?account=<id>`, as the Accounts page links); null is all of them.
  const [account, setAccount] = useState<string | null>(null);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the address is known only in the browser
    setAccount(accountInUrl());
  }, []);
  // Loaded again after an import: it may have created accounts.
  useEffect(() => {
    const controller = new AbortController();
    void listAccounts(controller.signal).then((result) => {
      if (!controller.signal.aborted && result.ok) setAccounts(result.data);
    });
    return () => controller.abort();
  }, [generation]);
  const chooseAccount = (id: string | null) => {
    setAccountInUrl(id);
    setAccount(id);
  };
  // Loads again after an import (`generation` changes) and for another account.
  useEffect(() => {
    const controller = new AbortController();
    void listTransactions(controller.signal, account ?? undefined).then((result) => {
      if (controller.signal.aborted) return;
      if (result.ok) setTransactions(newestFirst(result.data));
      else {
        setLoadError(formMessage(result.message));
        setSignedOut(result.status === 401);
      }
    });
    return () => controller.abort();
  }, [generation, account]);

  const onSaved = (saved: TransactionRecord, edited: boolean) => {
    // The form may book in another account than the one listed: such a transaction leaves the list, or stays out.
    const listed = account === null || saved.account === account || saved.toAccount === account;
    setTransactions((list) =>
      newestFirst([...(list ?? []).filter((tx) => tx.id !== saved.id), ...(listed ? [saved] : [])]),
    );
    if (edited) {
      setEditing(null);
      // A row moved to an account not listed is gone: the history's title takes the focus instead.
      focusLater(listed ? rowButton('edit', saved.id) : '#transactions-title');
    }
  };
  const onCancelEdit = () => {
    if (editing) focusLater(rowButton('edit', editing.id));
    setEditing(null);
  };
  const onDelete = async (tx: TransactionRecord): Promise<boolean> => {
    setRefusal(null);
    setDeleted(null);
    const result = await deleteTransaction(tx.id);
    if (!result.ok) {
      // Verbatim: the server names the later transaction that needs this one.
      setRefusal(formMessage(result.message));
      return false;
    }
    setTransactions((list) => (list ?? []).filter((x) => x.id !== tx.id));
    if (editing?.id === tx.id) setEditing(null);
    setDeleted(formMessage(t('deleted', { name: describeTransaction(tx, t) })));
    focusLater('#transactions-title');
    return true;
  };

  return (
    <div className={styles.layout}>
      <TransactionForm
        editing={editing}
        accounts={accounts}
        filtered={account}
        onSaved={onSaved}
        onCancelEdit={onCancelEdit}
      />
      <PagePanel title={t('historyTitle')} titleId="transactions-title" count={transactions?.length}>
        {accounts && accounts.length > 1 && (
          <AccountFilter accounts={accounts} value={account} onChange={chooseAccount} />
        )}
        <div className={styles.messages}>
          <FormAlert message={loadError ?? refusal} />
          <FormAlert message={deleted} tone="done" />
        </div>
        {signedOut && (
          <p>
            <a href="/login?next=%2Ftransactions" className={styles.link}>
              {t('signIn')}
            </a>
          </p>
        )}
        {transactions === null && !loadError && <p className={styles.muted}>{t('loadingList')}</p>}
        {transactions?.length === 0 && <p className={styles.muted}>{t('emptyList')}</p>}
        {transactions && transactions.length > 0 && (
          <TransactionsTable
            transactions={transactions}
            accounts={accounts ?? []}
            editingId={editing?.id ?? null}
            onEdit={setEditing}
            onDelete={onDelete}
          />
        )}
      </PagePanel>
      <CsvTools accounts={accounts} onImported={() => setGeneration((n) => n + 1)} />
    </div>
  );
}
