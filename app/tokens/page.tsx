import type { Metadata } from 'next';
import { requestMessages } from '@/app/_lib/request-locale';
import { PageShell } from '@/components/page-shell';
import { TokensManager } from './_components/tokens-manager';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await requestMessages();
  return { title: t('tokens', 'metaTitle') };
}

/** Personal access tokens (docs/protocol.md A9): what lets a script or another tool read the portfolio. */
export default async function TokensPage() {
  const { t } = await requestMessages();
  return (
    <PageShell title={t('tokens', 'pageTitle')}>
      <TokensManager />
    </PageShell>
  );
}
