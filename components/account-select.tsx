'use client';
/** The user's portfolio accounts as a select's options, and the select that offers "All accounts" before them. */
import type { SelectHTMLAttributes } from 'react';

/** What naming an account takes: the accounts API's and the portfolio answer's accounts both have it. */
interface NamedAccount {
  id: string;
  name: string;
}

/** One option per account, oldest first as given; null (still loading) is one empty option that says so. */
export function AccountOptions({ accounts }: { accounts: readonly NamedAccount[] | null }) {
  if (accounts === null) return <option value="">Loading accounts…</option>;
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
  return (
    <select {...select} value={value ?? ''} onChange={(event) => onChange(event.currentTarget.value || null)}>
      <option value="">All accounts</option>
      <AccountOptions accounts={accounts} />
    </select>
  );
}
