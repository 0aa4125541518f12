'use client';
/** The first-run form: username, password twice; on success the new admin is signed in and goes to the dashboard. */
import { useState } from 'react';
import { useT } from '@/client/i18n/provider';
import {
  FormAlert,
  FormField,
  NewPasswordField,
  SubmitButton,
  UsernameField,
  fieldNamedIn,
  useFormRequest,
} from '@/components/auth-card';
import styles from '@/components/auth-card.module.css';
import { formText, setUpFirstAccount } from '@/client/api/auth';

/** Checks that the passwords match before asking the server, which checks the rest and words its refusals. */
export function SetupForm() {
  const t = useT('setup');
  const [mismatch, setMismatch] = useState(false);
  const { busy, error, onSubmit } = useFormRequest(async (form) => {
    const password = formText(form, 'password');
    const matches = password === formText(form, 'confirm');
    setMismatch(!matches);
    if (!matches) return { error: t('mismatch'), field: 'confirm' };
    const result = await setUpFirstAccount(formText(form, 'username').trim(), password);
    if (!result.ok) return { error: result.message, field: fieldNamedIn(result.message) };
    window.location.assign('/');
    return { ok: true, leaving: true };
  });

  return (
    <form className={styles.form} onSubmit={onSubmit}>
      <UsernameField isNew autoFocus />
      <NewPasswordField />
      <FormField
        label={t('confirmLabel')}
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        maxLength={200}
        aria-invalid={mismatch || undefined}
        onChange={() => setMismatch(false)}
      />
      <FormAlert message={error} />
      <SubmitButton busy={busy} label={t('submit')} busyLabel={t('submitBusy')} />
    </form>
  );
}
