import type { Metadata } from 'next';
import Link from 'next/link';
import { UsersAdmin } from './_components/users-admin';
import styles from './_components/users-admin.module.css';

export const metadata: Metadata = { title: 'Users · Livefolio' };

/** User administration; the API lets only admins list or add accounts, and this page shows its answer. */
export default function UsersPage() {
  return (
    <>
      <header className={styles.header}>
        <Link href="/" className={styles.back}>
          <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
            <path
              d="M10 3L5 8l5 5"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.8"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
          Back to dashboard
        </Link>
      </header>
      <main className={styles.main}>
        <h1 className={styles.title}>Users</h1>
        <UsersAdmin />
      </main>
    </>
  );
}
