'use client';
/** The sign-in form: on success it goes to the page the visitor was sent here from, if that page is on this site. */
import { FormAlert, FormField, SubmitButton, UsernameField, useFormRequest } from '@/components/auth-card';
import styles from '@/components/auth-card.module.css';
import { formText, safeNextPath, signIn } from '@/client/api/auth';
import { clearPrivateCaches } from '@/client/offline/private-caches';

/** Username and password; the server's refusal (wrong password, too many tries) is shown as it words it. */
export function LoginForm() {
  const { busy, error, onSubmit } = useFormRequest(async (form) => {
    const result = await signIn(formText(form, 'username').trim(), formText(form, 'password'));
    if (!result.ok) return { error: result.message, field: 'password' };
    // Pages kept for offline use by whoever signed in here before are never shown to this account.
    await clearPrivateCaches();
    // Read now, not at render: the page is static, so only the browser knows its query.
    window.location.assign(safeNextPath(new URLSearchParams(window.location.search).get('next')));
    return { ok: true, leaving: true };
  });

  return (
    <form className={styles.form} onSubmit={onSubmit}>
      <UsernameField autoFocus />
      <FormField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        maxLength={1000}
      />
      <FormAlert message={error} />
      <SubmitButton busy={busy} label="Sign in" busyLabel="Signing in…" />
    </form>
  );
}
