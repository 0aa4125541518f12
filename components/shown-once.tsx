'use client';
/**
 * A secret shown this once (a new API token, a webhook's signing secret): it has the focus, selected, ready to copy
 * by keyboard too; a Copy button; and the way to put it away. The server never shows it again.
 */
import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import styles from './shown-once.module.css';

/** The words, from the page's own catalog. */
export interface ShownOnceTexts {
  title: string;
  note: string;
  /** The field's accessible name: what the secret belongs to. */
  label: string;
  copy: string;
  copied: string;
  copyFailed: string;
  dismiss: string;
}

export function ShownOnce({
  id,
  secret,
  texts,
  onDone,
  children,
}: {
  /** The heading's id, unique in the page. */
  id: string;
  secret: string;
  texts: ShownOnceTexts;
  onDone(): void;
  /** What follows the secret, e.g. how to use it. */
  children?: ReactNode;
}) {
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [secret]);

  const onCopy = () => {
    navigator.clipboard.writeText(secret).then(
      () => setCopy('copied'),
      () => {
        setCopy('failed');
        field.current?.select();
      },
    );
  };

  return (
    <section className={styles.shown} aria-labelledby={id}>
      <h2 id={id} className={styles.title}>
        {texts.title}
      </h2>
      <p className={styles.note}>{texts.note}</p>
      <div className={styles.secretRow}>
        <input
          ref={field}
          className={styles.secret}
          value={secret}
          readOnly
          spellCheck={false}
          aria-label={texts.label}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className={styles.copy} onClick={onCopy}>
          {copy === 'copied' ? texts.copied : texts.copy}
        </button>
      </div>
      <div role="status" className={styles.copyStatus}>
        {copy === 'failed' && texts.copyFailed}
      </div>
      {children}
      <button type="button" className={styles.dismiss} onClick={onDone}>
        {texts.dismiss}
      </button>
    </section>
  );
}
