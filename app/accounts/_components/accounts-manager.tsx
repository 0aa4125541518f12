'use client';
/** The accounts page's state: the list from the server, renames and deletes with their outcome, the add form. */
import { useEffect, useState } from 'react';
import { FormAlert, formMessage } from '@/components/auth-card';
import type { FormMessage } from '@/components/auth-card';
import { PagePanel } from '@/components/page-shell';
import { useFocusLater } from '@/components/use-focus-later';
import { deleteAccount, listAccounts } from '@/client/api/portfolio-accounts';
import type { AccountSummary } from '@/client/api/portfolio-accounts';
import { AccountRow } from './account-row';
import { countText } from './account-text';
import { AddAccountForm } from './add-account-form';
import styles from './accounts.module.css';

/** Loads the list once; every change updates it from the server's answer without loading it again. */
export function AccountsManager() {
  const [accounts, setAccounts] = useState<AccountSummary[] | null>(null);
  const [loadError, setLoadError] = useState<FormMessage | null>(null);
  const [signedOut, setSignedOut] = useState(false);
  const [refusal, setRefusal] = useState<FormMessage | null>(null);
  const [done, setDone] = useState<FormMessage | null>(null);
  const focusLater = useFocusLater();

  useEffect(() => {
    const controller = new AbortController();
    void listAccounts(controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      if (result.ok) setAccounts(result.data);
      else {
        setLoadError(formMessage(result.message));
        setSignedOut(result.status === 401);
      }
    });
    return () => controller.abort();
  }, []);

  const onRenamed = (account: AccountSummary) =>
    setAccounts((list) => (list ?? []).map((a) => (a.id === account.id ? account : a)));
  const onDelete = async (account: AccountSummary): Promise<boolean> => {
    setRefusal(null);
    setDone(null);
    const result = await deleteAccount(account.id);
    if (!result.ok) {
      // Verbatim: the server names the transaction elsewhere that needs this account's holdings.
      setRefusal(formMessage(result.message));
      return false;
    }
    setAccounts((list) => (list ?? []).filter((a) => a.id !== account.id));
    setDone(formMessage(`Deleted ${account.name}${countText(result.data, ' and its ')}.`));
    focusLater('#accounts-title');
    return true;
  };

  return (
    <div className={styles.columns}>
      <PagePanel title="Your accounts" titleId="accounts-title" count={accounts?.length}>
        <div className={styles.messages}>
          <FormAlert message={loadError ?? refusal} />
          <FormAlert message={done} tone="done" />
        </div>
        {signedOut && (
          <p>
            <a href="/login?next=%2Faccounts" className={styles.link}>
              Sign in
            </a>
          </p>
        )}
        {accounts === null && !loadError && <p className={styles.muted}>Loading accounts…</p>}
        {accounts && (
          <ul className={styles.list}>
            {accounts.map((account) => (
              <AccountRow
                key={account.id}
                account={account}
                isLast={accounts.length === 1}
                onRenamed={onRenamed}
                onDelete={onDelete}
              />
            ))}
          </ul>
        )}
      </PagePanel>
      <AddAccountForm onAdded={(account) => setAccounts((list) => [...(list ?? []), account])} />
    </div>
  );
}
