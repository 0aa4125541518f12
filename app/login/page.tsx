import type { Metadata } from 'next';
import { AuthCard } from '@/components/auth-card';
import { LoginForm } from './_components/login-form';

export const metadata: Metadata = { title: 'Sign in · Livefolio' };

/** The sign-in page; the server sends every signed-out page request here, with the page in `next`. */
export default function LoginPage() {
  return (
    <AuthCard title="Sign in" intro="Sign in to see your watchlist.">
      <LoginForm />
    </AuthCard>
  );
}
