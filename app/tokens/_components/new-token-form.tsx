'use client';
/** The "New token" form: a name, read or read-and-write, and how long it lasts. */
import { useId, useState } from 'react';
import { useT } from '@/client/i18n/provider';
import { formText } from '@/client/api/auth';
import { createToken } from '@/client/api/tokens';
import type { ApiToken } from '@/client/api/tokens';
import { FormAlert, FormField, SubmitButton, formMessage, useFormRequest } from '@/components/auth-card';
import type { FormMessage } from '@/components/auth-card';
import { PagePanel } from '@/components/page-shell';
import { MAX_TOKEN_NAME_LENGTH } from '@/lib/api/tokens';
import styles from './tokens.module.css';

/** Lifetimes offered, in days; "never" is the last choice, not the default. */
const LIFETIMES = [7, 30, 90, 365] as const;
const DEFAULT_LIFETIME = '90';

export function NewTokenForm({ onCreated }: { onCreated(made: { token: ApiToken; secret: string }): void }) {
  const t = useT('tokens');
  const expiryId = useId();
  const [done, setDone] = useState<FormMessage | null>(null);
  const { busy, error, onSubmit } = useFormRequest(async (form) => {
    setDone(null);
    const expiry = formText(form, 'expiry');
    const result = await createToken({
      name: formText(form, 'name').trim(),
      scope: formText(form, 'scope') === 'read-write' ? 'read-write' : 'read',
      expiresInDays: expiry === 'never' ? null : Number(expiry),
    });
    if (!result.ok) return { error: result.message, field: 'name' };
    onCreated(result.data);
    form.reset();
    setDone(formMessage(t('created', { name: result.data.token.name })));
    return { ok: true };
  });

  return (
    <PagePanel title={t('newTitle')} titleId="new-token-title">
      <form className={styles.form} onSubmit={onSubmit}>
        <FormField
          label={t('nameLabel')}
          name="name"
          type="text"
          hint={t('nameHint')}
          autoComplete="off"
          required
          maxLength={MAX_TOKEN_NAME_LENGTH}
        />
        <fieldset className={styles.scopes}>
          <legend className={styles.legend}>{t('scopeLabel')}</legend>
          <label className={styles.choice}>
            <input type="radio" name="scope" value="read" defaultChecked />
            <span>
              <strong>{t('scopeRead')}</strong>
              <span className={styles.choiceHint}>{t('scopeReadHint')}</span>
            </span>
          </label>
          <label className={styles.choice}>
            <input type="radio" name="scope" value="read-write" />
            <span>
              <strong>{t('scopeWrite')}</strong>
              <span className={styles.choiceHint}>{t('scopeWriteHint')}</span>
            </span>
          </label>
        </fieldset>
        <div className={styles.field}>
          <label htmlFor={expiryId} className={styles.legend}>
            {t('expiryLabel')}
          </label>
          <select id={expiryId} name="expiry" className={styles.select} defaultValue={DEFAULT_LIFETIME}>
            {LIFETIMES.map((days) => (
              <option key={days} value={String(days)}>
                {t('expiryDays', { count: days })}
              </option>
            ))}
            <option value="never">{t('expiryNever')}</option>
          </select>
        </div>
        <div className={styles.messages}>
          <FormAlert message={error} />
          <FormAlert message={done} tone="done" />
        </div>
        <SubmitButton busy={busy} label={t('createButton')} busyLabel={t('createBusy')} />
      </form>
    </PagePanel>
  );
}
