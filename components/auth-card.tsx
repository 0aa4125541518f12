'use client';
/** The account pages' shared parts: the centred sign-in / setup card, labelled fields, alerts, a submit hook. */
import { useId, useState } from 'react';
import type { FormEvent, InputHTMLAttributes, ReactNode } from 'react';
import { useT } from '@/client/i18n/provider';
import styles from './auth-card.module.css';

/** A page-filling centred card: the Livefolio mark, a title (the page's h1), an optional line, then the form. */
export function AuthCard({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  const common = useT('common');
  return (
    <main className={styles.page}>
      <section className={styles.card} aria-labelledby="auth-title">
        <p className={styles.brand}>
          {/* The app's own icon, served by this server: no third-party host. A plain img: next/image serves an
              SVG as it is (nothing to optimise) and would load this mark, above the fold, lazily. */}
          {/* eslint-disable-next-line @next/next/no-img-element -- an SVG, above the fold: see above */}
          <img src="/icon.svg" alt="" width={28} height={28} />
          <span>{common('product')}</span>
        </p>
        <h1 id="auth-title" className={styles.title}>
          {title}
        </h1>
        {intro && <p className={styles.intro}>{intro}</p>}
        {children}
      </section>
    </main>
  );
}

type FieldProps = { label: string; hint?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

/** A visible label over an input, and an optional hint the input is described by. */
export function FormField({ label, hint, ...input }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <input id={id} className={styles.input} aria-describedby={hint ? hintId : undefined} {...input} />
      {hint && (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      )}
    </div>
  );
}

/** The "username" field; `isNew` (an account being created) adds the server's rules as a hint, and their cap. */
export function UsernameField({ isNew = false, ...rest }: { isNew?: boolean } & Partial<FieldProps>) {
  const t = useT('setup');
  const rules = isNew ? { hint: t('cardUsernameHint'), maxLength: 40 } : {};
  return (
    <FormField
      label={t('cardUsername')}
      name="username"
      type="text"
      autoComplete="username"
      autoCapitalize="none"
      spellCheck={false}
      required
      maxLength={200}
      {...rules}
      {...rest}
    />
  );
}

/** The "password" field of a new account, with the server's rules as a hint. */
export function NewPasswordField(props: Partial<FieldProps>) {
  const t = useT('setup');
  return (
    <FormField
      label={t('cardPassword')}
      name="password"
      type="password"
      hint={t('cardPasswordHint')}
      autoComplete="new-password"
      required
      minLength={8}
      maxLength={200}
      {...props}
    />
  );
}

/** A message for FormAlert; `at` tells one showing from the next, so the same words twice are announced twice. */
export interface FormMessage {
  text: string;
  at: number;
}

/** A FormMessage stamped now. */
export function formMessage(text: string): FormMessage {
  return { text, at: Date.now() };
}

/** Always in the page, so a message put into it is announced: an error assertively (role alert), 'done' politely. */
export function FormAlert({
  message,
  tone = 'error',
}: {
  message: FormMessage | null;
  tone?: 'error' | 'done';
}) {
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} aria-atomic="true" className={styles.region}>
      {message && (
        <p key={message.at} className={`${styles.alert} ${styles[tone]}`}>
          {message.text}
        </p>
      )}
    </div>
  );
}

/** The form's main button: disabled, with `busyLabel`, while the request runs. */
export function SubmitButton({
  busy,
  label,
  busyLabel,
}: {
  busy: boolean;
  label: string;
  busyLabel: string;
}) {
  return (
    <button type="submit" className={styles.submit} disabled={busy}>
      {busy ? busyLabel : label}
    </button>
  );
}

/** The "Admin" mark next to a username. */
export function AdminBadge() {
  const t = useT('setup');
  return <span className={styles.badge}>{t('cardAdmin')}</span>;
}

/** What a form's request came to: an error and the field to correct, or success (`leaving`: the page is changing). */
export type FormOutcome = { error: string; field: string } | { ok: true; leaving?: boolean };

/**
 * Submits one request at a time: `busy` while `send` runs (and after, when it leaves the page), its error shown
 * in a FormAlert, and the field to correct focused with its text selected.
 */
export function useFormRequest(send: (form: HTMLFormElement) => Promise<FormOutcome>) {
  const [error, setError] = useState<FormMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget;
    setBusy(true);
    setError(null);
    void send(form).then((outcome) => {
      if ('error' in outcome) {
        setError(formMessage(outcome.error));
        focusField(form, outcome.field);
      }
      if (!('leaving' in outcome && outcome.leaving)) setBusy(false);
    });
  };
  return { busy, error, onSubmit };
}

/** The field a server message like "password: a password has at least 8 characters" names, else "username". */
export function fieldNamedIn(message: string): string {
  return /^password:/.test(message) ? 'password' : 'username';
}

function focusField(form: HTMLFormElement, name: string): void {
  const field = form.elements.namedItem(name);
  if (field instanceof HTMLInputElement) {
    field.focus();
    field.select();
  } else if (field instanceof HTMLSelectElement) field.focus();
}
