import type { Metadata } from 'next';
import { AuthCard } from '@/components/auth-card';
import { SetupForm } from './_components/setup-form';

export const metadata: Metadata = { title: 'Set up · Livefolio' };

/** First run: the server shows this page only while no account exists. */
export default function SetupPage() {
  return (
    <AuthCard
      title="Create the first account"
      intro="This account will be the admin: it can add other users. You will be signed in with it."
    >
      <SetupForm />
    </AuthCard>
  );
}
