import type { Metadata } from 'next';
import { requestMessages } from '@/app/_lib/request-locale';
import { PageShell } from '@/components/page-shell';
import { ReportsManager } from './_components/reports-manager';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await requestMessages();
  return { title: t('reports', 'metaTitle') };
}

/** The tax report: realized gains lot by lot and income, for a year or a range, under a cost-basis method. */
export default async function ReportsPage() {
  const { t } = await requestMessages();
  return (
    <PageShell title={t('reports', 'pageTitle')}>
      <ReportsManager />
    </PageShell>
  );
}
