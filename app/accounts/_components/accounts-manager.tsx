'use client';
/**
 * The accounts page's state: the accounts and their exchange connections from the server, renames, deletes and
 * disconnects with their outcome, and the forms that add an account or connect an exchange.
 */
import { useCallback, useEffect, useState } from 'react';
import { FormAlert, formMessage } from '@/components/auth-card';
import type { FormMessage } from '@/components/auth-card';
import { ClockProvider } from '@/components/clock-provider';
import { PagePanel } from '@/components/page-shell';
import { rowButton, useFocusLater } from '@/components/use-focus-later';
import type { ConnectionSummary } from '@/client/api/connections';
import { useT } from '@/client/i18n/provider';
import { deleteAccount, listAccounts } from '@/client/api/portfolio-accounts';
import type { AccountSummary, ApiResult } from '@/client/api/portfolio-accounts';
import { AccountRow } from './account-row';
import { deletedText } from './account-text';
import { AddAccountForm } from './add-account-form';
import { ConnectExchangeForm } from './connect-exchange-form';
import { exchangeTitle } from './connection-text';
import { useConnections } from './use-connections';
import styles from './accounts.module.css';

/**
 * Loads the accounts once, and again whenever a connection changes them (a sync books transactions, a disconnect
 * makes an account manual); every other change updates the list from the server's answer.
 */
export function AccountsManager() {
  const [accounts, setAccounts] = useState<AccountSummary[] | null>(null);
  const [loadError, setLoadError] = useState<FormMessage | null>(null);
  const [signedOut, setSignedOut] = useState(false);
  const [refusal, setRefusal] = useState<FormMessage | null>(null);
  const [done, setDone] = useState<FormMessage | null>(null);
  const focusLater = useFocusLater();
  const t = useT('accounts');

  const showAccounts = useCallback((result: ApiResult<AccountSummary[]>) => {
    if (result.ok) setAccounts(result.data);
    setLoadError(result.ok ? null : formMessage(result.message));
    setSignedOut(!result.ok && result.status === 401);
  }, []);
  useEffect(() => {
    const controller = new AbortController();
    void listAccounts(controller.signal).then((result) => controller.signal.aborted || showAccounts(result));
    return () => controller.abort();
  }, [showAccounts]);
  const refreshAccounts = useCallback(() => void listAccounts().then(showAccounts), [showAccounts]);
  const connections = useConnections(refreshAccounts);
  const connectionOf = (account: AccountSummary) =>
    connections.connections?.find((c) => c.account.id === account.id);

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
    const connection = connectionOf(account);
    if (connection) connections.drop(connection.id);
    setDone(formMessage(deletedText(t, account.name, result.data)));
    focusLater('#accounts-title');
    return true;
  };
  const onDisconnected = (connection: ConnectionSummary) => {
    setRefusal(null);
    connections.drop(connection.id);
    setDone(
      formMessage(
        t('disconnected', { name: connection.account.name, exchange: exchangeTitle(connection.exchange) }),
      ),
    );
    // The row stays, without the Disconnect button that had the focus.
    focusLater(rowButton('rename', connection.account.id));
  };

  return (
    <ClockProvider>
      <div className={styles.columns}>
        <PagePanel title={t('listTitle')} titleId="accounts-title" count={accounts?.length}>
          <div className={styles.messages}>
            <FormAlert message={loadError ?? refusal ?? connections.loadError} />
            <FormAlert message={done} tone="done" />
          </div>
          {signedOut && (
            <p>
              <a href="/login?next=%2Faccounts" className={styles.link}>
                {t('signIn')}
              </a>
            </p>
          )}
          {accounts === null && !loadError && <p className={styles.muted}>{t('loading')}</p>}
          {accounts && (
            <ul className={styles.list}>
              {accounts.map((account) => (
                <AccountRow
                  key={account.id}
                  account={account}
                  connection={connectionOf(account)}
                  isLast={accounts.length === 1}
                  onRenamed={onRenamed}
                  onDelete={onDelete}
                  onConnectionChanged={connections.put}
                  onDisconnected={onDisconnected}
                />
              ))}
            </ul>
          )}
        </PagePanel>
        <div className={styles.side}>
          <ConnectExchangeForm
            takenNames={accounts?.map((a) => a.name) ?? []}
            onConnected={connections.put}
          />
          <AddAccountForm onAdded={(account) => setAccounts((list) => [...(list ?? []), account])} />
        </div>
      </div>
    </ClockProvider>
  );
}
