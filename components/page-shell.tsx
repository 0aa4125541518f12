'use client';
/** The frame of a page away from the dashboard: the way back, the page's title, and titled panels. */
import Link from 'next/link';
import { useT } from '@/client/i18n/provider';
import type { ReactNode } from 'react';
import styles from './page-shell.module.css';

/** A header bar with "Back to dashboard", then `<main>` opening with the page's h1. */
export function PageShell({ title, children }: { title: string; children: ReactNode }) {
  const t = useT('common');
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
          {t('backToDashboard')}
        </Link>
      </header>
      <main className={styles.main}>
        <h1 className={styles.title}>{title}</h1>
        {children}
      </main>
    </>
  );
}

/**
 * A bordered section named by its h2 (`titleId`); `count` follows the title in muted text. The heading takes
 * the focus programmatically (tabIndex −1), for when what had it is gone.
 */
export function PagePanel({
  title,
  titleId,
  count,
  children,
}: {
  title: string;
  titleId: string;
  count?: number;
  children: ReactNode;
}) {
  return (
    <section className={styles.panel} aria-labelledby={titleId}>
      <h2 id={titleId} className={styles.panelTitle} tabIndex={-1}>
        {title}
        {count !== undefined && <span className={styles.count}> ({count})</span>}
      </h2>
      {children}
    </section>
  );
}
