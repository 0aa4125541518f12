import type { Metadata } from 'next';
import { PageShell } from '@/components/page-shell';
import { requestMessages } from '@/app/_lib/request-locale';
import { AccountsManager } from './_components/accounts-manager';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await requestMessages();
  return { title: t('accounts', 'metaTitle') };
}

/** The places the user's holdings are kept: manual accounts (a wallet, a bank) and, later, exchange connections. */
export default async function AccountsPage() {
  const { t } = await requestMessages();
  return (
    <PageShell title={t('accounts', 'title')}>
      <AccountsManager />
    </PageShell>
  );
}
