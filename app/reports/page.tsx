import type { Metadata } from 'next';
import { PageShell } from '@/components/page-shell';
import { ReportsManager } from './_components/reports-manager';

export const metadata: Metadata = { title: 'Reports · Livefolio' };

/** The tax report: realized gains lot by lot and income, for a year or a range, under a cost-basis method. */
export default function ReportsPage() {
  return (
    <PageShell title="Reports">
      <ReportsManager />
    </PageShell>
  );
}
