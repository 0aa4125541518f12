'use client';
/** "Account: All accounts / …": which account's transactions the history lists, kept in the page's address. */
import { useId } from 'react';
import { AccountSelect } from '@/components/account-select';
import fieldStyles from '@/components/auth-card.module.css';
import type { AccountSummary } from '@/client/api/portfolio-accounts';
import { useT } from '@/client/i18n/provider';
import styles from './transactions.module.css';

const PARAM = 'account';

/** The account id in the address (`?account=<id>`), or null for all accounts. */
export function accountInUrl(): string | null {
  return new URLSearchParams(window.location.search).get(PARAM) || null;
}

/** Puts the account in the address without a navigation, so a reload or a shared link shows the same list. */
export function setAccountInUrl(id: string | null): void {
  const url = new URL(window.location.href);
  if (id === null) url.searchParams.delete(PARAM);
  else url.searchParams.set(PARAM, id);
  window.history.replaceState(null, '', url);
}

/** The select; `value` null is "All accounts". */
export function AccountFilter({
  accounts,
  value,
  onChange,
}: {
  accounts: readonly AccountSummary[];
  value: string | null;
  onChange(id: string | null): void;
}) {
  const id = useId();
  const t = useT('transactions');
  return (
    <div className={styles.filter}>
      <label htmlFor={id}>{t('filterLabel')}</label>
      <AccountSelect
        id={id}
        className={fieldStyles.input}
        accounts={accounts}
        value={value}
        onChange={onChange}
      />
    </div>
  );
}
