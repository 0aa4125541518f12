'use client';
/** "Add account": a name, and the new manual account joins the list from the server's answer. */
import { useState } from 'react';
import { FormAlert, FormField, SubmitButton, formMessage, useFormRequest } from '@/components/auth-card';
import type { FormMessage } from '@/components/auth-card';
import { PagePanel } from '@/components/page-shell';
import { createAccount } from '@/client/api/portfolio-accounts';
import type { AccountSummary } from '@/client/api/portfolio-accounts';
import { formText } from '@/client/api/auth';
import { useT } from '@/client/i18n/provider';
import { MAX_ACCOUNT_NAME } from './account-text';
import styles from './accounts.module.css';

/** The form; `onAdded` gets the account as the server stored it. */
export function AddAccountForm({ onAdded }: { onAdded: (account: AccountSummary) => void }) {
  const t = useT('accounts');
  const [done, setDone] = useState<FormMessage | null>(null);
  const { busy, error, onSubmit } = useFormRequest(async (form) => {
    setDone(null);
    const result = await createAccount(formText(form, 'name').trim());
    if (!result.ok) return { error: result.message, field: 'name' };
    onAdded(result.data);
    form.reset();
    setDone(formMessage(t('added', { name: result.data.name })));
    form.querySelector('input')?.focus();
    return { ok: true };
  });

  return (
    <PagePanel title={t('addTitle')} titleId="add-account-title">
      <form className={styles.form} onSubmit={onSubmit}>
        <FormField
          label={t('nameLabel')}
          name="name"
          required
          maxLength={MAX_ACCOUNT_NAME}
          autoComplete="off"
          hint={t('nameHint')}
        />
        <div className={styles.messages}>
          <FormAlert message={error} />
          <FormAlert message={done} tone="done" />
        </div>
        <SubmitButton busy={busy} label={t('addSubmit')} busyLabel={t('adding')} />
      </form>
    </PagePanel>
  );
}
