'use client';
/**
 * "Connect an exchange": an exchange, a name for its account, and a read-only API key. The server tests the key
 * before it stores anything; the key, secret and passphrase leave the page's fields once they are sent.
 */
import { useId, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { FormAlert, FormField, SubmitButton, formMessage } from '@/components/auth-card';
import type { FormMessage } from '@/components/auth-card';
import { PagePanel } from '@/components/page-shell';
import { useFocusLater } from '@/components/use-focus-later';
import { addConnection } from '@/client/api/connections';
import type { ApiResult, ConnectionSummary } from '@/client/api/connections';
import { formText } from '@/client/api/auth';
import { useT } from '@/client/i18n/provider';
import { accountNameKey } from '@/lib/portfolio/account';
import { MAX_ACCOUNT_NAME } from './account-text';
import { EXCHANGES, PASSPHRASE_EXCHANGES, exchangeTitle, freeName } from './connection-text';
import { withNodes } from './with-nodes';
import fieldStyles from '@/components/auth-card.module.css';
import pageStyles from './accounts.module.css';
import styles from './connections.module.css';

const OTHER = 'other';
const FORM_ID = 'connect-exchange-form';

// Keys and ids are typed exactly: no saved values offered, no capitals, no spelling check (which may send the
// text to a service).
const EXACT_TEXT = { autoComplete: 'off', autoCapitalize: 'none', autoCorrect: 'off', spellCheck: false };

/** A labelled field around any control (a select, a textarea), with an optional hint it is described by. */
function Field(props: {
  label: ReactNode;
  hint?: ReactNode;
  children: (ids: { id: string; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  return (
    <div className={fieldStyles.field}>
      <label htmlFor={id} className={fieldStyles.label}>
        {props.label}
      </label>
      {props.children({ id, ...(props.hint ? { 'aria-describedby': `${id}-hint` } : {}) })}
      {props.hint && (
        <p id={`${id}-hint`} className={fieldStyles.hint}>
          {props.hint}
        </p>
      )}
    </div>
  );
}

/** The field a refusal is about, by the server's message or code. */
function fieldFor(result: Extract<ApiResult<unknown>, { ok: false }>, other: boolean): string | null {
  const named = /^(exchange|name|apiKey|secret|password):/.exec(result.message)?.[1];
  const field = named ?? (result.code === 'UNKNOWN_EXCHANGE' ? 'exchange' : null);
  if (field === 'exchange') return other ? 'exchangeId' : 'exchange';
  if (field === 'password') return 'passphrase';
  if (field) return field;
  if (result.code === 'CONFLICT' && /account named/.test(result.message)) return 'name';
  // What is left of a 400 is the exchange refusing the key.
  return result.status === 400 ? 'apiKey' : null;
}

/** Empties the secret fields, so a key stays in the page no longer than it takes to send it. */
function clearFields(form: HTMLFormElement, names: string[]): void {
  for (const name of names) {
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) field.value = '';
  }
}

/** The form; `takenNames` are the user's account names, so the default name is one the server takes. */
export function ConnectExchangeForm(props: {
  takenNames: readonly string[];
  onConnected(connection: ConnectionSummary): void;
}) {
  const { takenNames, onConnected } = props;
  const t = useT('accounts');
  const [choice, setChoice] = useState<string>(EXCHANGES[0].id);
  const [otherId, setOtherId] = useState('');
  // null: the name follows the exchange until the user types one.
  const [name, setName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormMessage | null>(null);
  const [done, setDone] = useState<FormMessage | null>(null);
  // After the render that ends the busy state: a field disabled while the key was tested takes no focus.
  const focusLater = useFocusLater();
  const focusField = (name: string | null) => name && focusLater(`#${FORM_ID} [name="${name}"]`);
  const exchange = choice === OTHER ? otherId.trim().toLowerCase() : choice;
  const title = exchange ? exchangeTitle(exchange) : t('exchangeFallback');
  const needsPassphrase = PASSPHRASE_EXCHANGES.has(exchange);
  const accountName = name ?? freeName(title, takenNames);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget;
    setDone(null);
    const wanted = accountName.trim();
    if (takenNames.some((taken) => accountNameKey(taken) === accountNameKey(wanted))) {
      setError(formMessage(t('nameTaken', { name: wanted })));
      return focusField('name');
    }
    const password = formText(form, 'passphrase');
    const input = {
      exchange,
      name: wanted,
      apiKey: formText(form, 'apiKey').trim(),
      secret: formText(form, 'secret'),
      ...(password.trim() ? { password } : {}),
    };
    setBusy(true);
    setError(null);
    const result = await addConnection(input);
    clearFields(form, ['secret', 'passphrase']);
    setBusy(false);
    if (!result.ok) {
      setError(formMessage(result.message));
      return focusField(fieldFor(result, choice === OTHER));
    }
    clearFields(form, ['apiKey']);
    setName(null);
    setDone(formMessage(t('connected', { name: result.data.account.name })));
    onConnected(result.data);
    focusField('exchange');
  };

  return (
    <PagePanel title={t('connectTitle')} titleId="connect-exchange-title">
      <p className={styles.intro}>
        {withNodes(t('connectIntro'), { readOnly: <strong>{t('readOnly')}</strong> })}
      </p>
      <form id={FORM_ID} className={fieldStyles.form} onSubmit={(event) => void onSubmit(event)}>
        <Field label={t('exchangeLabel')}>
          {(ids) => (
            <select
              {...ids}
              name="exchange"
              className={fieldStyles.input}
              value={choice}
              onChange={(event) => setChoice(event.currentTarget.value)}
              disabled={busy}
            >
              {EXCHANGES.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
              <option value={OTHER}>{t('otherExchange')}</option>
            </select>
          )}
        </Field>
        {choice === OTHER && (
          <FormField
            label={t('exchangeIdLabel')}
            name="exchangeId"
            required
            pattern="[a-z0-9_]{1,40}"
            {...EXACT_TEXT}
            value={otherId}
            onChange={(event) => setOtherId(event.currentTarget.value)}
            readOnly={busy}
            hint={t('exchangeIdHint')}
          />
        )}
        <FormField
          label={t('accountNameLabel')}
          name="name"
          required
          maxLength={MAX_ACCOUNT_NAME}
          autoComplete="off"
          value={accountName}
          onChange={(event) => setName(event.currentTarget.value)}
          readOnly={busy}
          hint={t('accountNameHint')}
        />
        <FormField
          label={t('apiKeyLabel')}
          name="apiKey"
          type="password"
          required
          {...EXACT_TEXT}
          readOnly={busy}
        />
        <Field label={t('secretLabel')} hint={t('secretHint')}>
          {(ids) => (
            <textarea
              {...ids}
              name="secret"
              className={`${fieldStyles.input} ${styles.secret}`}
              required
              rows={3}
              {...EXACT_TEXT}
              readOnly={busy}
            />
          )}
        </Field>
        <FormField
          label={needsPassphrase ? t('passphraseLabel') : t('passphraseOptionalLabel')}
          name="passphrase"
          type="password"
          required={needsPassphrase}
          {...EXACT_TEXT}
          readOnly={busy}
          hint={needsPassphrase ? t('passphraseHint', { exchange: title }) : t('passphraseOptionalHint')}
        />
        <div className={pageStyles.messages}>
          <FormAlert message={error} />
          <FormAlert message={done} tone="done" />
          <div role="status" className={fieldStyles.region}>
            {busy && <p className={styles.busy}>{t('testingKey', { exchange: title })}</p>}
          </div>
        </div>
        <SubmitButton busy={busy} label={t('connect')} busyLabel={t('connecting')} />
      </form>
    </PagePanel>
  );
}
