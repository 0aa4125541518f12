import type { Metadata } from 'next';
import { PageShell } from '@/components/page-shell';
import { TransactionsManager } from './_components/transactions-manager';

export const metadata: Metadata = { title: 'Transactions · Livefolio' };

/** The user's transactions: the form that adds or edits one, and the list with edit and delete. */
export default function TransactionsPage() {
  return (
    <PageShell title="Transactions">
      <TransactionsManager />
    </PageShell>
  );
}
