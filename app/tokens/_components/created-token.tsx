'use client';
/** A token just created, shown this once: copy it, see how to use it, then put it away. */
import { useT } from '@/client/i18n/provider';
import type { ApiToken } from '@/client/api/tokens';
import { ShownOnce } from '@/components/shown-once';
import styles from './tokens.module.css';

export function CreatedToken({
  created,
  onDone,
}: {
  created: { token: ApiToken; secret: string };
  onDone(): void;
}) {
  const t = useT('tokens');
  // Shown only after a click, never rendered on the server: the address is the browser's own.
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  const texts = {
    title: t('createdTitle'),
    note: t('createdNote'),
    label: created.token.name,
    copy: t('copy'),
    copied: t('copied'),
    copyFailed: t('copyFailed'),
    dismiss: t('dismiss'),
  };
  return (
    <ShownOnce id="created-token-title" secret={created.secret} texts={texts} onDone={onDone}>
      <p className={styles.tryIt}>{t('tryIt')}</p>
      <pre className={styles.example}>
        <code>{`curl -H "Authorization: Bearer ${created.secret}" ${origin}/api/v1/portfolio`}</code>
      </pre>
    </ShownOnce>
  );
}
