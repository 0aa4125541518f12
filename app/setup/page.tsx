import type { Metadata } from 'next';
import { requestMessages } from '@/app/_lib/request-locale';
import { AuthCard } from '@/components/auth-card';
import { SetupForm } from './_components/setup-form';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await requestMessages();
  return { title: t('setup', 'metaTitle') };
}

/** First run: the server shows this page only while no account exists. */
export default async function SetupPage() {
  const { t } = await requestMessages();
  return (
    <AuthCard title={t('setup', 'title')} intro={t('setup', 'intro')}>
      <SetupForm />
    </AuthCard>
  );
}
