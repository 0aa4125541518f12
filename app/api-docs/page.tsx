import type { Metadata } from 'next';
import { requestMessages } from '@/app/_lib/request-locale';
import { PageShell } from '@/components/page-shell';
import { ApiReference } from './_components/api-reference';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await requestMessages();
  return { title: t('apiDocs', 'metaTitle') };
}

/** The REST API, read from the server's own OpenAPI document (docs/protocol.md H5): what a script can call. */
export default async function ApiDocsPage() {
  const { t } = await requestMessages();
  return (
    <PageShell title={t('apiDocs', 'pageTitle')}>
      <ApiReference />
    </PageShell>
  );
}
