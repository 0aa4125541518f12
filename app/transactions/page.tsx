import type { Metadata } from 'next';
import { PageShell } from '@/components/page-shell';
import { requestMessages } from '@/app/_lib/request-locale';
import { TransactionsManager } from './_components/transactions-manager';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await requestMessages();
  return { title: t('transactions', 'metaTitle') };
}

/** The user's transactions: the form that adds or edits one, and the list with edit and delete. */
export default async function TransactionsPage() {
  const { t } = await requestMessages();
  return (
    <PageShell title={t('transactions', 'title')}>
      <TransactionsManager />
    </PageShell>
  );
}
