'use client';
/** The header's account control: the user's initial (and name, room permitting) on a button that opens a small panel. */
import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { AdminBadge } from './auth-card';
import type { AccountUser } from '@/client/api/auth';
import { fetchSession, signOut } from '@/client/api/auth';
import { useT } from '@/client/i18n/provider';
import { clearPrivateCaches } from '@/client/offline/private-caches';
import styles from './account-menu.module.css';
import { LanguageSwitch } from './language-switch';
import { ThemeSwitch } from './theme-switch';

type Account =
  | { state: 'loading' }
  | { state: 'signed-in'; user: AccountUser }
  | { state: 'signed-out' }
  // The session could not be read; signing out is still offered.
  | { state: 'unknown' };

/** A disclosure (button + panel), not an ARIA menu: Tab moves through the panel, Escape or a click outside closes it. */
export function AccountMenu() {
  const t = useT('dashboard');
  const [account, setAccount] = useState<Account>({ state: 'loading' });
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    const controller = new AbortController();
    void fetchSession(controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      if (!result.ok) setAccount({ state: 'unknown' });
      else if (result.data.user) setAccount({ state: 'signed-in', user: result.data.user });
      else setAccount({ state: 'signed-out' });
    });
    return () => controller.abort();
  }, []);

  useEffect(() => {
    if (!open) return;
    // Pointer and focus both: a tap elsewhere, or Tab past the panel's last control, closes it.
    const closeIfOutside = (event: Event) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeIfOutside);
    document.addEventListener('focusin', closeIfOutside);
    return () => {
      document.removeEventListener('pointerdown', closeIfOutside);
      document.removeEventListener('focusin', closeIfOutside);
    };
  }, [open]);

  if (account.state === 'loading') return <div className={styles.placeholder} aria-hidden="true" />;
  if (account.state === 'signed-out') {
    return (
      <a href="/login" className={styles.signIn}>
        {t('signIn')}
      </a>
    );
  }

  const user = account.state === 'signed-in' ? account.user : null;
  // The name is an element of its own inside the sentence, wherever the language puts it.
  const [signedInBefore = '', signedInAfter = ''] = t('signedInAs').split('{name}');

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation();
    setOpen(false);
    buttonRef.current?.focus();
  };

  const onSignOut = async () => {
    setBusy(true);
    setError(null);
    // Before the request: once the session ends, the live connection sends the page to sign in at once.
    await clearPrivateCaches();
    const result = await signOut();
    if (result.ok) {
      window.location.assign('/login');
      return;
    }
    setError(result.message);
    setBusy(false);
  };

  return (
    <div ref={rootRef} className={styles.root} onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className={styles.button}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        {/* "Account" plus the name while it shows; a narrow screen hides the name and leaves "Account". */}
        <span className="sr-only">{t('account')} </span>
        <span className={styles.initial} aria-hidden="true">
          {user ? user.username.charAt(0).toUpperCase() : '?'}
        </span>
        {user && <span className={styles.name}>{user.username}</span>}
        <svg className={styles.chevron} width="10" height="10" viewBox="0 0 10 10" aria-hidden="true">
          <path
            d="M2 3.5l3 3 3-3"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinecap="round"
          />
        </svg>
      </button>
      <div id={panelId} className={styles.panel} hidden={!open}>
        {user ? (
          <p className={styles.who}>
            {signedInBefore}
            <strong className={styles.whoName}>{user.username}</strong>
            {signedInAfter}
            {user.isAdmin && <AdminBadge />}
          </p>
        ) : (
          <p className={styles.who}>{t('accountUnknown')}</p>
        )}
        {user && (
          <>
            <a href="/accounts" className={styles.item}>
              {t('accounts')}
            </a>
            <a href="/reports" className={styles.item}>
              {t('reports')}
            </a>
            <a href="/tokens" className={styles.item}>
              {t('apiTokens')}
            </a>
            <a href="/notifications" className={styles.item}>
              {t('notifications')}
            </a>
          </>
        )}
        {user?.isAdmin && (
          <a href="/users" className={styles.item}>
            {t('users')}
          </a>
        )}
        <ThemeSwitch />
        <LanguageSwitch />
        <button type="button" className={styles.item} disabled={busy} onClick={() => void onSignOut()}>
          {busy ? t('signingOut') : t('signOut')}
        </button>
        <div role="alert" className={styles.error}>
          {error}
        </div>
      </div>
    </div>
  );
}
