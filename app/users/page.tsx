import type { Metadata } from 'next';
import { requestMessages } from '@/app/_lib/request-locale';
import { PageShell } from '@/components/page-shell';
import { UsersAdmin } from './_components/users-admin';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await requestMessages();
  return { title: t('users', 'metaTitle') };
}

/** User administration; the API lets only admins list or add accounts, and this page shows its answer. */
export default async function UsersPage() {
  const { t } = await requestMessages();
  return (
    <PageShell title={t('users', 'pageTitle')}>
      <UsersAdmin />
    </PageShell>
  );
}
