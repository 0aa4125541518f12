import type { Metadata } from 'next';
import { PageShell } from '@/components/page-shell';
import { AccountsManager } from './_components/accounts-manager';

export const metadata: Metadata = { title: 'Accounts · Livefolio' };

/** The places the user's holdings are kept: manual accounts (a wallet, a bank) and, later, exchange connections. */
export default function AccountsPage() {
  return (
    <PageShell title="Accounts">
      <AccountsManager />
    </PageShell>
  );
}
