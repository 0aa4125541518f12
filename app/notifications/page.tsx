import type { Metadata } from 'next';
import { requestMessages } from '@/app/_lib/request-locale';
import { PageShell } from '@/components/page-shell';
import { ChannelsManager } from './_components/channels-manager';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await requestMessages();
  return { title: t('notifications', 'metaTitle') };
}

/** Alert channels (docs/alert-channels.md): where a fired alert goes besides the open tabs. */
export default async function NotificationsPage() {
  const { t } = await requestMessages();
  return (
    <PageShell title={t('notifications', 'pageTitle')}>
      <ChannelsManager />
    </PageShell>
  );
}
