'use client';
/** The user's portfolio accounts as a select's options, and the select that offers "All accounts" before them. */
import type { SelectHTMLAttributes } from 'react';
import { useT } from '@/client/i18n/provider';

/** What naming an account takes: the accounts API's and the portfolio answer's accounts both have it. */
interface NamedAccount {
  id: string;
  name: string;
}

/** One option per account, oldest first as given; null (still loading) is one empty option that says so. */
export function AccountOptions({ accounts }: { accounts: readonly NamedAccount[] | null }) {
  const t = useT('portfolio');
  if (accounts === null) return <option value="">{t('loadingAccounts')}</option>;
  return accounts.map((a) => (
    <option key={a.id} value={a.id}>
      {a.name}
    </option>
  ));
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>;

/** "All accounts", then each account; `value` null is all of them. */
export function AccountSelect({
  accounts,
  value,
  onChange,
  ...select
}: SelectProps & {
  accounts: readonly NamedAccount[];
  value: string | null;
  onChange(id: string | null): void;
}) {
  const t = useT('portfolio');
  return (
    <select {...select} value={value ?? ''} onChange={(event) => onChange(event.currentTarget.value || null)}>
      <option value="">{t('allAccounts')}</option>
      <AccountOptions accounts={accounts} />
    </select>
  );
}
