import type { Metadata } from 'next';
import { PageShell } from '@/components/page-shell';
import { UsersAdmin } from './_components/users-admin';

export const metadata: Metadata = { title: 'Users · Livefolio' };

/** User administration; the API lets only admins list or add accounts, and this page shows its answer. */
export default function UsersPage() {
  return (
    <PageShell title="Users">
      <UsersAdmin />
    </PageShell>
  );
}
